// CSV/TSV files of THREAD_MIN_BYTES or more are read, hashed, decoded and
// tokenized on a second thread (scan-worker.ts) while this one checks and
// counts the records: the same code on both sides of a worker_threads
// boundary, so the batches, the diagnostics, the encoding and the SHA-256 are
// those of a read on one thread (test/cli/scan-thread.test.ts compares them).
// Each batch crosses as a copy of its used parts into arrays that are handed
// back and forth, at most IN_FLIGHT at once. On a 10 M-record roster this is
// ~20–25 % faster for ~20 MiB more memory (docs/scale.md). VET_CHECK_THREAD=0
// keeps every read on one thread; =1 uses the thread for any file larger than
// one read.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { EncodingName } from '../decode.js';
import type { CsvBatch } from './csv-scan.js';

/** What the scanning thread is asked to read. */
export interface ScanJob {
  path: string;
  file: string;
  forced?: EncodingName;
  encoding: EncodingName;
  detected: boolean;
  delimiter: ',' | '\t';
  maxRecordBytes: number;
}

/** One batch: the used parts of CsvBatch's arrays, and the bytes read so far. */
export interface BatchMessage {
  type: 'batch';
  offset: number;
  rows: number;
  buf: Uint8Array;
  rowStart: Int32Array;
  rowEnd: Int32Array;
  rowLine: Int32Array;
  rowCell: Int32Array;
  rowCells: Int32Array;
  rowQuoted: Uint8Array;
  cellStart: Int32Array;
  cellEnd: Int32Array;
}

/** The end of the file: what the decoder and the tokenizer found, and the file's hash. */
export interface EndMessage {
  type: 'end';
  digest: string;
  encoding: EncodingName;
  detected: boolean;
  bytes: number;
  textBytes: number;
  /** Bytes read (and hashed) from the file. */
  offset: number;
  /** Decoder and tokenizer diagnostics, in the order they were found. */
  diagnostics: Diagnostic[];
  /** The diagnostic that stopped the read (ReadStop), if one did. */
  stop: Diagnostic | null;
}

/** Batches sent and not yet handed back. */
export const IN_FLIGHT = 2;

// beside this module: dist/bundle/scan-worker.cjs in the bundle, dist/data/read/scan-worker.js from tsc
const WORKER = fileURLToPath(
  new URL(import.meta.url.endsWith('.cjs') ? './scan-worker.cjs' : './scan-worker.js', import.meta.url),
);

/** Files at least this large are scanned on a second thread (smaller ones do not pay for its start). */
export const THREAD_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Whether a file of `size` bytes is scanned on a second thread: from
 * THREAD_MIN_BYTES, or as VET_CHECK_THREAD says (1: always, 0: never), and
 * only where the worker's script exists (it does not when running the
 * TypeScript sources: then the read stays on one thread).
 */
export function useScanThread(size: number, env: Record<string, string | undefined> = process.env): boolean {
  const say = env['VET_CHECK_THREAD'];
  if (say === '0' || (say !== '1' && size < THREAD_MIN_BYTES)) return false;
  return existsSync(WORKER);
}

/** Arrays that carry batches across, handed back and forth (no new memory per batch). */
export type Carrier = Omit<BatchMessage, 'type' | 'offset' | 'rows'>;

function roomFor<T extends Uint8Array | Int32Array>(a: T | undefined, n: number, make: (n: number) => T): T {
  return a && a.length >= n ? a : make(Math.ceil(n * 1.25));
}

