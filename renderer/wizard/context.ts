/** What every page of the setup utility reads: the typed values, the problems next to the fields, ※ and disabled state. */
import { createContext, useContext } from 'react';
import { type Problem } from '../../shared/messages/problem.js';
import { type Resources } from '../../shared/host/api.js';
import { type Method, type Service, type WizardKey, type WizardValues } from './model.js';

export interface WizardContextValue {
  method: Method;
  service: Service;
  values: WizardValues;
  set(key: WizardKey, value: string): void;
  problemsOf(field: string): Problem[];
  required(key: string): boolean;
  active(key: string): boolean;
  resources?: Resources;
}

export const WizardContext = createContext<WizardContextValue | null>(null);

export function useWizard(): WizardContextValue {
  const w = useContext(WizardContext);
  if (!w) throw new Error('useWizard outside the setup utility');
  return w;
}
