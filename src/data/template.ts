// An empty submission with the canonical headers, for `vet-check template`.
import type { Lang } from '../diagnostics/types.js';
import type { Dictionary } from '../plan/types.js';
import { indicatorColumns } from './headers.js';

/** Options of `templateCsv`. */
export interface TemplateOptions {
  /** zh: Chinese labels; en: canonical ids. */
  lang: Lang;
  /** Include the 季度 / quarter column. */
  quarterly?: boolean;
  /** The region-level indicator file (long format) instead of the institution file. */
  indicators?: boolean;
}

/** The header names of a template, in order. */
export function templateHeaders(dict: Dictionary, opts: TemplateOptions): string[] {
  const targets = opts.indicators
    ? indicatorColumns(dict)
    : dict.fields.filter((f) => opts.quarterly || f.type !== 'quarter');
  return targets.map((t) => (opts.lang === 'zh' ? t.label.zh : t.id));
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** The template as CSV text: one header line, no BOM (the caller adds it for files). */
export function templateCsv(dict: Dictionary, opts: TemplateOptions): string {
  return `${templateHeaders(dict, opts).map(csvCell).join(',')}\r\n`;
}
