import { byCodeUnits } from '../util/order.js';
import { visible } from '../util/visible.js';
import { catalogue } from './catalogue.js';
import type { Diagnostic, Lang, Params } from './types.js';

/** Location and detail of a diagnostic, apart from its code and params. */
export interface Where {
  file?: string;
  line?: number;
  column?: number;
  field?: string;
  value?: string;
}

/** Build a diagnostic from a catalogue code; throws on an unknown code (a programming error). */
export function diag(code: string, params: Params = {}, where: Where = {}): Diagnostic {
  const def = catalogue[code];
  if (!def) throw new Error(`unknown diagnostic code ${code}`);
  const d: Diagnostic = { code, severity: def.severity, params };
  if (where.file !== undefined) d.file = where.file;
  if (where.line !== undefined) d.line = where.line;
  if (where.column !== undefined) d.column = where.column;
  if (where.field !== undefined) d.field = where.field;
  if (where.value !== undefined) d.value = where.value;
  return d;
}

/**
 * Render a diagnostic's message in a language. Parameter values are made
 * visible (control, bidi and zero-width characters escaped) because they may
 * echo untrusted input.
 */
export function renderMessage(d: Diagnostic, lang: Lang): string {
  const def = catalogue[d.code];
  const template = def ? def.message[lang] : d.code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = d.params[name];
    if (v === undefined || v === null) return whole;
    return visible(String(v));
  });
}

/** Sort diagnostics by file, line, column, then code (stable). */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      byCodeUnits(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      byCodeUnits(a.code, b.code),
  );
}

/** Count diagnostics by severity. */
export function countBySeverity(ds: readonly Diagnostic[]): { error: number; warning: number; info: number } {
  const c = { error: 0, warning: 0, info: 0 };
  for (const d of ds) c[d.severity]++;
  return c;
}
