// Memory for large inputs. V8 lets its young generation grow to 2 × 16 MiB
// while buffers stream through; for files that size does not pay: with
// `--semi-space-growth-factor=1` a 10 M-record roster peaks near 130 MiB
// instead of 165 MiB at the same speed (docs/scale.md). Small inputs keep the
// default, which starts ~30 ms faster. The flag is read whenever the young
// generation would grow, so setting it before the read is enough.
import { statSync } from 'node:fs';

/** Inputs at least this large (in total) get the small young generation. */
export const LARGE_INPUT_BYTES = 8 * 1024 * 1024;

let applied = false;

/** Total size of the files that exist (others are reported by the readers). */
export function totalBytes(paths: readonly string[]): number {
  let n = 0;
  for (const p of paths) {
    try {
      n += statSync(p).size;
    } catch {
      // missing or unreadable: the reader says so
    }
  }
  return n;
}

/** Keep V8's young generation small when the inputs are large (Node.js 20–24, where the flag exists). */
export function tuneForInput(paths: readonly string[]): boolean {
  if (applied) return true;
  const major = Number(process.versions.node.split('.')[0]);
  if (major < 20 || major > 24 || totalBytes(paths) < LARGE_INPUT_BYTES) return false;
  // node:v8 is loaded only here: ~2 ms of every start-up otherwise
  process.getBuiltinModule('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
  applied = true;
  return true;
}
