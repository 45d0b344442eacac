/** Severity of a diagnostic; `error` stops a report, `warning` does not. */
export type Severity = 'error' | 'warning' | 'info';

/** A language the tool speaks. */
export type Lang = 'zh' | 'en';

/** Text in both languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** A catalogue entry: the fixed part of a diagnostic, defined once. */
export interface DiagnosticDef {
  severity: Severity;
  /** Short fixed title, for the README table and JUnit names. */
  title: Bilingual;
  /** Message template; `{name}` placeholders are filled from `params`. */
  message: Bilingual;
}

/** Parameters that fill a message template. */
export type Params = Record<string, string | number | bigint | boolean | null | undefined>;

/**
 * One problem found in a plan or a submission. Diagnostics are data: every
 * reporter renders them. Positions are 1-based and physical (decoded text).
 */
export interface Diagnostic {
  code: string;
  severity: Severity;
  params: Params;
  file?: string;
  line?: number;
  column?: number;
  /** Canonical field id (or plan path) the problem concerns. */
  field?: string;
  /** The raw offending value, as read. */
  value?: string;
}
