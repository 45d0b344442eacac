// A strict CSV/TSV tokenizer over validated UTF-8 chunks, in one pass over
// the bytes: it finds records and cell boundaries (offsets into a buffer) and
// builds no strings, so a caller can read the cells it needs straight from
// the bytes. It replaced csv-parse as the reader's parser, for speed, and
// keeps its rules (csv-parse with relax_column_count, skip_empty_lines,
// record delimiters CRLF/LF/CR and strict quotes): RFC 4180 quotes, `""`
// inside quotes, LF / CRLF / lone CR line breaks, blank lines skipped (a line
// of delimiters or `""` is a record), ragged records kept; a quote inside an
// unquoted cell (spaces before an opening quote included) or text after a
// closing quote (spaces included) is `read/bad-quote`, a quote never closed
// `read/unclosed-quote`, a record over the size limit `read/record-too-large`
// (or `read/quote-too-long` inside an open quote). Positions are only
// computed for a problem (code points from the line start).
//
// test/data/read/csv-scan.diff.test.ts tests these rules against csv-parse,
// now the test oracle: same records, same accepted and rejected texts, in any
// chunking. Deliberate differences from csv-parse:
// - Lines are physical: a CRLF inside quotes is one line break, whereas
//   csv-parse's info.lines counts its CR and its LF (and stays ahead after).
// - A problem is located at the offending quote (line and column; the
//   opening quote when one is never closed); csv-parse gives its line count
//   and a field index.
// - The size limit counts a record's bytes as written (quotes, delimiters);
//   csv-parse's max_record_size counted the text of its cells.
import { diag } from '../../diagnostics/diagnostic.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { ReadStop } from '../decode.js';
import { codePoints } from './position.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Records found in one buffer: flat typed arrays, reused from batch to batch (read a batch before asking for the next). */
export interface CsvBatch {
  buf: Buffer;
  rows: number;
  /** Per record: byte offset of its start (always column 1) and of its end (before the line break). */
  rowStart: Int32Array;
  rowEnd: Int32Array;
  /** Per record: the physical line it starts on. */
  rowLine: Int32Array;
  /** Per record: index of its first cell in cellStart/cellEnd, and its number of cells. */
  rowCell: Int32Array;
  rowCells: Int32Array;
  /** Per record: 1 when a cell is quoted (its text needs unquoting; it may span lines). */
  rowQuoted: Uint8Array;
  /** Per cell: content offsets (inside the quotes of a quoted cell). */
  cellStart: Int32Array;
  cellEnd: Int32Array;
}

/** Options of `scanCsv`. */
export interface CsvScanOptions {
  file: string;
  delimiter: ',' | '\t';
  maxRecordBytes: number;
  /** Most records per batch (default: every whole record of a read); the header peek asks for 2. */
  batchRows?: number;
}

/** Where the scan reports file-level problems. */
export interface CsvScanSink {
  diagnostics: Diagnostic[];
}

/** The text of a cell: the bytes as UTF-8, with `""` made `"` in a quoted cell. */
export function cellText(b: CsvBatch, cell: number, quoted: boolean): string {
  const s = b.cellStart[cell]!;
  const e = b.cellEnd[cell]!;
  const t = b.buf.toString('utf8', s, e);
  return quoted && t.includes('"') ? t.replaceAll('""', '"') : t;
}

function grow<T extends Int32Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  let n = a.length * 2;
  while (n < need) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

class Problem {
  constructor(
    readonly code: string,
    readonly at: number,
    readonly lineStart: number,
    readonly line: number,
    readonly params: Record<string, number> = {},
  ) {}
}

/**
 * Stream the records of CSV/TSV text as batches (the header is the first
 * record). A decode error (ReadStop) from `chunks` ends the scan after the
 * complete records before it; a record cut short by it is dropped, unless it
 * already shows a quoting problem, which is reported instead.
 */
