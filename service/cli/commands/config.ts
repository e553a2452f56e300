import { ConfigStore } from '../../../shared/node/config-store.js';
import { problem, message } from '../../../shared/messages/problem.js';
import { settingDef, isSettingKey } from '../../../shared/settings/schema.js';
import { formatValue } from '../../../shared/settings/values.js';
import { getValue, listValues } from '../../../shared/settings/access.js';
import { exportSettingsIni } from '../../../shared/config/export.js';
import { type TypedValues } from '../../../shared/host/api.js';
import { printProblems, say } from '../io.js';
import { withFullPaths } from './validate.js';
import { commandHost } from '../host.js';
import { type CliContext } from '../context.js';

function unknownKey(ctx: CliContext, key: string): number {
  printProblems(ctx.io, [problem('ER_3021', { key }, { field: key })]);
  return 1;
}

function usage(ctx: CliContext): number {
  printProblems(ctx.io, [problem('ER_3033')]);
  return 2;
}

/** `config get KEY`: the value as the file holds it; a secret prints only `(set)` or nothing. */
export async function configGet(ctx: CliContext, key: string): Promise<number> {
  const def = settingDef(key);
  if (!def || !isSettingKey(key)) return unknownKey(ctx, key);
  const store = await ConfigStore.open(ctx.configDir);
  const v = getValue(store.config.settings, key);
  ctx.io.out(def.kind === 'secret' ? (v === '' ? '' : '(set)') : formatValue(def, v));
  return 0;
}

/** `config list`: every setting, secrets as `(set)`. */
export async function configList(ctx: CliContext, opts: { json?: boolean }): Promise<number> {
  const store = await ConfigStore.open(ctx.configDir);
  const rows = listValues(store.config.settings);
  if (opts.json) ctx.io.out(JSON.stringify(Object.fromEntries(rows.map((r) => [r.key, r.value])), null, 2));
  else for (const r of rows) ctx.io.out(`${r.key}=${r.value}`);
  return 0;
}

/** `config export`: one INI for support staff (shared/config/export.ts); secrets redacted by structure, never by text. */
export async function configExport(ctx: CliContext): Promise<number> {
  const store = await ConfigStore.open(ctx.configDir);
  ctx.io.out(exportSettingsIni(store.config));
  return 0;
}

/**
 * `config set KEY VALUE [KEY VALUE ...]` or `config set KEY --stdin`: the window's save (NodeHost.setValues: typed
 * values parsed, secrets sealed, `(remembered)` read from the keychain, the CA file checked), saved together or
 * refused whole. The state is refused here, naming its operations, before anything is parsed.
 */
export async function configSet(ctx: CliContext, args: string[], opts: { stdin?: boolean }): Promise<number> {
  if (opts.stdin) {
    if (args.length !== 1) return usage(ctx);
    args = [args[0]!, (await ctx.io.readStdin()).replace(/\r?\n$/, '')];
  }
  if (args.length === 0 || args.length % 2 !== 0) return usage(ctx);
  const values: TypedValues = {};
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]!;
    if (!isSettingKey(key)) return unknownKey(ctx, key);
    // The state has its own operations (shared/config/lifecycle.ts): naming them beats a generic refusal after parsing.
    if (key === 'activation.state') {
      printProblems(ctx.io, [problem('ER_3090', {}, { field: key })]);
      return 1;
    }
    values[key] = args[i + 1]!;
  }
  const r = await (await commandHost(ctx)).setValues(values);
  if (!r.ok) {
    printProblems(ctx.io, withFullPaths(ctx.configDir, r.problems));
    return 1;
  }
  for (const key of r.changed) say(ctx.io, message('ER_6003', { key }));
  printProblems(ctx.io, r.warnings ?? []);
  return 0;
}
