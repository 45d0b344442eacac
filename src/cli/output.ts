import { randomBytes } from 'node:crypto';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { chmod, type FileHandle, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { diag, renderMessage } from '../diagnostics/diagnostic.js';
import type { Lang, Params } from '../diagnostics/types.js';
import { type Io, UsageError } from './io.js';

/** How a write ended: written in full, or stopped by Ctrl-C with nothing written (exit 130). */
export type WriteOutcome = 'written' | 'interrupted';

/** Options of `writeOutput`. */
export interface WriteOptions {
  /** Input files of the run (as given); the output may not be one of them. */
  inputs: string[];
  /** Start the file with a UTF-8 BOM (unless the text already does). */
  bom?: boolean;
  /** Language of error messages. */
  lang?: Lang;
  /** Bytes per write; between chunks a Ctrl-C is noticed. */
  chunkSize?: number;
  /** Called after each chunk is written (tests use it to interrupt mid-write). */
  onChunk?: (written: number) => void | Promise<void>;
}

function fail(code: string, params: Params, lang: Lang): never {
  throw new UsageError(renderMessage(diag(code, params), lang));
}

/** The path a file would have once symlinks are resolved; for a file not yet there, its resolved directory + name. */
function canonical(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    try {
      return join(realpathSync.native(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

function sameFile(a: string, b: string): boolean {
  if (canonical(a) === canonical(b)) return true;
  try {
    // hard links: same device and inode
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Refuse an output path the report cannot or must not write: a directory,
 * one in a missing directory, or one of the input files (compared by real
 * path and by inode, so symlinks, `./` and hard links do not slip through).
 * Throws UsageError (exit 2).
 */
export function checkOutputPath(output: string, inputs: string[], cwd: string, lang: Lang = 'en'): void {
  const out = resolve(cwd, output);
  if (existsSync(out) && statSync(out).isDirectory())
    fail('report/output-is-directory', { path: output }, lang);
  if (!existsSync(dirname(out)))
    fail('report/output-dir-missing', { path: output, dir: dirname(output) }, lang);
  for (const input of inputs) {
    if (sameFile(out, resolve(cwd, input))) fail('report/output-is-input', { path: output, input }, lang);
  }
}

const CHUNK = 1 << 20;

async function writeAll(
  fh: FileHandle,
  data: Buffer,
  opts: WriteOptions,
  stop: () => boolean,
): Promise<boolean> {
  const size = opts.chunkSize ?? CHUNK;
  let offset = 0;
  while (offset < data.length) {
    if (stop()) return false;
    const end = Math.min(offset + size, data.length);
    while (offset < end) {
      const { bytesWritten } = await fh.write(data, offset, end - offset);
      offset += bytesWritten;
    }
    await opts.onChunk?.(offset);
  }
  return !stop();
}

/**
 * Write the report: to stdout when `path` is undefined, else atomically to the
 * file. The text goes to a temporary file beside the target, is flushed to
 * disk and renamed over the target, so a reader never sees half a report. A
 * Ctrl-C (SIGINT) while writing stops it: the temporary file is removed, an
 * existing target is left as it was, and the result is 'interrupted' (the
 * command exits 130). Only SIGKILL or a power cut can leave a
 * `.NAME.vet-check-*.tmp` file behind, never a partial target.
 */
export async function writeOutput(
  path: string | undefined,
  text: string,
  io: Io,
  opts: WriteOptions,
): Promise<WriteOutcome> {
  const body = opts.bom && !text.startsWith('\uFEFF') ? `\uFEFF${text}` : text;
  if (path === undefined) {
    io.stdout(body);
    return 'written';
  }
  const lang = opts.lang ?? 'en';
  checkOutputPath(path, opts.inputs, io.cwd, lang);
  // write through a symlink to the file it names, as editors do
  const target = canonical(resolve(io.cwd, path));
  const tmp = join(
    dirname(target),
    `.${basename(target)}.vet-check-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  let fh: FileHandle | undefined;
  let created = false;
  try {
    fh = await open(tmp, 'wx', 0o666);
    created = true;
    const mode = await stat(target).then(
      (s) => s.mode & 0o7777,
      () => undefined,
    );
    const complete = await writeAll(fh, Buffer.from(body, 'utf8'), opts, () => interrupted);
    if (complete) await fh.sync();
    await fh.close();
    fh = undefined;
    if (!complete || interrupted) {
      await unlink(tmp);
      created = false;
      return 'interrupted';
    }
    if (mode !== undefined) await chmod(tmp, mode);
    await rename(tmp, target);
    created = false;
    return 'written';
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return fail('report/output-write-failed', { path, reason: e.code ?? e.message }, lang);
  } finally {
    process.off('SIGINT', onSigint);
    await fh?.close().catch(() => {});
    if (created) await unlink(tmp).catch(() => {});
  }
}

/** The message to print when a write was interrupted. */
export function interruptedMessage(path: string, lang: Lang = 'en'): string {
  return renderMessage(diag('report/interrupted', { path }), lang);
}
