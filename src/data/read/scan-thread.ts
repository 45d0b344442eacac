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

/** CsvBatch's arrays by name: per record, and per cell. */
const ROW_ARRAYS = ['rowStart', 'rowEnd', 'rowLine', 'rowCell', 'rowCells', 'rowQuoted'] as const;
const CELL_ARRAYS = ['cellStart', 'cellEnd'] as const;

/** The arrays that carry a batch across, handed back and forth (no new memory per batch). */
export type Carrier = Omit<CsvBatch, 'buf' | 'rows'> & { buf: Uint8Array };

/** One batch: the used parts of CsvBatch's arrays, and the bytes read so far. */
export type BatchMessage = Carrier & { type: 'batch'; offset: number; rows: number };

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
export const THREAD_MIN_BYTES = 32 * 1024 * 1024;

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

/** A thread started ahead of its job (prestartScanThread), taken by the next scanInThread. */
let spare: Worker | undefined;

function startWorker(): Worker {
  return new Worker(WORKER, {
    // the scanner allocates little: a small young generation keeps the thread's memory down
    resourceLimits: { maxYoungGenerationSizeMb: 2 },
  });
}

/**
 * Start the scanning thread now, before its file is opened (for a file
 * useScanThread said yes to): a thread takes ~35 ms to start, which then
 * overlaps the loading of plans and the header read instead of delaying the
 * first records. Kept unreferenced until used, so an unused one never holds
 * the process open.
 */
export function prestartScanThread(): void {
  if (spare) return;
  const w = startWorker();
  w.unref();
  // one that fails before it is used is dropped: scanInThread then starts its own, whose failure it reports
  const drop = () => {
    if (spare === w) spare = undefined;
  };
  w.on('error', drop);
  w.on('exit', drop);
  spare = w;
}

/** Stop a thread started ahead that no read took (its file held totals, not records). */
export function releaseScanThread(): void {
  const w = spare;
  spare = undefined;
  void w?.terminate();
}

/** `a` when it holds n entries, else a new array of `like`'s kind with some room to spare. */
function roomFor<T extends Uint8Array | Int32Array>(a: T | undefined, n: number, like: T): T {
  return a && a.length >= n ? a : new (like.constructor as new (k: number) => T)(Math.ceil(n * 1.25));
}

/** The arrays of a batch or a message, without the rest. */
function carrierOf(m: Carrier): Carrier {
  const c = { buf: m.buf } as Carrier;
  for (const k of [...ROW_ARRAYS, ...CELL_ARRAYS]) (c[k] as Int32Array | Uint8Array) = m[k];
  return c;
}

/** The used parts of a batch, copied into `into` (a carrier handed back, grown when too small). */
export function packBatch(b: CsvBatch, offset: number, into?: Carrier): BatchMessage {
  const n = b.rows;
  const cells = b.rowCell[n - 1]! + b.rowCells[n - 1]!;
  const end = Math.min(b.buf.length, b.rowEnd[n - 1]! + 2);
  const m = { type: 'batch', offset, rows: n } as BatchMessage;
  m.buf = roomFor(into?.buf, end, new Uint8Array(0));
  m.buf.set(b.buf.subarray(0, end));
  for (const [names, count] of [
    [ROW_ARRAYS, n],
    [CELL_ARRAYS, cells],
  ] as const) {
    for (const k of names) {
      const dst = roomFor<Int32Array | Uint8Array>(into?.[k], count, b[k]);
      dst.set(b[k].subarray(0, count));
      (m[k] as Int32Array | Uint8Array) = dst;
    }
  }
  return m;
}

/** The buffers a carrier (or a BatchMessage) hands over. */
export function transferList(m: Carrier): ArrayBuffer[] {
  return [m.buf, ...ROW_ARRAYS.map((k) => m[k]), ...CELL_ARRAYS.map((k) => m[k])].map(
    (a) => a.buffer as ArrayBuffer,
  );
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
  const worker = spare ?? startWorker();
  spare = undefined;
  worker.ref();
  worker.postMessage(job);
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
      yield {
        ...carrierOf(m),
        buf: Buffer.from(m.buf.buffer, m.buf.byteOffset, m.buf.byteLength),
        rows: m.rows,
      };
      // the batch is done with: its arrays go back to carry another
      const back = carrierOf(m);
      worker.postMessage(back, transferList(back));
    }
  } finally {
    if (!ended) await worker.terminate();
  }
}
