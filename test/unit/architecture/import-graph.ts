/**
 * The import graph of a source tree, read with the TypeScript compiler's pre-processor (static, dynamic and type-only
 * imports and re-exports alike), and the import circles between its folders.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** Relative file path (with `/`) -> the relative paths of the files of the tree it imports. */
export type ImportGraph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const posix = (p: string): string => p.split(sep).join('/');

/** `files`: relative path -> source text (a fixture), or read from `root` when absent. */
export function importGraph(root: string, files?: Record<string, string>): ImportGraph {
  const texts = files ?? Object.fromEntries(sourceFiles(root).map((f) => [posix(relative(root, f)), readFileSync(f, 'utf8')]));
  const known = new Set(Object.keys(texts));
  const graph: ImportGraph = new Map();
  for (const [file, text] of Object.entries(texts)) {
    const { importedFiles } = ts.preProcessFile(text, true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((n) => n.startsWith('.'))
      .flatMap((n) => {
        const base = posix(relative(root, resolve(root, dirname(file), n)));
        const hit = [base, base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), `${base}.ts`, `${base}/index.ts`].find((c) => known.has(c));
        return hit ? [hit] : [];
      });
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/**
 * The import circles among the entries of `folder` ('' for the root): each subfolder counts as one (everything under
 * it), each file directly in `folder` as itself. One circle per strongly connected group, e.g.
 * `daemon -> sources -> daemon`, each step with the file whose import makes it.
 */
export function folderCycles(graph: ImportGraph, folder: string): string[] {
  const prefix = folder === '' ? '' : `${folder}/`;
  const entryOf = (file: string): string | undefined => (file.startsWith(prefix) ? file.slice(prefix.length).split('/')[0] : undefined);
  const edges = new Map<string, Map<string, string>>(); // entry -> entry it imports -> one import that makes it
  for (const [file, targets] of graph) {
    const from = entryOf(file);
    if (from === undefined) continue;
    for (const t of targets) {
      const to = entryOf(t);
      if (to === undefined || to === from) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, `${file} imports ${t}`);
    }
  }
  // Tarjan's strongly connected components; a component of two or more entries is a circle.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return groups.map((group) => {
    const members = new Set(group);
    // One concrete circle through the group: breadth-first from its first member back to it.
    const start = [...group].sort()[0]!;
    const came = new Map<string, string>();
    const queue = [start];
    let last: string | undefined;
    while (queue.length > 0 && last === undefined) {
      const v = queue.shift()!;
      for (const w of [...(edges.get(v)?.keys() ?? [])].sort()) {
        if (!members.has(w)) continue;
        if (w === start) {
          last = v;
          break;
        }
        if (!came.has(w)) {
          came.set(w, v);
          queue.push(w);
        }
      }
    }
    const path = [start];
    for (let v = last!; v !== start; v = came.get(v)!) path.splice(1, 0, v);
    path.push(start);
    const steps = path.slice(1).map((to, i) => `  ${edges.get(path[i]!)!.get(to)!}`);
    return [`${prefix}{${path.join(' -> ')}}`, ...steps].join('\n');
  });
}

/** Every folder of the graph (the root as ''), to look for circles at each level. */
export function foldersOf(graph: ImportGraph): string[] {
  const all = new Set<string>(['']);
  for (const f of graph.keys()) {
    const parts = f.split('/').slice(0, -1);
    parts.forEach((_, i) => all.add(parts.slice(0, i + 1).join('/')));
  }
  return [...all].sort();
}
