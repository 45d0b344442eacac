// CSV/TSV records through csv-parse (streaming), with physical positions
// from csv-positions.ts over the same bytes.
import { once } from 'node:events';
import { CsvError, parse } from 'csv-parse';
import { diag } from '../../diagnostics/diagnostic.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { ReadStop } from '../decode.js';
import type { Cell, HeaderCell, SourceRecord } from '../source.js';
import { type RecordScan, scanRecord } from './csv-positions.js';

/** Options of `readCsv`. */
export interface CsvReadOptions {
  file: string;
  delimiter: ',' | '\t';
  maxRecordBytes: number;
}

/** Where `readCsv` reports the header and file-level problems. */
export interface CsvSink {
  header: HeaderCell[] | null;
  diagnostics: Diagnostic[];
}

/** Decoded bytes fed to the parser and not yet matched to an emitted record (from `at` on). */
class ByteWindow {
  buf: Buffer = Buffer.alloc(0);
  /** Offset in buf of the first byte not yet matched to a record. */
  at = 0;
  push(chunk: Buffer): void {
    const rest = this.buf.subarray(this.at);
    this.buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    this.at = 0;
  }
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
  const delim = opts.delimiter.charCodeAt(0);
  const parser = parse({
    delimiter: opts.delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
    relax_column_count: true,
    max_record_size: opts.maxRecordBytes,
  });
  const win = new ByteWindow();
  const abort = new AbortController();
  let feedError: unknown = null;
  const feeding = (async () => {
    try {
      for await (const chunk of chunks) {
        if (parser.destroyed) break;
        win.push(chunk);
        if (!parser.write(chunk)) await once(parser, 'drain', { signal: abort.signal });
      }
    } catch (e) {
      // Errors of the parser itself surface in the consumer loop below.
      if (!parser.destroyed && !abort.signal.aborted) feedError = e;
    }
    // After a decode error the parser still flushes the complete records before it.
    if (!parser.destroyed) parser.end();
  })();

  let line = 1;
  let column = 1;
  let header: HeaderCell[] | null = null;
  let parseError: unknown = null;
  let mismatch: { line: number; column: number } | null = null;
  try {
    // Each record's bytes are located by scanRecord, which follows the parser's quoting rules;
    // the cell counts must agree, or positions would drift.
    for await (const record of parser as AsyncIterable<string[]>) {
      const scan = scanRecord(win.buf, win.at, win.buf.length, line, column, delim);
      if (feedError && !scan.terminated) break; // cut short by the decode error
      if (scan.cells.length !== 2 * record.length) {
        mismatch = { line: scan.recordLine, column: scan.recordColumn };
        break;
      }
      line = scan.line;
      column = scan.column;
      win.at = scan.end;
      if (!header) {
        header = record.map((text, index) => ({
          text,
          index,
          line: scan.cells[2 * index]!,
          column: scan.cells[2 * index + 1]!,
        }));
        sink.header = header;
        continue;
      }
      yield toRecord(record, scan, header);
    }
  } catch (e) {
    parseError = e;
  } finally {
    abort.abort();
    await feeding;
  }
  if (mismatch) {
    const detail = 'the cell positions could not be matched to the parsed record';
    sink.diagnostics.push(diag('read/csv-syntax', { detail }, { file: opts.file, ...mismatch }));
    return;
  }
  if (feedError) {
    if (!(feedError instanceof ReadStop)) throw feedError;
    // The parser met a real problem before the bad bytes; an unclosed quote is only the data being cut short.
    const earlier = parseError instanceof CsvError && parseError.code !== 'CSV_QUOTE_NOT_CLOSED';
    if (!earlier) {
      sink.diagnostics.push(feedError.diagnostic);
      return;
    }
  }
  if (parseError) {
    if (!(parseError instanceof CsvError)) throw parseError;
    sink.diagnostics.push(explain(parseError, win, line, column, delim, opts));
  }
}

function toRecord(record: string[], scan: RecordScan, header: HeaderCell[]): SourceRecord {
  const pos = scan.cells;
  const cells: Cell[] = record.map((raw, index) => {
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
  const rec: SourceRecord = { line: scan.recordLine, column: scan.recordColumn, cells };
  if (record.length !== header.length) rec.ragged = { expected: header.length, actual: record.length };
  return rec;
}

/** Turn a csv-parse error into a diagnostic at the place the problem starts. */
function explain(
  e: CsvError,
  win: ByteWindow,
  line: number,
  column: number,
  delim: number,
  opts: CsvReadOptions,
): Diagnostic {
  const where = (l: number, c: number) => ({ file: opts.file, line: l, column: c });
  // Scan the records the parser had not handed over yet, up to the first anomaly.
  let at = win.at;
  let l = line;
  let c = column;
  let last: RecordScan | null = null;
  while (at < win.buf.length) {
    const s = scanRecord(win.buf, at, win.buf.length, l, c, delim);
    last = s;
    if (s.badQuote && (e.code === 'CSV_INVALID_CLOSING_QUOTE' || e.code === 'INVALID_OPENING_QUOTE')) {
      return diag('read/bad-quote', {}, where(s.badQuote.line, s.badQuote.column));
    }
    const size = s.end - at;
    if (e.code === 'CSV_MAX_RECORD_SIZE' && (size > opts.maxRecordBytes || !s.terminated)) {
      if (s.openQuote) {
        return diag(
          'read/quote-too-long',
          { limit: opts.maxRecordBytes },
          where(s.openQuote.line, s.openQuote.column),
        );
      }
      return diag(
        'read/record-too-large',
        { limit: opts.maxRecordBytes },
        where(s.recordLine, s.recordColumn),
      );
    }
    if (s.openQuote && e.code === 'CSV_QUOTE_NOT_CLOSED') {
      return diag('read/unclosed-quote', {}, where(s.openQuote.line, s.openQuote.column));
    }
    if (!s.terminated || s.end === at) break;
    at = s.end;
    l = s.line;
    c = s.column;
  }
  const l0 = last ? last.recordLine : line;
  const c0 = last ? last.recordColumn : column;
  return diag('read/csv-syntax', { detail: e.message }, where(l0, c0));
}
