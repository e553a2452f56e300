/**
 * The log archive, made while it is sent: nothing is copied aside and no file is held in memory (the original needed
 * twice the logs' size free in %TEMP%). yazl writes the zip (UTF-8 names, ZIP64 as sizes require); files are added
 * one at a time as yazl reaches them, so at most two are open: the one being compressed and the next.
 *
 * MaxSize: before a file is added, the worst case of everything so far (bytes written up to the file being compressed,
 * that file's worst case, the central directory to come) plus this file stored without gain must stay within the cap minus
 * RESERVE_BYTES (kept for the two text files and the end records). A file that does not fit is left out and listed in
 * `_truncated.txt`; smaller files after it may still fit (the cap is filled, in the LogFile order). So the archive is
 * never larger than MaxSize, except when MaxSize is below RESERVE_BYTES: then it holds the text files only.
 * A file is read up to the size it had when it was reached: a log that grows meanwhile cannot break the cap.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { problem, type Problem } from '../../shared/messages/problem.js';
import { codedError, reasonOf } from '../../shared/node/coded-error.js';
import { COLLECTION_NAME, TRUNCATED_NAME, collectionText, truncatedText, type LeftOut } from './manifest.js';
import { walkLogs, type LogFileEntry, type WalkItem } from './walk.js';

export const RESERVE_BYTES = 64 * 1024;
const READ_CHUNK = 256 * 1024;
const FILE_MODE = 0o100644;

export interface ZipOptions {
  /** What the collection did (command outcomes, refusals); written to _collection.txt before what the zipping finds. */
  notes?: readonly Problem[];
  /** First lines of _collection.txt (report id, event). */
  header?: readonly string[];
}

/** Deflate's worst case (zlib deflateBound, raw) plus the data descriptor (ZIP64 size). */
const dataBound = (size: number): number => size + Math.ceil(size / 4096) + Math.ceil(size / 16384) + 13 + 24;
/** Local header: 30 bytes + name (yazl writes no extra field there). */
const headerBound = (name: string): number => 30 + Buffer.byteLength(name);
/** Central directory record: 46 + name + timestamp (9) + ZIP64 field (28). */
const directoryBound = (name: string): number => 46 + Buffer.byteLength(name) + 9 + 28;

/**
 * yazl's output: yazl writes every byte (headers, and the compressed data it pipes in) through outputStream.write, so
 * counting there tells exactly what it has written, whatever the reader's pace (buffered or not).
 */
class CountedOutput extends PassThrough {
  written = 0;

  override write(chunk: Buffer | string, a?: BufferEncoding | ((e?: Error | null) => void), b?: (e?: Error | null) => void): boolean {
    this.written += Buffer.byteLength(chunk);
    if (typeof a === 'function') return super.write(chunk, a);
    return a === undefined ? super.write(chunk, b) : super.write(chunk, a, b);
  }
}

/**
 * Opens a file listed as regular without ever blocking: if it was swapped for a FIFO since, O_NONBLOCK keeps open()
 * from waiting for a writer, and fstat tells it apart.
 */
async function openRegular(f: LogFileEntry, notes: Problem[]): Promise<FileHandle | undefined> {
  const { path } = f;
  let fh: FileHandle | undefined;
  try {
    fh = await open(path, process.platform === 'win32' ? 'r' : constants.O_RDONLY | constants.O_NONBLOCK);
    const st = await fh.stat();
    // The very file that was listed (and judged): a path swapped since, e.g. for a link to another file, is not read.
    if (st.isFile() && (process.platform === 'win32' || (st.dev === f.dev && st.ino === f.ino))) return fh;
    notes.push(problem('ER_6311', { path, kind: { ja: '開く前に別のファイルに置き換えられた', en: 'it was replaced by another file before it was opened' } }));
  } catch (e) {
    notes.push(problem('ER_1301', { path, reason: reasonOf(e) }));
  }
  await fh?.close().catch(() => undefined);
  return undefined;
}

/**
 * A zip of the files and folders in `paths` (see walk.ts for what is taken), capped at `maxBytes`, with
 * `_collection.txt` last. Missing paths and unreadable files are noted, never fatal; no file at all still gives a
 * valid archive (the manual: "ファイルが含まれない圧縮ファイルが送付されます"). Destroying the stream stops the work.
 */
