// The bytes of a submission file as they are read: hashed as they pass, in
// 1 MiB reads (fewer round trips to the thread pool: a 10 M-record roster went
// from 7.8 s to 6.3 s). Used by openSource and by the scanning thread.
import type { Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { diag } from '../../diagnostics/diagnostic.js';
import { ReadStop } from '../decode.js';

export const CHUNK = 1024 * 1024;

/**
 * The first read of a CSV file (the reads then double up to their size): the
 * records start sooner, and the tokenizer's first calls are short and run to
 * their end, so V8 optimises it with feedback from whole calls instead of in
 * the middle of a 1 MiB loop (on-stack replacement), code it had to throw
 * away at the loop's exit and compile again (docs/scale.md).
 */
export const FIRST_READ = 32 * 1024;

/** How far a read got: the bytes hashed so far, and whether it reached the end of the file. */
export interface ReadProgress {
  offset: number;
  eof?: boolean;
}

/** Bytes of a file, hashed as they pass (see ReadProgress). */
export async function* fileBytes(path: string, file: string, hash: Hash, progress: ReadProgress) {
  const stream = createReadStream(path, { highWaterMark: CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      progress.offset += chunk.length;
      yield chunk;
    }
    progress.eof = true;
  } catch (e) {
    throw new ReadStop(diag('read/cannot-open', { reason: errorReason(e) }, { file }));
  } finally {
    stream.destroy();
  }
}

export function errorReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err.code ?? err.message ?? String(e);
}

/** Hash the bytes of a file from `offset` on (after a read that stopped before the end). */
export async function hashRest(path: string, hash: Hash, offset: number): Promise<void> {
  try {
    for await (const chunk of createReadStream(path, { start: offset, highWaterMark: CHUNK })) {
      hash.update(chunk as Buffer);
    }
  } catch {
    // The read error is already a diagnostic; the hash covers what could be read.
  }
}

/**
 * Like fileBytes, but reading into POOL buffers in turn instead of a new one
 * per read: memory stays flat (each new buffer counted towards the heap's
 * external memory until a GC). With one read ahead, a chunk's buffer is
 * reused two chunks after it; the decoder keeps at most a few bytes of the
 * previous chunk (a character cut by the boundary, joined at the next one;
 * what it holds back while detecting the encoding is copied), and the
 * tokenizer nothing past the next read.
 */
export async function* pooledFileBytes(
  path: string,
  file: string,
  hash: Hash,
  progress: ReadProgress,
  size = CHUNK,
  /** The first read's size (doubling up to `size`): a thread waiting for the first records gets them sooner. */
  first = size,
) {
  const POOL = 3;
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw new ReadStop(diag('read/cannot-open', { reason: errorReason(e) }, { file }));
  }
  // one read ahead: the next chunk is on its way while this one is decoded and scanned
  const pool = Array.from({ length: POOL }, () => Buffer.allocUnsafeSlow(size));
  let want = Math.min(first, size);
  let ahead: Promise<{ bytesRead: number }> | undefined = fh.read(pool[0]!, 0, want, 0);
  try {
    for (let i = 0; ; i = (i + 1) % POOL) {
      let n: number;
      try {
        ({ bytesRead: n } = await ahead!);
      } catch (e) {
        throw new ReadStop(diag('read/cannot-open', { reason: errorReason(e) }, { file }));
      } finally {
        ahead = undefined;
      }
      if (n === 0) {
        progress.eof = true;
        return;
      }
      const chunk = pool[i]!.subarray(0, n);
      hash.update(chunk);
      progress.offset += n;
      want = Math.min(2 * want, size);
      ahead = fh.read(pool[(i + 1) % POOL]!, 0, want, progress.offset);
      yield chunk;
    }
  } finally {
    // stopped early: the read in flight ends before the file closes
    await ahead?.catch(() => {});
    await fh.close();
  }
}
