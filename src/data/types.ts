import type { Diagnostic } from '../diagnostics/types.js';
import type { Fraction } from '../util/fraction.js';

/** A parsed cell value: counts are bigint, ratios exact fractions. */
export type Value = bigint | boolean | Fraction | string;

/** One accepted institution row, in canonical fields. */
export interface InstitutionRow {
  file: string;
  line: number;
  institutionId: string;
  institutionName?: string;
  district?: string;
  level?: string;
  year: number;
  /** 1–4 on a quarterly row, null on an annual row. */
  quarter: number | null;
  /** Measure fields present in the submission (missing cells are absent, never 0). */
  values: Record<string, Value>;
  /** Set on a row counted from a record-level file: how many records its values came from. */
  records?: number;
}

/** One accepted row of a region-level indicator file (long format). */
export interface IndicatorRow {
  file: string;
  line: number;
  district: string;
  year: number;
  indicator: string;
  value: Fraction;
}

/** An input file as read. */
export interface InputFile {
  path: string;
  sha256: string;
  /** Encoding actually used: utf-8, utf-8-bom, gb18030, utf-16le, utf-16be. */
  encoding: string;
  /** `records`: a record-level file (teacher roster, graduate destinations); its id is `record`. */
  kind: 'institutions' | 'indicators' | 'records';
  record?: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

/** Everything read from a set of submission files. */
export interface Submission {
  files: InputFile[];
  rows: InstitutionRow[];
  indicators: IndicatorRow[];
  diagnostics: Diagnostic[];
}
