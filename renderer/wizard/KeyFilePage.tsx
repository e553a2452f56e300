/**
 * 開局キーファイル: the path typed, or a file chosen with 参照 (the browser reads it; the host gets its content). The file
 * is read (verified) by the host on 次へ; its problems show under the field.
 */
import { type ReactNode } from 'react';
import { def } from '../../shared/settings/define.js';
import { type FileRef } from '../../shared/host/api.js';
import { useApp } from '../store-context.js';
import { Field } from '../components/Field.js';
import { PageHeading } from './PageHeading.js';
import { useWizard } from './context.js';
import { KEYFILE_FIELD } from './model.js';
import { W } from './texts.js';
import { FilePicker } from '../components/FilePicker.js';

const keyFileDef = def.text({
  key: KEYFILE_FIELD,
  file: 'activation.ini',
  section: 'Activation',
  name: 'KeyFile',
  default: '',
  maxLength: 4096,
  charClass: 'any',
  accessKey: 'F',
  label: W.keyFileLabel,
  guide: W.keyFileGuide,
});

export interface KeyFilePageProps {
  path: string;
  onPath(path: string): void;
  onFile(ref: FileRef, shown: string): void;
  onError(message: string): void;
  /** The user system code of the key file read last, if any. */
  userSystemCode?: string;
}

export function KeyFilePage({ path, onPath, onFile, onError, userSystemCode }: KeyFilePageProps): ReactNode {
  const lang = useApp((s) => s.lang);
  const w = useWizard();
  return (
    <section className="wizard-page">
      <PageHeading title={W.keyFilePage} intro={W.keyFileIntro} />
      <div className="wizard-file-row">
        <Field def={keyFileDef} value={path} onChange={onPath} problems={w.problemsOf(KEYFILE_FIELD)} required />
        <FilePicker label={W.browse[lang]} testId="keyfile-picker" onPick={(f) => onFile(f, f.name)} onError={onError} />
      </div>
      {userSystemCode ? <p className="wizard-note">{`${W.userSystemCode[lang]}: ${userSystemCode}`}</p> : null}
    </section>
  );
}
