import { basename } from 'node:path';
import { IniDocument } from '../../../shared/ini/document.js';
import { decodeInf, infKindFromFileName, type InfKind } from '../../../shared/inf/files.js';
import { isError, problem } from '../../../shared/messages/problem.js';
import { READ_LIMITS, readFileBounded } from '../../../shared/node/bounded-read.js';
import { codedError } from '../../../shared/node/coded-error.js';
import { decodeText } from '../../../shared/node/encoding.js';
import { printProblems } from '../io.js';
import { type CliContext } from '../context.js';

/** `inf show FILE [--kind adr|log|hbi]`: the parsed definition file as JSON; exit 1 with located errors. */
export async function infShowCommand(ctx: CliContext, file: string, opts: { kind?: InfKind }): Promise<number> {
  const kind = opts.kind ?? infKindFromFileName(basename(file));
  if (!kind) {
    printProblems(ctx.io, [problem('ER_3032', { path: file })]);
    return 1;
  }
  const bytes = await readFileBounded(file, READ_LIMITS.definitionFile);
  if (!bytes) throw codedError('ER_4022', { path: file });
  const text = decodeText(bytes, file);
  const decoded = decodeInf(kind, IniDocument.parse(text.text), file);
  const problems = text.lossless ? decoded.problems : [problem('ER_4023', { encoding: text.encoding }, { file, line: 1 }), ...decoded.problems];
  printProblems(ctx.io, problems);
  ctx.io.out(JSON.stringify({ kind, encoding: text.encoding, bom: text.bom, model: decoded.model }, null, 2));
  return problems.some(isError) ? 1 : 0;
}
