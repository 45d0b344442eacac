// Differential test of the byte-level CSV/TSV tokenizer (src/data/read/csv-scan.ts)
// against csv-parse, a well-kept parser, as the oracle. Random texts stress
// the rules (quotes, doubled quotes, line breaks inside quotes, blank lines,
// CRLF/LF/CR mixed, ragged rows, CJK, full-width characters, emoji, broken
// quotes) and are fed to scanCsv in random chunks (one byte up to the whole,
// and cuts inside CRLF, `""` and multi-byte characters). For each case:
//   - the records (cell texts) equal csv-parse's, with the options the reader
//     used when csv-parse was its parser;
//   - csv-parse rejects a text exactly when the scanner reports a diagnostic,
//     of the matching code, at the offending quote, after the same records;
//   - each record's line (rowLine) and bytes (rowStart..rowEnd) are those of
//     the record csv-parse found, its line counted independently;
//   - cellPositions (csv.ts) points at each cell's text.
// Where the two differ by design (listed in csv-scan.ts) the test says so:
// csv-parse's info.lines counts a CRLF inside quotes as two lines, so it is
// checked with that count, while the scanner's lines are physical; csv-parse
// gives no column for an error, so the offending quote is found as the end
// of the shortest prefix it rejects.
// Deterministic: CSV_DIFF_SEED=n (and CSV_DIFF_CASE=i for one case,
// CSV_DIFF_CASES=n for more) reproduce a failure, whose message gives them.
import { CsvError } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { cellPositions } from '../../../src/data/read/csv.js';
import { cellText, scanCsv } from '../../../src/data/read/csv-scan.js';
import type { Diagnostic } from '../../../src/diagnostics/types.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

const SEED = Number(process.env.CSV_DIFF_SEED ?? 0x5eed_c5f1);
const CASES = Number(process.env.CSV_DIFF_CASES ?? 3000);
const ONLY = process.env.CSV_DIFF_CASE === undefined ? undefined : Number(process.env.CSV_DIFF_CASE);

type Delimiter = ',' | '\t';

// ---- deterministic randomness (mulberry32) ----

