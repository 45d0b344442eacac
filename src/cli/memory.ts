// Memory for large inputs. V8 lets its young generation grow to 2 × 16 MiB
// while buffers stream through; for files that size does not pay: with
// `--semi-space-growth-factor=1` a 10 M-record roster peaks near 130 MiB
// instead of 165 MiB at the same speed (docs/scale.md). Small inputs keep the
// default, which starts ~30 ms faster. The flag is read whenever the young
// generation would grow, so setting it before the read is enough. The same
// look at the inputs starts the scanning thread of a large CSV file early.
import { statSync } from 'node:fs';

/** Inputs at least this large (in total) get the small young generation. */
export const LARGE_INPUT_BYTES = 8 * 1024 * 1024;

let applied = false;

/** The size of each file that exists (undefined for the others: the readers report them). */
export function fileSizes(paths: readonly string[]): (number | undefined)[] {
  return paths.map((p) => {
    try {
      return statSync(p).size;
    } catch {
      return undefined; // missing or unreadable: the reader says so
    }
  });
}

/** Total size of the files that exist. */
export function totalBytes(paths: readonly string[]): number {
  return fileSizes(paths).reduce<number>((n, s) => n + (s ?? 0), 0);
}

/** Keep V8's young generation small when the inputs are large (Node.js 20–24, where the flag exists). */
export function tuneForInput(paths: readonly string[], sizes = fileSizes(paths)): boolean {
  if (applied) return true;
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20 || major > 24 || sizes.reduce<number>((n, s) => n + (s ?? 0), 0) < LARGE_INPUT_BYTES)
    return false;
  // node:v8 is loaded only here: ~2 ms of every start-up otherwise
  process.getBuiltinModule('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
  applied = true;
  return true;
}

/**
 * Before `paths` are read (by `report` and `validate`, as early as they can):
 * V8's young generation for their size, and the scanning thread of a large
 * CSV file started now (prepareReads in src/data/read). Each file is looked
 * at once for both.
 */
export async function prepareForInput(paths: readonly string[]): Promise<void> {
  const sizes = fileSizes(paths);
  tuneForInput(paths, sizes);
  (await import('../data/read/index.js')).prepareReads(paths, sizes);
}
