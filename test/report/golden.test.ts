import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../src/diagnostics/types.js';
import { FORMATS, type FormatName, loadFormatter } from '../../src/report/registry.js';
import type { ReportModel, ReportOptions } from '../../src/report/types.js';
import { multiModel, singleModel } from './fixtures.js';

// Golden files: UPDATE_GOLDEN=1 npx vitest run test/report rewrites them.

const here = dirname(fileURLToPath(import.meta.url));
const goldenDir = join(here, '..', 'golden', 'report');
const update = process.env['UPDATE_GOLDEN'] === '1';

// HTML is checked by properties and in a browser (test/report/html*.test.ts): vega's SVG is not byte-stable.
const EXT: Record<Exclude<FormatName, 'html'>, string> = {
  table: 'txt',
  json: 'json',
  csv: 'csv',
  markdown: 'md',
  junit: 'xml',
};

function golden(name: string, actual: string): void {
  const file = join(goldenDir, name);
  if (update || !existsSync(file)) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
    if (!update) throw new Error(`golden file ${name} was missing and has been written; check it and rerun`);
    return;
  }
  expect(actual, `golden ${name} (UPDATE_GOLDEN=1 rewrites)`).toBe(readFileSync(file, 'utf8'));
}

const cases: { label: string; model: ReportModel; byInstitution: boolean }[] = [
  { label: 'multi', model: multiModel, byInstitution: true },
  { label: 'single', model: singleModel, byInstitution: false },
];

describe('golden report output', () => {
  for (const fmt of FORMATS.filter((f): f is Exclude<FormatName, 'html'> => f !== 'html')) {
    for (const lang of ['zh', 'en'] as Lang[]) {
      for (const c of cases) {
        it(`${fmt} ${lang} ${c.label}`, async () => {
          const formatter = await loadFormatter(fmt);
          const opts: ReportOptions = { lang, colour: false, byInstitution: c.byInstitution, toFile: false };
          golden(`${c.label}.${lang}.${EXT[fmt]}`, await formatter(c.model, opts));
        });
      }
    }
  }
});
