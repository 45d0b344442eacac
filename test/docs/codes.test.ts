import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { catalogue } from '../../src/diagnostics/catalogue.js';
import { renderCodesTable } from '../../src/diagnostics/codes-table.js';

const DOC = new URL('../../docs/codes.md', import.meta.url);

/** docs/codes.md is generated from the catalogue; this test proves it is current. */
function render(): string {
  return [
    '# Diagnostic codes',
    '',
    '<!-- generated from src/diagnostics/*-codes.ts by test/docs/codes.test.ts: run `UPDATE_DOCS=1 npx vitest run test/docs` after changing a code -->',
    '',
    'Every message vet-check prints has a stable code, grouped by stage: `plan/` (plan files),',
    '`read/` (decoding and parsing input files), `data/` (headers, values and checks of submissions),',
    '`engine/` (notes and reasons of the evaluation), `report/` (writing the output). Severities:',
    '`error` (stops validate/report with exit 2), `warning` (reported; exit 1 only with `--fail-on-warnings`',
    'or `--strict`), `info`. Messages exist in zh-CN and English (`--lang`); `{name}` is filled per message.',
    '',
    renderCodesTable(catalogue),
  ].join('\n');
}

test('docs/codes.md lists every diagnostic code of the catalogue', () => {
  const expected = render();
  if (process.env['UPDATE_DOCS']) writeFileSync(DOC, expected);
  expect(readFileSync(DOC, 'utf8')).toBe(expected);
});

test('every code is grouped by stage and has both languages', () => {
  for (const [code, def] of Object.entries(catalogue)) {
    expect(code).toMatch(/^(plan|read|data|engine|report|draft)\/[a-z0-9-]+$/);
    expect(def.title.zh && def.title.en && def.message.zh && def.message.en).toBeTruthy();
  }
});
