/** Every fuzz target, in the order docs/reliability.md lists them. */
import { type FuzzTarget } from '../harness.js';
import { iniTarget } from './ini.js';
import { extensionTarget, keyfileTarget } from './keyfile.js';
import { spoolRecordTarget } from './spool-record.js';
import { journalTarget, syslogTarget } from './lines.js';
import { apiTarget, dropTarget } from './events.js';
import { hostApiTarget } from './host-api.js';
import { frameTarget, relayStreamTarget } from './frame.js';
import { csvTarget } from './csv.js';
import { exportZipTarget } from './export-zip.js';
import { modemAnswerTarget } from './modem-answer.js';
import { settingsTarget } from './settings.js';
import { infTarget } from './inf.js';
import { smtpReplyTarget } from './smtp-reply.js';
import { pop3ReplyTarget } from './pop3-reply.js';
import { configFolderTarget } from './config-folder.js';
import { backupArchiveTarget } from './backup-archive.js';

/** A target with its input type forgotten: the harness only hands a target its own arbitrary's values. */
const any = <T>(t: FuzzTarget<T>): FuzzTarget<unknown> => t as unknown as FuzzTarget<unknown>;

/** `npm run fuzz`'s default inputs for the slow targets (figures in docs/reliability.md); the others take 100,000. */
const FULL_RUNS: Readonly<Record<string, number>> = {
  'inf-adr': 20_000,
  'inf-log': 20_000,
  'inf-hbi': 20_000,
  'settings-activation': 20_000,
  'settings-routes': 20_000,
  'settings-schedule': 20_000,
  keyfile: 20_000,
  'extension-key': 20_000,
  'drop-event': 20_000,
  'local-api-event': 20_000,
  'config-folder': 20_000,
  'backup-archive': 20_000,
  'smtp-reply': 3_000,
  'pop3-reply': 2_000,
};

const TARGET_LIST: ReadonlyArray<FuzzTarget<unknown>> = [
  any(iniTarget),
  any(infTarget('adr')),
  any(infTarget('log')),
  any(infTarget('hbi')),
  any(settingsTarget('activation.ini')),
  any(settingsTarget('routes.ini')),
  any(settingsTarget('schedule.ini')),
  any(keyfileTarget),
  any(extensionTarget),
  any(spoolRecordTarget),
  any(syslogTarget),
  any(journalTarget),
  any(dropTarget),
  any(apiTarget),
  any(hostApiTarget),
  any(frameTarget),
  any(relayStreamTarget),
  any(modemAnswerTarget),
  any(smtpReplyTarget),
  any(pop3ReplyTarget),
  any(csvTarget),
  any(exportZipTarget),
  any(configFolderTarget),
  any(backupArchiveTarget),
];

export const TARGETS: ReadonlyArray<FuzzTarget<unknown>> = TARGET_LIST.map((t) => (FULL_RUNS[t.name] ? { ...t, fullRuns: FULL_RUNS[t.name] } : t));
