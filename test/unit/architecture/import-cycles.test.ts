/**
 * No import circle between the service's folders, nor between the rooms of service/routes (each transport's folder,
 * route.ts, registry.ts) or the files of one room. Folders, not files: a circle through two folders (daemon -> sources
 * -> daemon) means neither can be read, tested or moved alone, even when no single file imports itself back, so a
 * file-level cycle rule (import/no-cycle) would miss it. A failure prints each circle and the imports that make it.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { folderCycles, foldersOf, importGraph } from './import-graph.js';

const service = importGraph(fileURLToPath(new URL('../../../service', import.meta.url)));

describe('no import circle in service/', () => {
  it('between its folders', () => {
    expect(service.size).toBeGreaterThan(50); // the tree was read
    expect(folderCycles(service, '')).toEqual([]);
  });

  it('within service/routes: between the rooms, and between the files of each', () => {
    const routes = foldersOf(service).filter((f) => f === 'routes' || f.startsWith('routes/'));
    expect(routes).toEqual(expect.arrayContaining(['routes', 'routes/https', 'routes/frame', 'routes/mail', 'routes/modem']));
    expect(routes.flatMap((f) => folderCycles(service, f))).toEqual([]);
  });

  it('between the files of any one folder (spool/age.ts and spool/record.ts were one, through a type)', () => {
    expect(
      foldersOf(service)
        .filter((f) => f !== '')
        .flatMap((f) => folderCycles(service, f)),
    ).toEqual([]);
  });
});

describe('the check finds a circle', () => {
  // The three circles of issue 12 as they were: a type import, a dynamic import and a re-export each count.
  const before = importGraph('/fixture', {
    'daemon/core.ts': 'export interface IncomingEvent { id: number }',
    'daemon/service.ts': "import { platformSources } from '../sources/platform.js';",
    'sources/platform.ts': "import { toEvent } from './event-id.js';",
    'sources/event-id.ts': "import { type IncomingEvent } from '../daemon/core.js';",
    'connection/test-connection.ts': "import { dialUp } from '../routes/remote-access.js';",
    'connection/exchange.ts': 'export const exchange = 1;',
    'routes/remote-access.ts': 'export const dialUp = 1;',
    'routes/https.ts': "export { exchange } from '../connection/exchange.js';",
    'routes/route.ts': 'export interface Route { name: string }',
    'routes/registry.ts': "import { type Route } from './route.js';\nexport type AttachmentFor = () => void;\nconst mail = () => import('./mail/route.js');",
    'routes/mail/route.ts': "import { type AttachmentFor } from '../registry.js';",
  });

  it('between folders, naming the imports that make it', () => {
    expect(folderCycles(before, '')).toEqual([
      '{connection -> routes -> connection}\n  connection/test-connection.ts imports routes/remote-access.ts\n  routes/https.ts imports connection/exchange.ts',
      '{daemon -> sources -> daemon}\n  daemon/service.ts imports sources/platform.ts\n  sources/event-id.ts imports daemon/core.ts',
    ]);
  });

  it('between a room and a file beside it', () => {
    expect(folderCycles(before, 'routes')).toEqual([
      'routes/{mail -> registry.ts -> mail}\n  routes/mail/route.ts imports routes/registry.ts\n  routes/registry.ts imports routes/mail/route.ts',
    ]);
  });

  it('through three folders, and not where the imports point one way', () => {
    const three = importGraph('/fixture', {
      'a/x.ts': "import { y } from '../b/y.js';",
      'b/y.ts': "import { z } from '../c/z.js';",
      'c/z.ts': "import { x } from '../a/deep/x2.js';",
      'a/deep/x2.ts': "import { w } from '../w.js';",
      'a/w.ts': 'export const w = 1;',
    });
    expect(folderCycles(three, '')).toEqual(['{a -> b -> c -> a}\n  a/x.ts imports b/y.ts\n  b/y.ts imports c/z.ts\n  c/z.ts imports a/deep/x2.ts']);
    expect(folderCycles(three, 'a')).toEqual([]);
    const oneWay = importGraph('/fixture', {
      'sources/event-source.ts': 'export interface IncomingEvent { id: number }',
      'daemon/core.ts': "import { type IncomingEvent } from '../sources/event-source.js';",
    });
    expect(folderCycles(oneWay, '')).toEqual([]);
  });
});
