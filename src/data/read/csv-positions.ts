// Maps the bytes of one CSV record (as delimited by csv-scan.ts, which is the
// parser) to the physical start of each cell: csv.ts uses it for a record
// with a quoted cell, where a line break inside quotes moves the cells after
// it to a later line. It follows the scanner's quoting rules but builds no
// values; it only locates.

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** Where one record lies and where its cells start. */
export interface RecordScan {
  /** Byte offset just after the record (its line break included). */
  end: number;
  /** Position just after the record. */
  line: number;
  column: number;
  /** Start of the record (after skipped blank lines). */
  recordLine: number;
  recordColumn: number;
  /** Flat [line, column, line, column, …] of each cell's content. */
  cells: number[];
  /** The record ended with a line break (rather than at `end` of the data). */
  terminated: boolean;
  /** The data ended inside a quoted cell opened here. */
  openQuote?: { line: number; column: number };
  /** A quote in an unquoted cell, or text right after a closing quote. */
  badQuote?: { line: number; column: number };
}

/**
 * Scan one record of UTF-8 bytes buf[start, end) starting at (line, column),
 * skipping blank lines before it as the scanner does.
 * Columns count code points.
 */
export function scanRecord(
  buf: Uint8Array,
  start: number,
  end: number,
  line: number,
  column: number,
  delimiter: number,
): RecordScan {
  let i = start;
  let l = line;
  let c = column;
  while (i < end) {
    const b = buf[i];
    if (b === LF) {
      i++;
    } else if (b === CR) {
      i++;
      if (i < end && buf[i] === LF) i++;
    } else break;
    l++;
    c = 1;
  }
  const recordLine = l;
  const recordColumn = c;
  const cells: number[] = [];
  const done = (extra: Partial<RecordScan> = {}): RecordScan => ({
    end: i,
    line: l,
    column: c,
    recordLine,
    recordColumn,
    cells,
    terminated: false,
    ...extra,
  });
  let cellStart = true;
  while (i < end) {
    if (cellStart) {
      cellStart = false;
      if (buf[i] === QUOTE) {
        const quote = { line: l, column: c };
        i++;
        c++;
        cells.push(l, c);
        let closed = false;
        while (i < end) {
          const b = buf[i]!;
          if (b === QUOTE) {
            if (i + 1 < end && buf[i + 1] === QUOTE) {
              i += 2;
              c += 2;
              continue;
            }
            i++;
            c++;
            closed = true;
            break;
          }
          if (b === LF) {
            i++;
            l++;
            c = 1;
          } else if (b === CR) {
            i++;
            if (i < end && buf[i] === LF) i++;
            l++;
            c = 1;
          } else {
            if ((b & 0xc0) !== 0x80) c++;
            i++;
          }
        }
        if (!closed) return done({ openQuote: quote });
        if (i < end) {
          const b = buf[i];
          if (b !== delimiter && b !== LF && b !== CR) return done({ badQuote: { line: l, column: c - 1 } });
        }
        continue;
      }
      cells.push(l, c);
    }
    const b = buf[i]!;
    if (b === delimiter) {
      i++;
      c++;
      cellStart = true;
    } else if (b === LF || b === CR) {
      i++;
      if (b === CR && i < end && buf[i] === LF) i++;
      l++;
      c = 1;
      return done({ terminated: true });
    } else if (b === QUOTE) {
      return done({ badQuote: { line: l, column: c } });
    } else {
      if ((b & 0xc0) !== 0x80) c++;
      i++;
    }
  }
  if (cellStart && cells.length > 0) cells.push(l, c); // a delimiter ended the data: one more empty cell
  return done();
}