class Rand {
  private a: number;
  constructor(seed: number) {
    this.a = seed >>> 0;
  }
  next(): number {
    this.a = (this.a + 0x6d2b79f5) >>> 0;
    let t = this.a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
}

const caseSeed = (seed: number, i: number): number => (seed + Math.imul(i + 1, 0x9e3779b9)) >>> 0;

// ---- random texts ----

const WORDS = [
  'a',
  'Bc',
  '42',
  '0144010001',
  'x y',
  ' ',
  '双师型',
  '专任教师数',
  'ＡＢＣ１２３', // full-width letters and digits
  '（人）',
  '，', // full-width comma: not a delimiter
  '\u3000', // ideographic space
  '😀',
  '👩‍🏫', // ZWJ sequence: three code points
  'é',
  '\u00a0',
  // not line breaks for either parser: NEL, LINE SEPARATOR, VT, FF, NUL; a BOM inside the text
  '\u0085',
  '\u2028',
  '\u000b\u000c\u0000',
  '\ufeff',
];
const EOLS = ['\n', '\r\n', '\r'] as const;

function word(r: Rand, other: string): string {
  return r.chance(0.1) ? other : r.pick(WORDS);
}

function words(r: Rand, other: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += word(r, other);
  return s;
}

function quotedContent(r: Rand, delim: string, other: string): string {
  let s = '';
  const n = r.int(0, 5);
  for (let i = 0; i < n; i++)
    s += r.pick([word(r, other), word(r, other), delim, other, '""', '""', '\n', '\r\n', '\r', ' ']);
  return s;
}

function cell(r: Rand, delim: string, other: string, dirt: number): string {
  if (r.chance(dirt)) {
    // a broken cell: csv-parse rejects these (unless a later quote happens to pair up)
    switch (r.int(0, 6)) {
      case 0:
        return `${words(r, other, r.int(1, 2))}"${words(r, other, r.int(0, 2))}`; // quote in an unquoted cell
      case 1:
        return ` "${quotedContent(r, delim, other)}"`; // space before the opening quote
      case 2:
        return `"${quotedContent(r, delim, other)}" `; // space after the closing quote
      case 3:
        return `"${quotedContent(r, delim, other)}"${words(r, other, 1)}`; // text after the closing quote
      case 4:
        return `"${quotedContent(r, delim, other)}`; // never closed (or closed by a later quote)
      case 5:
        return '"';
      default:
        return `"${quotedContent(r, delim, other)}"""${words(r, other, 1)}`;
    }
  }
  const k = r.next();
  if (k < 0.2) return '';
  if (k < 0.6) return words(r, other, r.int(1, 3));
  return `"${quotedContent(r, delim, other)}"`;
}

function record(r: Rand, delim: string, other: string, dirt: number): string {
  const k = r.next();
  if (k < 0.03) return delim.repeat(r.int(1, 3)); // only delimiters: empty cells, not a blank line
  if (k < 0.05) return '""'; // one empty quoted cell: not a blank line either
  if (k < 0.07) return r.pick([' ', '\t', '\u3000']);
  const cells: string[] = [];
  const n = r.int(1, 6);
  for (let i = 0; i < n; i++) cells.push(cell(r, delim, other, dirt));
  return cells.join(delim);
}

function genText(r: Rand, delim: Delimiter, long?: { records: number }): string {
  const other = delim === ',' ? '\t' : ',';
  const style = r.pick(['\n', '\r\n', '\r', 'mixed', 'mixed'] as const);
  const eol = (): string => (style === 'mixed' ? r.pick(EOLS) : style);
  const dirt = !long && r.chance(0.25) ? r.pick([0.02, 0.05, 0.15]) : 0;
  const n = long ? long.records : r.int(0, 8);
  let out = '';
  for (let i = 0; i < n; i++) {
    while (r.chance(0.15)) out += eol(); // blank lines
    out += record(r, delim, other, dirt);
    if (i < n - 1 || r.chance(0.5)) out += eol(); // the last line with or without a line break
  }
  while (r.chance(0.1)) out += eol();
  if (long) return out;
  // a last cell whose quote is never closed
  if (r.chance(0.04)) out += `${r.pick(['', delim, eol()])}"${quotedContent(r, delim, other)}`;
  if (r.chance(0.08)) {
    // cut the text short (at a code point): quotes left open, a CR at the end, …
    const cps = Array.from(out);
    out = cps.slice(0, r.int(0, cps.length)).join('');
  }
  return out;
}

/** Chunk boundaries (offsets strictly inside the bytes). */
function genCuts(r: Rand, bytes: Buffer): number[] {
  const n = bytes.length;
  const cuts: number[] = [];
  const mode = r.int(0, 4);
  if (mode === 1) for (let i = 1; i < n; i++) cuts.push(i);
  else if (mode === 2 || mode === 3) {
    const most = mode === 2 ? 7 : Math.max(1, n);
    for (let i = r.int(1, most); i < n; i += r.int(1, most)) cuts.push(i);
  } else if (mode === 4) {
    // where a split is most likely to go wrong: after a CR, inside a character, between two quotes
    for (let i = 1; i < n; i++) {
      const tricky = bytes[i - 1] === CR || (bytes[i]! & 0xc0) === 0x80 || bytes[i - 1] === QUOTE;
      if (tricky && r.chance(0.7)) cuts.push(i);
    }
  }
  return cuts;
}

// ---- the oracle: csv-parse ----

const BAD_QUOTE = 'read/bad-quote';
const UNCLOSED = 'read/unclosed-quote';
/** csv-parse's error codes and the scanner's diagnostic for the same input. */
const CODES: Record<string, string> = {
  INVALID_OPENING_QUOTE: BAD_QUOTE, // a quote inside an unquoted cell
  CSV_INVALID_CLOSING_QUOTE: BAD_QUOTE, // text right after a closing quote
  CSV_QUOTE_NOT_CLOSED: UNCLOSED,
};

interface OracleRecord {
  cells: string[];
  /** Bytes of the record, without its line break. */
  start: number;
  end: number;
  /** csv-parse's info.lines when it emitted the record. */
  lines: number;
}

interface Outcome {
  records: OracleRecord[];
  /** The scanner's code for csv-parse's error, or null. */
  error: string | null;
  detail?: string;
}

function csvParse(bytes: Buffer, delimiter: Delimiter): Outcome {
  const records: OracleRecord[] = [];
  let prevEnd = 0;
  try {
    parse(bytes, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
      // The records before an error are wanted too, so they are taken as they are emitted;
      // the context is the info object that `info: true` would attach to the record.
      on_record: (rec: unknown, info) => {
        // info.bytes is the offset just after the record's line break (or the end of the data);
        // a record never starts or ends with a CR or LF (that would be a blank line / a break)
        let start = prevEnd;
        while (bytes[start] === LF || bytes[start] === CR) start++;
        let end = info.bytes;
        if (bytes[end - 1] === LF) end--;
        if (bytes[end - 1] === CR) end--;
        prevEnd = info.bytes;
        records.push({ cells: rec as string[], start, end, lines: info.lines });
        return rec as string[];
      },
    });
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    const code = CODES[e.code];
    if (!code) throw new Error(`csv-parse error not mapped to a scanner diagnostic: ${e.code} ${e.message}`);
    return { records, error: code, detail: `${e.code}: ${e.message}` };
  }
  return { records, error: null };
}

