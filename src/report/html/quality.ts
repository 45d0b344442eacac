import { countBySeverity, renderMessage, sortDiagnostics } from '../../diagnostics/diagnostic.js';
import type { Diagnostic, Lang } from '../../diagnostics/types.js';
import type { ReportModel } from '../types.js';
import { escapeHtml as e } from './escape.js';
import { t } from './labels.js';

function where(d: Diagnostic): string {
  if (!d.file) return '';
  return `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''}`;
}

function inputsTable(model: ReportModel, lang: Lang): string {
  const rows = model.inputs.map(
    (i) =>
      `<tr><th scope="row">${e(i.path)}</th><td>${e(i.encoding)}</td><td class="num">${i.rowsRead}</td>` +
      `<td class="num">${i.rowsAccepted}</td><td class="num">${i.rowsRejected}</td></tr>`,
  );
  const head = [
    t('file', lang),
    t('encoding', lang),
    t('rowsRead', lang),
    t('rowsAccepted', lang),
    t('rowsRejected', lang),
  ];
  return (
    `<table class="inputs"><thead><tr>${head.map((h, i) => `<th scope="col"${i > 1 ? ' class="num"' : ''}>${e(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function diagnosticsTable(ds: Diagnostic[], lang: Lang): string {
  if (ds.length === 0) return `<p class="none">${e(t('noDiagnostics', lang))}</p>`;
  const c = countBySeverity(ds);
  const counts = t('severities', lang).replace(/\{(\w+)\}/g, (_, k: 'error' | 'warning' | 'info') =>
    String(c[k]),
  );
  const rows = sortDiagnostics(ds).map(
    (d) =>
      `<tr><td>${e(where(d))}</td><td>${e(t(d.severity, lang))}</td><td><code>${e(d.code)}</code></td>` +
      `<td>${e(renderMessage(d, lang))}</td></tr>`,
  );
  const head = [t('where', lang), t('severity', lang), t('code', lang), t('message', lang)];
  return (
    `<p>${e(counts)}</p><table class="diagnostics"><thead><tr>${head.map((h) => `<th scope="col">${e(h)}</th>`).join('')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** The data-quality section: each input's rows read, accepted and rejected, then the validation messages. */
export function qualitySection(model: ReportModel, lang: Lang): string {
  return [
    '<section class="quality" id="quality">',
    `<h2>${e(t('quality', lang))}</h2>`,
    `<h3>${e(t('inputs', lang))}</h3>`,
    inputsTable(model, lang),
    `<h3>${e(t('diagnostics', lang))}</h3>`,
    diagnosticsTable(model.diagnostics, lang),
    '</section>',
  ].join('\n');
}
