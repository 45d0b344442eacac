import { renderMessage, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import { location } from '../report/diagnostics/text.js';

/** Diagnostics as compiler-style lines, `file:line:col severity code message`, sorted (no summary). */
export function renderDiagnosticsText(ds: readonly Diagnostic[], lang: Lang): string {
  return sortDiagnostics([...ds])
    .map((d) => {
      const where = location(d);
      return `${where ? `${where} ` : ''}${d.severity} ${d.code} ${renderMessage(d, lang)}\n`;
    })
    .join('');
}
