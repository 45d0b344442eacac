// Physical positions over UTF-8 bytes. A line break is LF, CRLF or a lone CR
// (the same set the CSV parser splits records on); columns count Unicode code
// points, so a Chinese character or an emoji is one column.

const LF = 10;
const CR = 13;

/** Number of code points in buf[start, end) (valid UTF-8): every byte that is not a continuation byte. */
export function codePoints(buf: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if ((buf[i]! & 0xc0) !== 0x80) n++;
  return n;
}

/** Running 1-based line and column over a stream of UTF-8 chunks. */
export class PositionTracker {
  line = 1;
  column = 1;
  /** A CR ended the previous chunk: the line has ended, an LF may still follow. */
  private pendingCR = false;

  /** Advance over buf[start, end). */
  advance(buf: Uint8Array, start = 0, end = buf.length): void {
    if (start >= end) return;
    let lastBreakEnd = -1;
    if (this.pendingCR) {
      this.pendingCR = false;
      // The CR is counted here unless an LF follows (the LF loop counts the pair once).
      if (buf[start] !== LF) {
        this.line++;
        this.column = 1;
        lastBreakEnd = start;
      }
    }
    let j = buf.indexOf(LF, start);
    while (j !== -1 && j < end) {
      this.line++;
      lastBreakEnd = j + 1;
      j = buf.indexOf(LF, j + 1);
    }
    let k = buf.indexOf(CR, start);
    while (k !== -1 && k < end) {
      if (k + 1 === end) {
        this.pendingCR = true;
        lastBreakEnd = Math.max(lastBreakEnd, end);
      } else if (buf[k + 1] !== LF) {
        this.line++;
        lastBreakEnd = Math.max(lastBreakEnd, k + 1);
      }
      k = buf.indexOf(CR, k + 1);
    }
    if (lastBreakEnd >= 0) this.column = 1 + codePoints(buf, lastBreakEnd, end);
    else this.column += codePoints(buf, start, end);
  }

  /** An independent copy (to look ahead without moving this one). */
  clone(): PositionTracker {
    const t = new PositionTracker();
    t.line = this.line;
    t.column = this.column;
    t.pendingCR = this.pendingCR;
    return t;
  }

  /** Position of the next byte. */
  get position(): { line: number; column: number } {
    return this.pendingCR ? { line: this.line + 1, column: 1 } : { line: this.line, column: this.column };
  }
}

/** Positions of code-unit offsets in a JS string, queried in increasing order (each query is then O(distance)). */
export class StringPositions {
  private offset = 0;
  private line: number;
  private column: number;

  constructor(
    private readonly text: string,
    firstLine = 1,
  ) {
    this.line = firstLine;
    this.column = 1;
  }

  /** 1-based line and code-point column of `offset`; offsets must not decrease. */
  at(offset: number): { line: number; column: number } {
    const t = this.text;
    for (let i = this.offset; i < offset; i++) {
      const c = t.charCodeAt(i);
      if (c === LF) {
        this.line++;
        this.column = 1;
      } else if (c === CR) {
        if (t.charCodeAt(i + 1) !== LF) {
          this.line++;
          this.column = 1;
        }
      } else if (c < 0xdc00 || c > 0xdfff) {
        this.column++; // a low surrogate completes a code point already counted
      }
    }
    if (offset > this.offset) this.offset = offset;
    return { line: this.line, column: this.column };
  }
}