/** csv-parse's error code on bytes[0, k), or null. */
function errorOfPrefix(bytes: Buffer, k: number, delimiter: Delimiter): string | null {
  try {
    parse(bytes.subarray(0, k), {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: true,
    });
    return null;
  } catch (e) {
    if (e instanceof CsvError) return e.code;
    throw e;
  }
}

/**
 * Byte offset of the quote csv-parse objects to: the shortest prefix it
 * rejects as a bad quote ends with the quote (opening) or the byte after it
 * (closing). A prefix of a text that fails there parses the same up to its end.
 */
function badQuoteOffset(bytes: Buffer, delimiter: Delimiter): number {
  const bad = (k: number): boolean => {
    const c = errorOfPrefix(bytes, k, delimiter);
    return c !== null && CODES[c] === BAD_QUOTE;
  };
  let lo = 0;
  let hi = bytes.length; // bad(hi)
  while (lo + 1 < hi) {
    const mid = (lo + hi) >> 1;
    if (bad(mid)) hi = mid;
    else lo = mid;
  }
  const code = errorOfPrefix(bytes, hi, delimiter);
  return code === 'INVALID_OPENING_QUOTE' ? hi - 1 : hi - 2;
}

/** Whether the quote at `q` opens a quoted cell (by csv-parse) that is never closed. */
function opensUnclosed(bytes: Buffer, q: number, delimiter: Delimiter): boolean {
  if (bytes[q] !== QUOTE) return false;
  if (errorOfPrefix(bytes, q, delimiter) !== null) return false; // not inside a quoted cell before it
  if (errorOfPrefix(bytes, q + 1, delimiter) !== 'CSV_QUOTE_NOT_CLOSED') return false; // it opens one
  // and every later quote is half of a doubled one
  return !bytes
    .subarray(q + 1)
    .toString('latin1')
    .replaceAll('""', '')
    .includes('"');
}

// ---- independent line and column counts ----

/** Byte offsets where each physical line starts (LF, CRLF and a lone CR end a line). */
function lineStarts(bytes: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === LF || (b === CR && bytes[i + 1] !== LF)) starts.push(i + 1);
  }
  return starts;
}

