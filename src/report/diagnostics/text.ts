import { Chalk } from 'chalk';
import { renderMessage } from '../../diagnostics/diagnostic.js';
import type { Diagnostic, Lang } from '../../diagnostics/types.js';
import { visible } from '../../util/visible.js';
import type { FormatOptions, ValidateFormatter, ValidateResult } from './types.js';

/** `file:line:column` of a diagnostic (the parts it has). */
export function location(d: Diagnostic): string {
  if (d.file === undefined) return '';
  let s = visible(d.file);
  if (d.line !== undefined) s += `:${d.line}`;
  if (d.line !== undefined && d.column !== undefined) s += `:${d.column}`;
  return s;
}

/** The one-line summary: files, rows read/accepted/rejected, errors, warnings. */
export function summaryLine(r: ValidateResult, lang: Lang): string {
  const files = r.files.length;
  if (lang === 'zh')
    return `${files} 个文件，读取 ${r.rowsRead} 行，采用 ${r.rowsAccepted} 行，拒绝 ${r.rowsRejected} 行；${r.errors} 个错误，${r.warnings} 个警告`;
  const s = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${s(files, 'file')}, ${s(r.rowsRead, 'row')} read, ${r.rowsAccepted} accepted, ${r.rowsRejected} rejected; ${s(r.errors, 'error')}, ${s(r.warnings, 'warning')}`;
}

/** Compiler-style lines: `data.csv:17:7 error data/constraint …`, then the summary. */
export const formatText: ValidateFormatter = (r: ValidateResult, o: FormatOptions) => {
  const c = new Chalk({ level: o.colour ? 1 : 0 });
  const sev = { error: c.red('error'), warning: c.yellow('warning'), info: c.cyan('info') };
  const lines = r.diagnostics.map((d) => {
    const loc = location(d);
    return `${loc ? `${c.bold(loc)} ` : ''}${sev[d.severity]} ${c.dim(d.code)} ${renderMessage(d, o.lang)}`;
  });
  lines.push(summaryLine(r, o.lang));
  return `${lines.join('\n')}\n`;
};
