// CONTRACT between the readers (src/data/read/*, decode) and the row
// normaliser (headers, values, checks). The readers module implements
// `openSource`; keep these types stable.
import type { Diagnostic } from '../diagnostics/types.js';
import type { CsvBatch } from './read/csv-scan.js';

/** Input formats the readers understand. */
export type SourceFormat = 'csv' | 'tsv' | 'json' | 'jsonl' | 'xlsx';

/** One cell of a record, keyed by its column header (CSV/XLSX) or property name (JSON). */
export interface Cell {
  /** Header text or JSON key, exactly as read (not yet folded or mapped). */
  key: string;
  /** Physical position of the header cell / key (1-based). */
  keyLine: number;
  keyColumn: number;
  /**
   * The cell's text exactly as read: for CSV the unquoted content; for JSON
   * the string value, or the raw source text of a number/boolean token (so
   * `1e2` stays "1e2"); null for JSON null. An empty CSV cell is "".
   */
  raw: string | null;
  /** What the source said the cell was; CSV/XLSX cells are 'text' (XLSX numbers: 'number' with raw text). */
  kind: 'text' | 'number' | 'boolean' | 'null' | 'object';
  /** Physical 1-based line and column where the cell's content starts in the decoded text. */
  line: number;
  column: number;
}

/** One data record (a CSV line, a JSON object, an XLSX row). */
export interface SourceRecord {
  /** 1-based physical line where the record starts (XLSX: the sheet row number). */
  line: number;
  column: number;
  cells: Cell[];
  /** Set on CSV/XLSX rows whose cell count differs from the header's; such a row is rejected by the checks. */
  ragged?: { expected: number; actual: number };
}

/** The header row (CSV/XLSX); JSON sources have none (keys come with each record). */
export interface HeaderCell {
  text: string;
  index: number;
  line: number;
  column: number;
}

/** An input file opened for streaming. */
export interface OpenedSource {
  path: string;
  format: SourceFormat;
  /** Encoding used: 'utf-8', 'utf-8-bom', 'gb18030', 'utf-16le', 'utf-16be' (XLSX: 'xlsx'). */
  encoding: string;
  /** True when the encoding was detected (not forced with --encoding). */
  detected: boolean;
  header: HeaderCell[] | null;
  /**
   * The data records, in file order, streamed in bounded memory. File-level
   * problems found while reading (invalid bytes, an unclosed quote, a JSON
   * syntax error, a record over the size limit, an empty file) are pushed to
   * `diagnostics` with positions; reading then stops at that point, and
   * everything yielded before it stays valid.
   */
  records(): AsyncGenerator<SourceRecord>;
  /**
   * CSV/TSV only, instead of `records()` (one or the other, once): the data
   * records as batches of byte offsets (src/data/read/csv-scan.ts), for
   * callers that read cells straight from the bytes; the same diagnostics.
   */
  batches?(): AsyncGenerator<{ batch: CsvBatch; first: number }>;
  /** Filled while/after `records()` runs. */
  diagnostics: Diagnostic[];
  /** Bytes of the file read so far (CSV/TSV/JSON/JSONL), for a progress bar. */
  bytesRead?(): number;
  /** Size of the file in bytes, when known. */
  size?: number;
  /** SHA-256 of the file's bytes (hex); complete once `records()` has finished. */
  sha256(): string;
}

/** Options of `openSource`. */
export interface OpenOptions {
  /** Force an encoding (utf-8, utf-8-bom, gbk, gb18030, utf-16le, utf-16be). */
  encoding?: string;
  /** XLSX sheet name (default: first sheet). */
  sheet?: string;
  /** Force a format instead of deciding by extension / content. */
  format?: SourceFormat;
  /** Largest record in bytes before it is an error (default 1 MiB). */
  maxRecordBytes?: number;
}
