// Every case under fixtures/data/<case>/ holds data.csv and expected.json
// listing the diagnostics {code, line, column[, file]} readSubmission must give,
// read through the real readers (src/data/read).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../src/data/read/index.js';
import { readSubmission } from '../../src/data/submission.js';
import { testDictionary } from './mem-source.js';

const ROOT = new URL('../../fixtures/data/', import.meta.url).pathname;

interface Expected {
  options: {
    institutions?: string;
    period?: string;
    jumpFactor?: number;
    maxErrors?: number;
    /** Files of the case read together (default: data.csv). */
    files?: string[];
  };
  diagnostics: { code: string; line: number | null; column: number | null; file?: string }[];
}

describe('fixtures/data', () => {
  for (const name of readdirSync(ROOT).sort()) {
    it(name, async () => {
      const dir = join(ROOT, name);
      const exp = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
      const { files = ['data.csv'], ...options } = exp.options;
      const sub = await readSubmission(files, {
        ...options,
        open: (p, o) => openSource(join(dir, p), o),
        dictionary: testDictionary(),
      });
      const got = sub.diagnostics.map((d) => ({
        code: d.code,
        line: d.line ?? null,
        column: d.column ?? null,
        ...(d.file && d.file !== 'data.csv' ? { file: d.file } : {}),
      }));
      expect(got).toEqual(exp.diagnostics);
      for (const f of sub.files) expect(f.rowsRead).toBe(f.rowsAccepted + f.rowsRejected);
    });
  }
});

describe('coverage of the catalogue', () => {
  it('every data code has a fixture and a row in docs/data.md', async () => {
    const { dataCodes } = await import('../../src/diagnostics/data-codes.js');
    const seen = new Set<string>();
    for (const name of readdirSync(ROOT)) {
      const exp = JSON.parse(readFileSync(join(ROOT, name, 'expected.json'), 'utf8')) as Expected;
      for (const d of exp.diagnostics) seen.add(d.code);
    }
    const doc = readFileSync(new URL('../../docs/data.md', import.meta.url), 'utf8');
    for (const code of Object.keys(dataCodes)) {
      expect(seen, code).toContain(code);
      expect(doc, code).toContain(`| \`${code}\` |`);
    }
  });
});
