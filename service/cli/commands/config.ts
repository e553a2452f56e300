import { encode as encodeIni } from 'ini';
import { ConfigStore, SaveRefused } from '../../../shared/node/config-store.js';
import { ensureServiceKey, seal } from '../../../shared/node/secrets.js';
import { problem, message, type Problem } from '../../../shared/messages/problem.js';
import { settingDef, isSettingKey, type SettingKey } from '../../../shared/settings/schema.js';
import { parseValue, formatValue } from '../../../shared/settings/values.js';
import { validateSetting, viewOf } from '../../../shared/settings/validate.js';
import { errorsIntroduced, getValue, listValues, withValues } from '../../../shared/settings/access.js';
import { type SettingValue } from '../../../shared/settings/define.js';
import { printProblems, say } from '../io.js';
import { withFullPaths } from './validate.js';
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

/** `config export`: one INI for support staff, grouped by key prefix; secrets redacted by structure, never by text. */
export async function configExport(ctx: CliContext): Promise<number> {
  const store = await ConfigStore.open(ctx.configDir);
  const tree: Record<string, Record<string, string | string[]>> = {};
  for (const r of listValues(store.config.settings)) {
    const dot = r.key.indexOf('.');
    (tree[r.key.slice(0, dot)] ??= {})[r.key.slice(dot + 1)] = r.value;
  }
  tree.options = Object.fromEntries(store.config.optionDevices.map((d, i) => [`${i + 1}`, `${d.deviceCode} ${d.serialNumber} ${d.name}`.trim()]));
  ctx.io.out(encodeIni(tree, { whitespace: true }).trimEnd());
  return 0;
}

/** Turns what was typed into the stored value: parsed, limits checked, a secret sealed to the service's key. */
async function storedValue(ctx: CliContext, key: SettingKey, raw: string, current: Parameters<typeof viewOf>[0]): Promise<{ value?: SettingValue; problems: Problem[] }> {
  const def = settingDef(key)!;
  if (def.kind === 'secret') {
    if (raw === '') return { value: '', problems: [] };
    const clear = validateSetting({ ...def, kind: 'text', charClass: 'any', default: '' }, raw, viewOf(current));
    if (clear.length > 0) return { problems: clear };
    const { publicKeyPem } = await ensureServiceKey(ctx.stateDir);
    return { value: seal(raw, publicKeyPem), problems: [] };
  }
  const parsed = parseValue(def, raw);
  return parsed.ok ? { value: parsed.value, problems: [] } : { problems: [parsed.problem] };
}

/** `config set KEY VALUE [KEY VALUE ...]` or `config set KEY --stdin`: validated, saved together, or refused whole. */
export async function configSet(ctx: CliContext, args: string[], opts: { stdin?: boolean }): Promise<number> {
  if (opts.stdin) {
    if (args.length !== 1) return usage(ctx);
    args = [args[0]!, (await ctx.io.readStdin()).replace(/\r?\n$/, '')];
  }
  if (args.length === 0 || args.length % 2 !== 0) return usage(ctx);
  const store = await ConfigStore.open(ctx.configDir);
  const config = store.config;
  const changes = new Map<SettingKey, SettingValue>();
  const problems: Problem[] = [];
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i]!;
    if (!isSettingKey(key)) return unknownKey(ctx, key);
    // The state has its own operations (shared/config/lifecycle.ts): naming them beats a generic refusal after parsing.
    if (key === 'activation.state') {
      printProblems(ctx.io, [problem('ER_3090', {}, { field: key })]);
      return 1;
    }
    const r = await storedValue(ctx, key, args[i + 1]!, config.settings);
    problems.push(...r.problems);
    if (r.value !== undefined) changes.set(key, r.value);
  }
  const next = withValues(config.settings, changes);
  problems.push(...(problems.length === 0 ? errorsIntroduced(config.settings, next, changes.keys()) : []));
  if (problems.length > 0) {
    printProblems(ctx.io, problems);
    return 1;
  }
  try {
    await store.save({ ...config, settings: next });
  } catch (e) {
    if (!(e instanceof SaveRefused)) throw e;
    printProblems(ctx.io, withFullPaths(ctx.configDir, e.problems));
    printProblems(ctx.io, [e.problem]);
    return 1;
  }
  for (const key of changes.keys()) say(ctx.io, message('ER_6003', { key }));
  return 0;
}
