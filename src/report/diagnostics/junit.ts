import { renderMessage } from '../../diagnostics/diagnostic.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { visible } from '../../util/visible.js';
import { location, summaryLine } from './text.js';
import type { ValidateFormatter } from './types.js';

// Characters XML 1.0 forbids: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escape text for an XML attribute or element, dropping characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return s
    .replace(FORBIDDEN, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** JUnit XML: one testcase per file; its errors are the failure, its warnings go to system-out. */
export const formatJunit: ValidateFormatter = (r, o) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const f of r.files) byFile.set(f.path, []);
  const other: Diagnostic[] = [];
  for (const d of r.diagnostics) {
    if (d.file === undefined) other.push(d);
    else {
      if (!byFile.has(d.file)) byFile.set(d.file, []);
      byFile.get(d.file)!.push(d);
    }
  }
  const line = (d: Diagnostic) => `${location(d)} ${d.severity} ${d.code} ${renderMessage(d, o.lang)}`.trim();
  let failures = 0;
  const cases: string[] = [];
  for (const [file, ds] of byFile) {
    const errors = ds.filter((d) => d.severity === 'error');
    const rest = ds.filter((d) => d.severity !== 'error');
    const name = xmlEscape(visible(file));
    let body = '';
    if (errors.length > 0) {
      failures++;
      const msg = o.lang === 'zh' ? `${errors.length} 个错误` : `${errors.length} error(s)`;
      body += `\n      <failure message="${xmlEscape(msg)}" type="${xmlEscape(errors[0]!.code)}">${xmlEscape(errors.map(line).join('\n'))}</failure>`;
    }
    if (rest.length > 0) body += `\n      <system-out>${xmlEscape(rest.map(line).join('\n'))}</system-out>`;
    cases.push(
      `    <testcase classname="vet-check.validate" name="${name}">${body}${body ? '\n    ' : ''}</testcase>`,
    );
  }
  const out = [...other.map(line), summaryLine(r, o.lang)].join('\n');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="vet-check validate" tests="${byFile.size}" failures="${failures}">`,
    `  <testsuite name="validate" tests="${byFile.size}" failures="${failures}" errors="0">`,
    ...cases,
    `    <system-out>${xmlEscape(out)}</system-out>`,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
};