export async function* scanCsv(
  chunks: AsyncIterable<Buffer>,
  opts: CsvScanOptions,
  sink: CsvScanSink,
): AsyncGenerator<CsvBatch> {
  const delim = opts.delimiter.charCodeAt(0);
  const special = Math.max(delim, LF, CR, QUOTE);
  const max = opts.maxRecordBytes;
  const limit = opts.batchRows ?? Number.POSITIVE_INFINITY;
  const batch: CsvBatch = {
    buf: Buffer.alloc(0),
    rows: 0,
    rowStart: new Int32Array(1024),
    rowEnd: new Int32Array(1024),
    rowLine: new Int32Array(1024),
    rowCell: new Int32Array(1024),
    rowCells: new Int32Array(1024),
    rowQuoted: new Uint8Array(1024),
    cellStart: new Int32Array(8192),
    cellEnd: new Int32Array(8192),
  };
  // The unfinished record at the end of a chunk is copied to the front of `work` and the
  // next chunk after it: one buffer reused for the whole file instead of a new one per
  // chunk (the allocations drove V8 to a full GC every ~100 ms on large files).
  let work: Buffer = Buffer.allocUnsafeSlow(0);
  let restLen = 0;
  let line = 1;
  let stopped: ReadStop | null = null;
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    yield* scanChunks();
  } finally {
    // stopped early (a problem, or the caller stopped): let the source close its file now
    await iterator.return?.();
  }

  async function* scanChunks(): AsyncGenerator<CsvBatch> {
    for (;;) {
      let chunk: Buffer | undefined;
      let eof = false;
      try {
        const r = await iterator.next();
        if (r.done) eof = true;
        else chunk = r.value;
      } catch (e) {
        if (!(e instanceof ReadStop)) throw e;
        stopped = e;
        eof = true;
      }
      // the chunk itself when nothing is left over, else the leftover and the chunk in `work`
      let buf: Buffer;
      const inWork = restLen > 0;
      if (!inWork) buf = chunk ?? work.subarray(0, 0);
      else if (!chunk) buf = work.subarray(0, restLen);
      else {
        reserve(restLen + chunk.length);
        chunk.copy(work, restLen);
        buf = work.subarray(0, restLen + chunk.length);
      }
      // batches of at most `limit` records: the buffer is scanned on from where the last one ended
      let out: ScanOut;
      for (let from = 0; ; from = out.consumed) {
        out = scan(buf, from, eof && !stopped, line);
        if (out.problem && !(stopped && out.problem.code === 'read/unclosed-quote')) {
          if (out.rows > 0) yield fill(out);
          sink.diagnostics.push(locate(buf, out.problem, opts.file));
          return;
        }
        if (out.rows > 0) yield fill(out);
        line = out.line;
        if (!out.full) break;
      }
      const left = buf.length - out.consumed;
      if (inWork) work.copyWithin(0, out.consumed, buf.length);
      else if (left > 0) {
        restLen = 0;
        reserve(left);
        buf.copy(work, 0, out.consumed);
      }
      restLen = left;
      const rest = work.subarray(0, restLen);
      if (stopped) {
        sink.diagnostics.push(stopped.diagnostic);
        return;
      }
      if (eof) return;
      if (rest.length > max) {
        // a record longer than the limit is still open: report it without reading on
        const tail = scan(rest, 0, true, line);
        if (tail.problem?.code === 'read/unclosed-quote')
          sink.diagnostics.push(locate(rest, tail.problem, opts.file, 'read/quote-too-long', max));
        else
          sink.diagnostics.push(
            diag('read/record-too-large', { limit: max }, { file: opts.file, line, column: 1 }),
          );
        return;
      }
    }
  }

  /** Make `work` hold at least n bytes, keeping its first restLen. */
  function reserve(n: number): void {
    if (work.length >= n) return;
    const next = Buffer.allocUnsafeSlow(Math.max(n, 2 * work.length));
    work.copy(next, 0, 0, restLen);
    work = next;
  }

  function fill(out: ScanOut): CsvBatch {
    batch.rows = out.rows;
    return batch;
  }

  interface ScanOut {
    rows: number;
    consumed: number;
    line: number;
    problem?: Problem;
    openQuote?: Problem;
    /** The batch holds `limit` records: more may follow in the buffer. */
    full?: boolean;
  }

  /** Scan whole records of buf from `from` (at most `limit`); an unfinished last record is left unconsumed unless `eof`. */
  function scan(buf: Buffer, from: number, eof: boolean, startLine: number): ScanOut {
    batch.buf = buf;
    // the batch's arrays in locals (reassigned when they grow): the loops below touch them per cell
    let cellStart = batch.cellStart;
    let cellEnd = batch.cellEnd;
    let rows = 0;
    let cells = 0;
    let p = from;
    let l = startLine;
    let consumed = from;
    let consumedLine = startLine;
    const n = buf.length;
    let openQuote: Problem | undefined;
    outer: for (;;) {
      // blank lines are skipped
      while (p < n) {
        const b = buf[p];
        if (b === LF) p++;
        else if (b === CR) {
          if (p + 1 >= n && !eof) break outer;
          p += buf[p + 1] === LF ? 2 : 1;
        } else break;
        l++;
        consumed = p;
        consumedLine = l;
      }
      if (p >= n) break;
      const recStart = p;
      const recLine = l;
      let lineStart = p;
      let quoted = 0;
      const firstCell = cells;
      let terminated = false;
      for (;;) {
        // one cell
        if (cells + 1 >= cellStart.length) {
          cellStart = batch.cellStart = grow(cellStart, cells + 2);
          cellEnd = batch.cellEnd = grow(cellEnd, cells + 2);
        }
        if (p < n && buf[p] === QUOTE) {
          quoted = 1;
          const open = new Problem('read/unclosed-quote', p, lineStart, l);
          p++;
          const s = p;
          let closed = -1;
          while (p < n) {
            const b = buf[p]!;
            if (b === QUOTE) {
              if (p + 1 < n && buf[p + 1] === QUOTE) {
                p += 2;
                continue;
              }
              if (p + 1 >= n && !eof) break; // a doubled quote may continue in the next chunk
              closed = p;
              p++;
              break;
            }
            if (b === LF || b === CR) {
              if (b === CR && buf[p + 1] === LF) p++;
              else if (b === CR && p + 1 >= n && !eof) break;
              p++;
              l++;
              lineStart = p;
            } else p++;
          }
          if (closed < 0) {
            if (!eof) {
              openQuote = open;
              break outer;
            }
            return { rows, consumed, line: consumedLine, problem: open };
          }
          cellStart[cells] = s;
          cellEnd[cells] = closed;
          cells++;
          if (p >= n) {
            if (!eof) break outer;
            break;
          }
          const b = buf[p];
          if (b !== delim && b !== LF && b !== CR)
            return {
              rows,
              consumed,
              line: consumedLine,
              problem: new Problem('read/bad-quote', closed, lineStart, l),
            };
        } else {
          const s = p;
          while (p < n) {
            const b = buf[p]!;
            // every special byte (delimiter, LF, CR, quote) is at most `special`: one test for most bytes
            if (b > special) {
              p++;
              continue;
            }
            if (b === delim || b === LF || b === CR) break;
            if (b === QUOTE)
              return {
                rows,
                consumed,
                line: consumedLine,
                problem: new Problem('read/bad-quote', p, lineStart, l),
              };
            p++;
          }
          if (p >= n && !eof) break outer;
          cellStart[cells] = s;
          cellEnd[cells] = p;
          cells++;
          if (p >= n) break;
        }
        const b = buf[p];
        if (b === delim) {
          p++;
          if (p >= n) {
            if (!eof) break outer;
            // a delimiter ended the data: one more empty cell
            cellStart[cells] = p;
            cellEnd[cells] = p;
            cells++;
            break;
          }
          continue;
        }
        // a line break ends the record
        if (b === CR && p + 1 >= n && !eof) break outer;
        terminated = true;
        break;
      }
      const recEnd = p;
      if (terminated) {
        p += buf[p] === CR && buf[p + 1] === LF ? 2 : 1;
        l++;
      }
      if (recEnd - recStart > max)
        return {
          rows,
          consumed,
          line: consumedLine,
          problem: new Problem('read/record-too-large', recStart, recStart, recLine, { limit: max }),
        };
      if (rows >= batch.rowStart.length) {
        const need = rows + 1;
        batch.rowStart = grow(batch.rowStart, need);
        batch.rowEnd = grow(batch.rowEnd, need);
        batch.rowLine = grow(batch.rowLine, need);
        batch.rowCell = grow(batch.rowCell, need);
        batch.rowCells = grow(batch.rowCells, need);
        batch.rowQuoted = grow(batch.rowQuoted, need);
      }
      batch.rowStart[rows] = recStart;
      batch.rowEnd[rows] = recEnd;
      batch.rowLine[rows] = recLine;
      batch.rowCell[rows] = firstCell;
      batch.rowCells[rows] = cells - firstCell;
      batch.rowQuoted[rows] = quoted;
      rows++;
      consumed = p;
      consumedLine = l;
      if (rows === limit) return { rows, consumed, line: consumedLine, full: true };
      if (p >= n) break;
    }
    // an unfinished record: its cells are not kept
    return { rows, consumed, line: consumedLine, ...(openQuote ? { openQuote } : {}) };
  }
}

function locate(buf: Buffer, p: Problem, file: string, code = p.code, limit?: number): Diagnostic {
  const column = p.code === 'read/record-too-large' ? 1 : 1 + codePoints(buf, p.lineStart, p.at);
  const params = limit !== undefined ? { limit } : p.params;
  return diag(code, params, { file, line: p.line, column });
}
