import type { InputFile, Submission } from '../../data/types.js';
import { countBySeverity } from '../../diagnostics/diagnostic.js';
import type { Diagnostic, Lang } from '../../diagnostics/types.js';

/** What `validate` reports: the files read, row counts and the listed diagnostics. */
export interface ValidateResult {
  files: InputFile[];
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  /** Listed diagnostics, sorted by file, line, column. */
  diagnostics: Diagnostic[];
  /** Totals, including errors not listed because of --max-errors. */
  errors: number;
  warnings: number;
  /** Errors counted but not listed (--max-errors). */
  omittedErrors: number;
}

/** Options every validate formatter takes. */
export interface FormatOptions {
  lang: Lang;
  colour: boolean;
}

/** A validate output format: (result, options) => text. */
export type ValidateFormatter = (result: ValidateResult, options: FormatOptions) => string;

/** Summarise a submission for the formatters. */
export function toValidateResult(sub: Submission): ValidateResult {
  const omitted = sub.diagnostics
    .filter((d) => d.code === 'data/too-many-errors')
    .reduce((n, d) => n + Number(d.params['more'] ?? 0), 0);
  const c = countBySeverity(sub.diagnostics);
  const sum = (k: 'rowsRead' | 'rowsAccepted' | 'rowsRejected') => sub.files.reduce((n, f) => n + f[k], 0);
  return {
    files: sub.files,
    rowsRead: sum('rowsRead'),
    rowsAccepted: sum('rowsAccepted'),
    rowsRejected: sum('rowsRejected'),
    diagnostics: sub.diagnostics,
    errors: c.error + omitted,
    warnings: c.warning,
    omittedErrors: omitted,
  };
}
