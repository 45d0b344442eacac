import type { DiagnosticDef } from './types.js';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * The diagnostic catalogue as a Markdown table (code, severity, title en/zh,
 * message template), sorted by code: the README's list of codes is generated from it.
 */
export function renderCodesTable(catalogue: Record<string, DiagnosticDef>): string {
  const rows = Object.keys(catalogue)
    .sort()
    .map((code) => {
      const d = catalogue[code]!;
      return `| \`${code}\` | ${d.severity} | ${cell(d.title.en)} / ${cell(d.title.zh)} | ${cell(d.message.en)} |`;
    });
  return `${['| code | severity | title | message |', '| --- | --- | --- | --- |', ...rows].join('\n')}\n`;
}