export function zipLogs(paths: readonly string[], maxBytes: number, o: ZipOptions = {}): Readable {
  const zip = new ZipFile();
  // Replaced before anything is added: yazl only ever writes to this.outputStream.
  const out = new CountedOutput();
  zip.outputStream = out;

  const budget = maxBytes - RESERVE_BYTES;
  const notes: Problem[] = [...(o.notes ?? [])];
  const leftOut: LeftOut[] = [];
  let leftOutBytes = 0;
  const names = new Set<string>();
  let directory = 0;
  /** Bytes yazl had produced when the file being compressed started (its local header included), and its worst case. */
  let dataStart = 0;
  let inFlight = 0;
  let stopped = false;
  let current: Readable | undefined;
  /** Opened for the entry yazl has not reached yet. */
  let waiting: FileHandle | undefined;
  /** Settles when the file being read has been read (so its read-error note is in before _collection.txt is written). */
  let read: Promise<void> = Promise.resolve();
  const walker = walkLogs(paths);

  const fail = (e: unknown): void => {
    if (stopped) return;
    stopped = true;
    out.destroy(codedError('ER_1304', { reason: reasonOf(e) }, {}, e));
  };
  zip.on('error', fail);
  out.on('close', () => {
    stopped = true;
    current?.destroy();
    waiting?.close().catch(() => undefined);
    void walker.return(undefined);
  });

  /** The bytes of `f`, at most its size when it was listed; a read error ends the entry early, with a note. */
  const contents = (fh: FileHandle, f: LogFileEntry): Readable => {
    const pass = new PassThrough();
    read = new Promise((settled) => {
      pass.once('end', settled);
      pass.once('close', settled);
    });
    if (f.size === 0) {
      void fh.close().catch(() => undefined); // a close that fails must not become an unhandled rejection
      pass.end();
      return pass;
    }
    const src = fh.createReadStream({ start: 0, end: f.size - 1, highWaterMark: READ_CHUNK });
    let got = 0;
    src.on('data', (c: Buffer | string) => (got += Buffer.byteLength(c)));
    src.once('error', (e) => {
      notes.push(problem('ER_1302', { path: f.path, bytes: got, reason: reasonOf(e) }));
      src.unpipe(pass);
      pass.end();
    });
    src.pipe(pass);
    current = src;
    return pass;
  };

  const finish = async (): Promise<void> => {
    await read;
    if (stopped) return;
    if (leftOut.length > 0) {
      notes.push(problem('ER_6310', { max: maxBytes, count: leftOut.length, bytes: leftOutBytes }));
      zip.addBuffer(truncatedText(maxBytes, leftOut), TRUNCATED_NAME, { mode: FILE_MODE });
    }
    zip.addBuffer(collectionText(o.header ?? [], notes), COLLECTION_NAME, { mode: FILE_MODE });
    zip.end();
  };

  /** Takes walk items until one file is added (yazl calls back for the next when it reaches that one) or none is left. */
  const feed = async (): Promise<void> => {
    for (;;) {
      if (stopped) return;
      const r: IteratorResult<WalkItem> = await walker.next();
      if (stopped) return;
      if (r.done) return finish();
      if (r.value.kind === 'note') {
        notes.push(r.value.note);
        continue;
      }
      const f = r.value.file;
      if (names.has(f.name)) continue;
      const cost = headerBound(f.name) + dataBound(f.size) + directoryBound(f.name);
      // Worst case, not actual bytes: the decision does not depend on how far the compression has got (same logs, same
      // archive).
      if (dataStart + inFlight + directory + cost > budget) {
        leftOut.push({ name: f.name, size: f.size });
        leftOutBytes += f.size;
        continue;
      }
      const fh = await openRegular(f, notes);
      if (!fh) continue;
      if (stopped) return void fh.close().catch(() => undefined);
      waiting = fh;
      names.add(f.name);
      directory += directoryBound(f.name);
      zip.addReadStreamLazy(f.name, { mtime: f.mtime, mode: FILE_MODE }, (give) => {
        // yazl has written everything before this entry and its local header: only the data is still to come.
        dataStart = out.written;
        inFlight = dataBound(f.size);
        waiting = undefined;
        give(null, contents(fh, f));
        feed().catch(fail);
      });
      return;
    }
  };
  feed().catch(fail);
  return out;
}