/** The used parts of a batch, copied into `into` (a carrier handed back, grown when too small). */
export function packBatch(b: CsvBatch, offset: number, into?: Carrier): BatchMessage {
  const n = b.rows;
  const cells = b.rowCell[n - 1]! + b.rowCells[n - 1]!;
  const end = Math.min(b.buf.length, b.rowEnd[n - 1]! + 2);
  const i32 = (k: number) => new Int32Array(k);
  const m: BatchMessage = {
    type: 'batch',
    offset,
    rows: n,
    buf: roomFor(into?.buf, end, (k) => new Uint8Array(k)),
    rowStart: roomFor(into?.rowStart, n, i32),
    rowEnd: roomFor(into?.rowEnd, n, i32),
    rowLine: roomFor(into?.rowLine, n, i32),
    rowCell: roomFor(into?.rowCell, n, i32),
    rowCells: roomFor(into?.rowCells, n, i32),
    rowQuoted: roomFor(into?.rowQuoted, n, (k) => new Uint8Array(k)),
    cellStart: roomFor(into?.cellStart, cells, i32),
    cellEnd: roomFor(into?.cellEnd, cells, i32),
  };
  m.buf.set(b.buf.subarray(0, end));
  m.rowStart.set(b.rowStart.subarray(0, n));
  m.rowEnd.set(b.rowEnd.subarray(0, n));
  m.rowLine.set(b.rowLine.subarray(0, n));
  m.rowCell.set(b.rowCell.subarray(0, n));
  m.rowCells.set(b.rowCells.subarray(0, n));
  m.rowQuoted.set(b.rowQuoted.subarray(0, n));
  m.cellStart.set(b.cellStart.subarray(0, cells));
  m.cellEnd.set(b.cellEnd.subarray(0, cells));
  return m;
}

/** The buffers a BatchMessage (or a carrier) hands over. */
export function transferList(m: Carrier): ArrayBuffer[] {
  return [
    m.buf,
    m.rowStart,
    m.rowEnd,
    m.rowLine,
    m.rowCell,
    m.rowCells,
    m.rowQuoted,
    m.cellStart,
    m.cellEnd,
  ].map((a) => a.buffer as ArrayBuffer);
}

function unpack(m: BatchMessage): CsvBatch {
  return {
    buf: Buffer.from(m.buf.buffer, m.buf.byteOffset, m.buf.byteLength),
    rows: m.rows,
    rowStart: m.rowStart,
    rowEnd: m.rowEnd,
    rowLine: m.rowLine,
    rowCell: m.rowCell,
    rowCells: m.rowCells,
    rowQuoted: m.rowQuoted,
    cellStart: m.cellStart,
    cellEnd: m.cellEnd,
  };
}

/**
 * The batches of a file scanned on a second thread. `progress.offset` follows
 * the bytes read; `onEnd` gets the end message when the file is done (not
 * when the caller stops early: then the thread is stopped and no end comes).
 */
export async function* scanInThread(
  job: ScanJob,
  progress: { offset: number },
  onEnd: (end: EndMessage) => void,
): AsyncGenerator<CsvBatch> {
  const worker = new Worker(WORKER, {
    workerData: job,
    // the scanner allocates little: a small young generation keeps the thread's memory down
    resourceLimits: { maxYoungGenerationSizeMb: 2 },
  });
  const queue: (BatchMessage | EndMessage)[] = [];
  let failure: unknown;
  let ended = false;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: BatchMessage | EndMessage) => {
    queue.push(m);
    poke();
  });
  worker.on('error', (e) => {
    failure ??= e;
    poke();
  });
  worker.on('exit', (code) => {
    if (!ended && queue.every((m) => m.type !== 'end'))
      failure ??= new Error(`the scanning thread stopped early (exit code ${code})`);
    poke();
  });
  try {
    for (;;) {
      while (queue.length === 0 && failure === undefined) await new Promise<void>((r) => (wake = r));
      const m = queue.shift();
      if (!m) throw failure;
      if (m.type === 'end') {
        ended = true;
        progress.offset = m.offset;
        onEnd(m);
        return;
      }
      progress.offset = m.offset;
      yield unpack(m);
      // the batch is done with: its arrays go back to carry another
      const back: Carrier = {
        buf: m.buf,
        rowStart: m.rowStart,
        rowEnd: m.rowEnd,
        rowLine: m.rowLine,
        rowCell: m.rowCell,
        rowCells: m.rowCells,
        rowQuoted: m.rowQuoted,
        cellStart: m.cellStart,
        cellEnd: m.cellEnd,
      };
      worker.postMessage(back, transferList(back));
    }
  } finally {
    if (!ended) await worker.terminate();
  }
}
