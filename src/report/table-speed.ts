// cli-table3 0.6.5 calls `utils.truncate(cell.content, 10)` on every drawn
// line of every cell, only to build a debug message, and its truncation of
// text wider than the limit drops one UTF-16 unit at a time and re-measures
// the whole string each time: quadratic in a cell's length, and CJK text
// always takes that path. On the bundled sample that was ~120 ms of a 360 ms
// report. This replaces `truncate` (looked up on the module object at each
// call) by a linear one with the same result for text without escape
// sequences, measured with cli-table3's own `strlen` (the string-width 4 that
// table.ts wraps Chinese text with too); text with escapes (colour) keeps the original.
// the same module instance as cli-table3's own (also inside the bundle)
import utils from 'cli-table3/src/utils.js';

let patched = false;

/** Terminal columns of one character as cli-table3 counts them (and table.ts wraps by). */
const widths = new Map<number, number>();
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x20 && c < 0x7f) return 1;
  let w = widths.get(c);
  if (w === undefined) {
    w = utils.strlen(ch);
    widths.set(c, w);
  }
  return w;
}

/**
 * Cut `str` to at most `desired` terminal columns, the truncation mark
 * included, as cli-table3 does; it reads only as far as it must.
 */
export function linearTruncate(str: string, desired: number, truncateChar = '…'): string {
  const room = desired - (truncateChar === '…' ? 1 : utils.strlen(truncateChar));
  let used = 0;
  let at = 0;
  let cut = -1;
  for (const ch of str) {
    const w = charWidth(ch);
    if (cut < 0 && used + w > room) cut = at;
    used += w;
    if (used > desired) return str.slice(0, cut) + truncateChar;
    at += ch.length;
  }
  return str;
}

/** Install linearTruncate into cli-table3 (once). */
export function speedUpCliTable(): void {
  if (patched) return;
  patched = true;
  const original = utils.truncate;
  utils.truncate = (str, desired, truncateChar) =>
    typeof str === 'string' && !str.includes('\u001b')
      ? linearTruncate(str, desired, truncateChar)
      : original(str, desired, truncateChar);
}