/** 1-based line of a byte offset. */
function lineOf(starts: number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** [line, column] of a byte offset, the column in code points. */
function positionOf(bytes: Buffer, starts: number[], at: number): [number, number] {
  const line = lineOf(starts, at);
  let column = 1;
  for (let i = starts[line - 1]!; i < at; i++) if ((bytes[i]! & 0xc0) !== 0x80) column++;
  return [line, column];
}

/** Byte offset of a [line, column] position, or -1 past the line. */
function offsetOf(bytes: Buffer, starts: number[], line: number, column: number): number {
  let i = starts[line - 1];
  if (i === undefined) return -1;
  for (let c = 1; c < column; c++) {
    if (i >= bytes.length) return -1;
    i++;
    while (i < bytes.length && (bytes[i]! & 0xc0) === 0x80) i++;
  }
  return i;
}

// ---- the scanner ----

interface ScannedRecord {
  cells: string[];
  line: number;
  raw: string;
  positions: number[];
}

async function scanner(
  bytes: Buffer,
  delimiter: Delimiter,
  cuts: readonly number[],
  batchRows?: number,
): Promise<{ records: ScannedRecord[]; diagnostics: Diagnostic[]; batches: number; maxRows: number }> {
  async function* chunks(): AsyncGenerator<Buffer> {
    let a = 0;
    for (const c of [...cuts, bytes.length]) {
      if (c > a) yield bytes.subarray(a, c);
      a = c;
    }
  }
  const sink = { diagnostics: [] as Diagnostic[] };
  const records: ScannedRecord[] = [];
  let batches = 0;
  let maxRows = 0;
  // a batch is reused: read each one before asking for the next
  const opts = { file: 'diff.csv', delimiter, maxRecordBytes: 1 << 30, ...(batchRows ? { batchRows } : {}) };
  for await (const b of scanCsv(chunks(), opts, sink)) {
    batches++;
    maxRows = Math.max(maxRows, b.rows);
    for (let r = 0; r < b.rows; r++) {
      const cells: string[] = [];
      const first = b.rowCell[r]!;
      for (let c = first; c < first + b.rowCells[r]!; c++) cells.push(cellText(b, c, b.rowQuoted[r] === 1));
      records.push({
        cells,
        line: b.rowLine[r]!,
        raw: b.buf.toString('utf8', b.rowStart[r]!, b.rowEnd[r]!),
        positions: cellPositions(b, r),
      });
    }
  }
  return { records, diagnostics: sink.diagnostics, batches, maxRows };
}

// ---- one case ----

/** The differences found between the scanner and csv-parse on one input (none when they agree). */
async function compare(
  bytes: Buffer,
  delimiter: Delimiter,
  cuts: readonly number[],
  batchRows?: number,
): Promise<{ problems: string[]; expected: Outcome; got?: Awaited<ReturnType<typeof scanner>> }> {
  const problems: string[] = [];
  const expected = csvParse(bytes, delimiter);
  let got: Awaited<ReturnType<typeof scanner>>;
  try {
    got = await scanner(bytes, delimiter, cuts, batchRows);
  } catch (e) {
    return { problems: [`the scanner threw: ${(e as Error).stack}`], expected };
  }
  const starts = lineStarts(bytes);
  const gotCells = JSON.stringify(got.records.map((r) => r.cells));
  const wantCells = JSON.stringify(expected.records.map((r) => r.cells));
  if (gotCells !== wantCells) problems.push(`records: scanner ${gotCells}\n          csv-parse ${wantCells}`);

  const codes = got.diagnostics.map((d) => d.code);
  const wantCodes = expected.error ? [expected.error] : [];
  if (JSON.stringify(codes) !== JSON.stringify(wantCodes))
    problems.push(`diagnostics: scanner ${JSON.stringify(codes)}, csv-parse ${expected.detail ?? 'none'}`);
  else if (expected.error) {
    const d = got.diagnostics[0]!;
    const at = offsetOf(bytes, starts, d.line ?? 0, d.column ?? 0);
    if (expected.error === BAD_QUOTE) {
      const q = badQuoteOffset(bytes, delimiter);
      const want = positionOf(bytes, starts, q);
      if (at !== q)
        problems.push(`bad-quote at ${d.line}:${d.column}, csv-parse's offending quote at ${want.join(':')}`);
    } else if (!opensUnclosed(bytes, at, delimiter)) {
      problems.push(`unclosed-quote at ${d.line}:${d.column}, not a quote csv-parse leaves open`);
    }
  }

  const n = Math.min(got.records.length, expected.records.length);
  let quotedCrlfs = 0;
  for (let i = 0; i < n; i++) {
    const g = got.records[i]!;
    const w = expected.records[i]!;
    const line = lineOf(starts, w.start);
    if (g.line !== line) problems.push(`record ${i}: rowLine ${g.line}, starts on line ${line}`);
    const raw = bytes.toString('utf8', w.start, w.end);
    if (g.raw !== raw)
      problems.push(`record ${i}: bytes ${JSON.stringify(g.raw)}, csv-parse's ${JSON.stringify(raw)}`);
    // csv-parse's info.lines is the line where the record ends, counted its way: a CRLF inside
    // quotes counts as two lines there (its CR and its LF), a CRLF between records as one; so
    // it runs ahead of the physical line by the quoted CRLFs so far.
    for (let k = w.start; k + 1 < w.end; k++) if (bytes[k] === CR && bytes[k + 1] === LF) quotedCrlfs++;
    const endLine = lineOf(starts, w.end) + quotedCrlfs;
    if (w.lines !== endLine) problems.push(`record ${i}: info.lines ${w.lines}, expected ${endLine}`);
    // each cell position points at the cell's text: unquoted, or quoted with "" doubled
    for (let c = 0; c < g.cells.length; c++) {
      const text = Buffer.from(g.cells[c]!);
      const quoted = Buffer.from(g.cells[c]!.replaceAll('"', '""'));
      const p = offsetOf(bytes, starts, g.positions[2 * c]!, g.positions[2 * c + 1]!);
      const next = bytes[p + text.length];
      const plain =
        p >= 0 &&
        bytes.subarray(p, p + text.length).equals(text) &&
        (next === undefined || next === delimiter.charCodeAt(0) || next === LF || next === CR);
      const inQuotes =
        p > 0 &&
        bytes[p - 1] === QUOTE &&
        bytes.subarray(p, p + quoted.length).equals(quoted) &&
        bytes[p + quoted.length] === QUOTE;
      if (!plain && !inQuotes)
        problems.push(`record ${i} cell ${c}: position ${g.positions[2 * c]}:${g.positions[2 * c + 1]}`);
    }
  }
  return { problems, expected, got };
}

function report(
  label: string,
  bytes: Buffer,
  delimiter: Delimiter,
  cuts: readonly number[],
  problems: string[],
) {
  return [
    label,
    `delimiter ${JSON.stringify(delimiter)}, text ${JSON.stringify(bytes.toString('utf8'))}`,
    `chunk cuts ${JSON.stringify(cuts)}`,
    ...problems,
  ].join('\n');
}

describe('csv-scan against csv-parse (differential)', () => {
  it(`agrees on ${ONLY === undefined ? CASES : 1} random texts in random chunks (seed ${SEED})`, async () => {
    const seen = {
      tsv: 0,
      valid: 0,
      badQuote: 0,
      unclosed: 0,
      crlfCut: 0,
      charCut: 0,
      quotesCut: 0,
      bytes: 0,
    };
    const failures: string[] = [];
    for (let i = ONLY ?? 0; i < (ONLY === undefined ? CASES : ONLY + 1); i++) {
      const r = new Rand(caseSeed(SEED, i));
      const delimiter: Delimiter = r.chance(0.3) ? '\t' : ',';
      const bytes = Buffer.from(genText(r, delimiter));
      const cuts = genCuts(r, bytes);
      // a third of the cases in batches of a few records (the header peek reads a batch of 2)
      const batchRows = r.chance(1 / 3) ? r.int(1, 4) : undefined;
      const { problems, expected } = await compare(bytes, delimiter, cuts, batchRows);
      if (problems.length) {
        failures.push(
          report(
            `case ${i}: reproduce with CSV_DIFF_SEED=${SEED} CSV_DIFF_CASE=${i}`,
            bytes,
            delimiter,
            cuts,
            batchRows ? [...problems, `batches of ${batchRows} records`] : problems,
          ),
        );
        if (failures.length >= 5) break;
      }
      const outcome = expected.error;
      if (delimiter === '\t') seen.tsv++;
      if (outcome === null) seen.valid++;
      else if (outcome === BAD_QUOTE) seen.badQuote++;
      else seen.unclosed++;
      seen.bytes += bytes.length;
      for (const c of cuts) {
        if (bytes[c - 1] === CR && bytes[c] === LF) seen.crlfCut++;
        if ((bytes[c]! & 0xc0) === 0x80) seen.charCut++;
        if (bytes[c - 1] === QUOTE && bytes[c] === QUOTE) seen.quotesCut++;
      }
    }
    if (process.env.CSV_DIFF_STATS) console.log(seen);
    expect(failures.join('\n\n')).toBe('');
    if (ONLY !== undefined) return;
    // the generator reaches what it is meant to stress
    expect(seen.tsv).toBeGreaterThan(CASES * 0.2);
    expect(seen.valid).toBeGreaterThan(CASES * 0.6);
    expect(seen.badQuote).toBeGreaterThan(CASES * 0.05);
    expect(seen.unclosed).toBeGreaterThan(CASES * 0.02);
    expect(seen.crlfCut).toBeGreaterThan(100);
    expect(seen.charCut).toBeGreaterThan(100);
    expect(seen.quotesCut).toBeGreaterThan(100);
  });

  // Inputs worth keeping in view (blank lines only, CRLF inside quotes, a lone CR at the end,
  // doubled quotes at the end, spaces around quotes, …), through the same comparison, whole
  // and byte by byte.
  const known: [string, Delimiter][] = [
    ['', ','],
    ['\r\n\n\r', ','],
    ['a,b\r\n"x\r\ny",2\r\nc,d', ','],
    ['a,b\r1,\r2,3', ','],
    ['a,\n', ','],
    ['"",\n""', ','],
    [',,\n,', ','],
    ['"a""b",c', ','],
    ['"a"""', ','],
    ['"a""', ','],
    ['\r\n"\r\r\n"\r\nz', ','],
    ['双师型,"👩‍🏫\n，"\r\nＡＢＣ１２３', ','],
    ['a\t"b,c"\t\n1\t2\t3\n', '\t'],
    ['a, "b"', ','],
    ['a,"b" ,c', ','],
    ['a,b"c', ','],
    ['"a"b', ','],
    ['x\n"abc', ','],
    ['x\r', ','],
    ['"x"\r', ','],
    ['x\r\r\n\ry', ','],
  ];
  it.each(known)('agrees on %j (delimiter %j)', async (text, delimiter) => {
    const bytes = Buffer.from(text);
    const every = Array.from({ length: Math.max(0, bytes.length - 1) }, (_, i) => i + 1);
    for (const cuts of [[], every]) {
      const { problems } = await compare(bytes, delimiter, cuts);
      expect(problems.length ? report('', bytes, delimiter, cuts, problems) : '').toBe('');
    }
  });

  it('agrees on long texts: many records per batch (its arrays grow) and many chunks', async () => {
    for (let i = 0; i < 4; i++) {
      const r = new Rand(caseSeed(SEED ^ 0x1000, i));
      const delimiter: Delimiter = i % 2 ? '\t' : ',';
      const bytes = Buffer.from(genText(r, delimiter, { records: 3000 }));
      // whole, in two halves, or in chunks of up to 4 KiB
      const cuts = i === 0 ? [] : i === 1 ? [bytes.length >> 1] : [];
      if (i > 1) for (let c = r.int(1, 4096); c < bytes.length; c += r.int(1, 4096)) cuts.push(c);
      const { problems, expected, got } = await compare(bytes, delimiter, cuts);
      expect(problems.length ? report(`long text ${i}`, bytes, delimiter, cuts, problems) : '').toBe('');
      expect(expected.error).toBe(null);
      expect(expected.records.length).toBeGreaterThan(2000);
      if (i < 2) expect(got?.maxRows).toBeGreaterThan(1024);
      else expect(got?.batches).toBeGreaterThan(10);
    }
  });

  it('agrees on a long text read in batches of at most 100 records', async () => {
    const r = new Rand(caseSeed(SEED ^ 0x2000, 0));
    const bytes = Buffer.from(genText(r, ',', { records: 3000 }));
    const cuts: number[] = [];
    for (let c = r.int(1, 65536); c < bytes.length; c += r.int(1, 65536)) cuts.push(c);
    const { problems, expected, got } = await compare(bytes, ',', cuts, 100);
    expect(problems.length ? report('batches of 100', bytes, ',', cuts, problems) : '').toBe('');
    expect(expected.records.length).toBeGreaterThan(2000);
    expect(got?.maxRows).toBe(100);
    expect(got?.batches).toBeGreaterThan(20);
  });
});
