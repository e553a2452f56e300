/**
 * A 参照 (Browse) button over a hidden file input: the page reads the chosen file and hands its content on (the host
 * gets `{name, contentBase64}`), so it works the same in the browser and in the sandboxed Electron window.
 */
import { useRef, type ReactNode } from 'react';
import { readBase64 } from './file.js';
import { KeyButton } from './Mnemonic.js';

export interface FilePickerProps {
  /** The button's text with its access key in it, e.g. `参照(W)...`. */
  label: string;
  accept?: string;
  disabled?: boolean;
  testId?: string;
  onPick(file: { name: string; contentBase64: string }): void;
  onError(message: string): void;
}

export function FilePicker({ label, accept, disabled, testId, onPick, onError }: FilePickerProps): ReactNode {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <KeyButton text={label} disabled={disabled} onClick={() => input.current?.click()} />
      <input
        ref={input}
        type="file"
        hidden
        tabIndex={-1}
        aria-hidden="true"
        accept={accept}
        data-testid={testId}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file) return;
          readBase64(file).then(
            (contentBase64) => onPick({ name: file.name, contentBase64 }),
            (err: unknown) => onError(String(err)),
          );
        }}
      />
    </>
  );
}
