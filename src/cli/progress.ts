// A progress bar on stderr for long reads: one line redrawn in place with
// `\r` and an ANSI clear-line, shown only on a terminal and only once the
// read has taken more than a second; cleared when the read is done. Nothing
// here reads a clock or writes by itself: both are given.
import { basename } from 'node:path';
import stringWidth from 'string-width';
import type { ReadProgress } from '../data/submission.js';
import type { Lang } from '../diagnostics/types.js';
import { visible } from '../util/visible.js';
import type { Io } from './io.js';

/** Back to column 1 and clear the line. */
const CLEAR = '\r\x1b[2K';

/** Options of a Progress. */
export interface ProgressOptions {
  lang: Lang;
  /** Where the line goes (stderr). */
  write: (text: string) => void;
  /** A monotonic clock in milliseconds. */
  now: () => number;
  /** Terminal width, when known (default 80). */
  columns?: () => number | undefined;
  /** Nothing is shown before the read has taken this long (default 1000 ms). */
  delayMs?: number;
  /** At least this long between two redraws (default 100 ms: at most 10 a second). */
  intervalMs?: number;
}

/** One progress line on stderr, fed with `update` and cleared with `done`. */
export class Progress {
  private readonly start: number;
  private readonly delay: number;
  private readonly interval: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private shown = false;
  private finished = false;
  private file: string | undefined;
  private rows = 0;
  /** Rows of the files read before the current one. */
  private rowsBefore = 0;

  constructor(private readonly o: ProgressOptions) {
    this.start = o.now();
    this.delay = o.delayMs ?? 1000;
    this.interval = o.intervalMs ?? 100;
  }

  /** Note how far the read has got; redraws when due. */
  update(p: ReadProgress): void {
    if (this.finished) return;
    if (p.file !== this.file || p.rows < this.rows) {
      this.rowsBefore += this.rows;
      this.file = p.file;
    }
    this.rows = p.rows;
    const t = this.o.now();
    if (t - this.start <= this.delay || t - this.lastDraw < this.interval) return;
    this.lastDraw = t;
    this.shown = true;
    const columns = this.o.columns?.() || 80;
    this.o.write(CLEAR + progressLine(p, this.rowsBefore + p.rows, t - this.start, this.o.lang, columns));
  }

  /** Clear the line (when one was drawn) so that later output starts on a clean line; nothing more is drawn. */
  done(): void {
    if (this.shown) this.o.write(CLEAR);
    this.shown = false;
    this.finished = true;
  }
}

/** False on a pipe or file, under CI, with TERM=dumb, or with --no-progress. */
export function progressWanted(io: Io, option: boolean | undefined): boolean {
  if (option === false || !io.stderrIsTTY) return false;
  if ((io.env['CI'] ?? '') !== '') return false;
  return io.env['TERM'] !== 'dumb';
}

/**
 * Run a read with a progress bar when one is wanted: `read` gets the callback
 * to pass as readSubmission's `onProgress` (undefined when no bar is shown),
 * and the line is cleared however the read ends.
 */
export async function withProgress<T>(
  io: Io,
  opts: { lang: Lang; progress?: boolean | undefined; now?: () => number },
  read: (onProgress: ((p: ReadProgress) => void) | undefined) => Promise<T>,
): Promise<T> {
  if (!progressWanted(io, opts.progress)) return read(undefined);
  const bar = new Progress({
    lang: opts.lang,
    write: io.stderr,
    now: opts.now ?? (() => performance.now()),
    columns: () => io.stderrColumns,
  });
  try {
    return await read((p) => bar.update(p));
  } finally {
    bar.done();
  }
}

/** The line: file name, percent and MB of bytes (when known), rows, rows a second; fitted to the terminal. */
function progressLine(
  p: ReadProgress,
  totalRows: number,
  elapsedMs: number,
  lang: Lang,
  columns: number,
): string {
  const zh = lang === 'zh';
  const name = visible(basename(p.file));
  const label = zh ? '读取' : 'reading';
  const known = p.bytesRead !== undefined;
  const pct =
    known && p.size !== undefined && p.size > 0
      ? `${Math.min(100, Math.floor((p.bytesRead! * 100) / p.size))}%`
      : undefined;
  const mb = known ? `${(p.bytesRead! / 1e6).toFixed(1)} MB` : undefined;
  const rows = zh ? `${group(p.rows)} 行` : `${group(p.rows)} rows`;
  const perSecond = elapsedMs > 0 ? group(Math.round((totalRows * 1000) / elapsedMs)) : undefined;
  const rate = perSecond === undefined ? undefined : zh ? `${perSecond} 行/秒` : `${perSecond} rows/s`;
  // the last column stays free: writing there wraps on some terminals, and `\r` would then redraw the wrong line
  const max = Math.max(columns - 1, 1);
  // on a narrow terminal drop the rate, then MB, before shortening the name below 12 columns
  const choices = [
    [pct, mb, rows, rate],
    [pct, mb, rows],
    [pct, rows],
  ].map((c) => c.filter((x): x is string => x !== undefined));
  const fixed = (ps: string[]) => stringWidth(`${label} `) + stringWidth(`  ${ps.join('  ')}`);
  const parts = choices.find((ps) => fixed(ps) + Math.min(stringWidth(name), 12) <= max) ?? choices[2]!;
  const room = max - fixed(parts);
  return cut(`${label} ${shorten(name, Math.max(room, 5))}  ${parts.join('  ')}`, max);
}

/** Thousands separators: 1234567 → 1,234,567. */
function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The text in at most `max` columns, its middle replaced by … when longer (the extension stays visible). */
function shorten(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  const chars = [...text];
  let front = '';
  let back = '';
  let room = max - 1;
  for (let i = 0, j = chars.length - 1; i <= j && room > 0; ) {
    const takeFront = stringWidth(front) <= stringWidth(back);
    const ch = takeFront ? chars[i]! : chars[j]!;
    const w = stringWidth(ch);
    if (w > room) break;
    room -= w;
    if (takeFront) {
      front += ch;
      i++;
    } else {
      back = ch + back;
      j--;
    }
  }
  return `${front}…${back}`;
}

/** The text cut to at most `max` columns. */
function cut(text: string, max: number): string {
  if (stringWidth(text) <= max) return text;
  let out = '';
  let w = 0;
  for (const ch of text) {
    const cw = stringWidth(ch);
    if (w + cw > max) break;
    out += ch;
    w += cw;
  }
  return out;
}
