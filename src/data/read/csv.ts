// CSV/TSV records from csv-scan.ts's batches, with each cell's physical
// position (line breaks inside quotes counted, columns in code points).
import type { Diagnostic } from '../../diagnostics/types.js';
import type { Cell, HeaderCell, SourceRecord } from '../source.js';
import { type CsvBatch, type CsvScanOptions, cellText, scanCsv } from './csv-scan.js';

/** Options of `readCsv`. */
export type CsvReadOptions = CsvScanOptions;

/** Where `readCsv` reports the header and file-level problems. */
export interface CsvSink {
  header: HeaderCell[] | null;
  diagnostics: Diagnostic[];
}

/** Choose the delimiter from the first line: a tab when it has more tabs than commas. */
export function sniffDelimiter(head: Buffer): ',' | '\t' {
  let end = head.indexOf(10);
  if (end === -1) end = head.length;
  let tabs = 0;
  let commas = 0;
  for (let i = 0; i < end; i++) {
    if (head[i] === 9) tabs++;
    else if (head[i] === 44) commas++;
  }
  return tabs > commas ? '\t' : ',';
}

/**
 * [line, column, line, column, …] of each cell of record `r` of a batch: the
 * start of its text (inside the quotes of a quoted cell), counted from the
 * record's start; a line break inside quotes (LF, CRLF or CR) moves the cells
 * after it to the next line. Columns count code points.
 */
export function cellPositions(b: CsvBatch, r: number): number[] {
  const buf = b.buf;
  const first = b.rowCell[r]!;
  const count = b.rowCells[r]!;
  const out: number[] = [];
  let at = b.rowStart[r]!;
  let line = b.rowLine[r]!;
  let column = 1;
  for (let c = first; c < first + count; c++) {
    const s = b.cellStart[c]!;
    for (; at < s; at++) {
      const x = buf[at]!;
      if (x === 10 || (x === 13 && buf[at + 1] !== 10)) {
        line++;
        column = 1;
      } else if (x !== 13 && (x & 0xc0) !== 0x80) column++;
    }
    out.push(line, column);
  }
  return out;
}

/** The texts of the cells of record `r`. */
export function rowTexts(b: CsvBatch, r: number): string[] {
  const first = b.rowCell[r]!;
  const count = b.rowCells[r]!;
  const quoted = b.rowQuoted[r] === 1;
  const out: string[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = cellText(b, first + i, quoted);
  return out;
}

/** The header cells of the first record of a batch. */
export function headerOf(b: CsvBatch): HeaderCell[] {
  const texts = rowTexts(b, 0);
  const pos = cellPositions(b, 0);
  return texts.map((text, index) => ({ text, index, line: pos[2 * index]!, column: pos[2 * index + 1]! }));
}

/** Record `r` of a batch as a SourceRecord, its cells keyed by the header. */
export function toRecord(b: CsvBatch, r: number, header: readonly HeaderCell[]): SourceRecord {
  const texts = rowTexts(b, r);
  const pos = cellPositions(b, r);
  const cells: Cell[] = texts.map((raw, index) => {
    const l = pos[2 * index]!;
    const c = pos[2 * index + 1]!;
    const h = header[index];
    return {
      key: h ? h.text : '',
      keyLine: h ? h.line : l,
      keyColumn: h ? h.column : c,
      raw,
      kind: 'text',
      line: l,
      column: c,
    };
  });
  const rec: SourceRecord = { line: b.rowLine[r]!, column: 1, cells };
  if (texts.length !== header.length) rec.ragged = { expected: header.length, actual: texts.length };
  return rec;
}

/**
 * Stream the records of a CSV/TSV file from validated UTF-8 chunks. The first
 * record is the header (stored in `sink.header`); the rest are yielded with
 * each cell's physical position. Stops at the first file-level problem, which
 * goes to `sink.diagnostics`.
 */
export async function* readCsv(
  chunks: AsyncIterable<Buffer>,
  opts: CsvReadOptions,
  sink: CsvSink,
): AsyncGenerator<SourceRecord> {
  let header: HeaderCell[] | null = null;
  for await (const b of scanCsv(chunks, opts, sink)) {
    let r = 0;
    if (!header) {
      header = headerOf(b);
      sink.header = header;
      r = 1;
    }
    for (; r < b.rows; r++) yield toRecord(b, r, header);
  }
}

/**
 * Stream a CSV/TSV file as batches, the header record taken off into
 * `sink.header` (a batch's `first` is the index of its first data record).
 */
export function readCsvBatches(
  chunks: AsyncIterable<Buffer>,
  opts: CsvReadOptions,
  sink: CsvSink,
): AsyncGenerator<{ batch: CsvBatch; first: number }> {
  return withHeader(scanCsv(chunks, opts, sink), sink);
}

/** Batches with the header record taken off into `sink.header` (from this thread's scan or another's). */
export async function* withHeader(
  batches: AsyncIterable<CsvBatch>,
  sink: Pick<CsvSink, 'header'>,
): AsyncGenerator<{ batch: CsvBatch; first: number }> {
  let header = false;
  for await (const b of batches) {
    let first = 0;
    if (!header) {
      sink.header = headerOf(b);
      header = true;
      first = 1;
    }
    if (first < b.rows) yield { batch: b, first };
  }
}
