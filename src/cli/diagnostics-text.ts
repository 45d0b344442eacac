import { renderMessage, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import { visible } from '../util/visible.js';

/** Diagnostics as compiler-style lines: `file:line:col severity code message`, sorted. */
export function renderDiagnosticsText(ds: readonly Diagnostic[], lang: Lang): string {
  return sortDiagnostics([...ds])
    .map((d) => {
      const where = d.file
        ? `${visible(d.file)}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''} `
        : '';
      return `${where}${d.severity} ${d.code} ${renderMessage(d, lang)}\n`;
    })
    .join('');
}
