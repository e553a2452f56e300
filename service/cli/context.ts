import { resolveDirs, type ConfigDirs } from '../../shared/node/config-paths.js';
import { type CliIo } from './io.js';

/** What every command gets: the folders (resolved once from the global options) and the output. */
export interface CliContext extends ConfigDirs {
  io: CliIo;
  /** The environment the command was started with (tests pass their own). */
  env: NodeJS.ProcessEnv;
}

export function contextFrom(opts: { configDir?: string; stateDir?: string }, io: CliIo, env: NodeJS.ProcessEnv): CliContext {
  return { ...resolveDirs({ configDir: opts.configDir, stateDir: opts.stateDir, env }), io, env };
}
