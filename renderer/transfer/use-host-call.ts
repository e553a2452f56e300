/**
 * The problems and busy state of a dialog that asks the host: `refuse` shows problems and moves the focus to the first
 * refused field; `call` runs one request while busy, an error it throws shown as its problems.
 */
import { useState } from 'react';
import { problemsOf } from '../../shared/host/errors.js';
import { type Problem } from '../../shared/messages/problem.js';
import { useFocusInvalid } from '../components/focus-invalid.js';

export interface HostCall {
  problems: Problem[];
  setProblems(ps: Problem[]): void;
  busy: boolean;
  refuse(ps: Problem[]): void;
  call(run: () => Promise<void>): Promise<void>;
}

export function useHostCall(): HostCall {
  const refused = useFocusInvalid();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [busy, setBusy] = useState(false);
  const refuse = (ps: Problem[]): void => {
    setProblems(ps);
    refused(ps);
  };
  const call = async (run: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await run();
    } catch (e) {
      setProblems([...problemsOf(e)]);
    } finally {
      setBusy(false);
    }
  };
  return { problems, setProblems, busy, refuse, call };
}
