// The scanning thread (started by scan-thread.ts): reads one CSV/TSV file,
// hashes, decodes and tokenizes it exactly as openSource does on one thread,
// and hands the batches over, at most IN_FLIGHT at a time.
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { Diagnostic } from '../../diagnostics/types.js';
import { type DecodeState, decodeToUtf8, ReadStop } from '../decode.js';
import { FIRST_READ, hashRest, pooledFileBytes, type ReadProgress } from './bytes.js';
import { scanCsv } from './csv-scan.js';
import {
  type Carrier,
  type EndMessage,
  IN_FLIGHT,
  packBatch,
  type ScanJob,
  transferList,
} from './scan-thread.js';

// smaller reads than on one thread: every buffer exists on both sides, and the batches flow on
const READ_BYTES = 512 * 1024;
const port = parentPort!;

let credit = IN_FLIGHT;
let wake: (() => void) | null = null;
const carriers: Carrier[] = [];
// the first message is the job (the thread may start before its file is known), then carriers handed back
let started = false;
port.on('message', (m: ScanJob | Carrier) => {
  if (!started) {
    started = true;
    scan(m as ScanJob).catch((e: unknown) => {
      // not a finding about the file but a failure: the main thread gets it as the worker's 'error'
      process.nextTick(() => {
        throw e;
      });
    });
    return;
  }
  carriers.push(m as Carrier);
  credit++;
  wake?.();
  wake = null;
});

async function scan(job: ScanJob): Promise<void> {
  // one list, as on one thread: the decoder's and the tokenizer's findings in the order found
  const diagnostics: Diagnostic[] = [];
  const state: DecodeState = {
    file: job.file,
    encoding: job.encoding,
    detected: job.detected,
    bytes: 0,
    textBytes: 0,
    diagnostics,
  };
  const hash = createHash('sha256');
  const progress: ReadProgress = { offset: 0 };
  let stop: Diagnostic | null = null;
  try {
    const text = decodeToUtf8(
      pooledFileBytes(job.path, job.file, hash, progress, READ_BYTES, FIRST_READ),
      state,
      job.forced,
    );
    const opts = { file: job.file, delimiter: job.delimiter, maxRecordBytes: job.maxRecordBytes };
    for await (const b of scanCsv(text, opts, { diagnostics })) {
      while (credit === 0) await new Promise<void>((r) => (wake = r));
      credit--;
      const m = packBatch(b, progress.offset, carriers.pop());
      port.postMessage(m, transferList(m));
    }
  } catch (e) {
    if (!(e instanceof ReadStop)) throw e;
    stop = e.diagnostic;
  }
  // the bytes not read (the read stopped early) are hashed too
  if (!progress.eof) await hashRest(job.path, hash, progress.offset);
  const end: EndMessage = {
    type: 'end',
    digest: hash.digest('hex'),
    encoding: state.encoding,
    detected: state.detected,
    bytes: state.bytes,
    textBytes: state.textBytes,
    offset: progress.offset,
    diagnostics,
    stop,
  };
  port.postMessage(end);
  port.close();
}
