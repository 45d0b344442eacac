import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadPlanFile } from '../../src/plan/load.js';

// Each fixtures/plans/lint/<case>/ holds plan.yaml, expected.json (the codes
// and positions the plan must produce, nothing more) and optionally
// source.txt, the document text its quotes are checked against.
const DIR = 'fixtures/plans/lint';
const cases = readdirSync(DIR).filter((n) => existsSync(join(DIR, n, 'expected.json')));

describe('lint fixtures', () => {
  test('there is a fixture for each kind of problem', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  test.each(cases)('%s', (name) => {
    const source = join(DIR, name, 'source.txt');
    const opts = existsSync(source) ? { sourceText: readFileSync(source, 'utf8'), sourceFile: source } : {};
    const file = `${DIR}/${name}/plan.yaml`;
    const { plan, diagnostics } = loadPlanFile(file, file, opts);
    const expected = JSON.parse(readFileSync(join(DIR, name, 'expected.json'), 'utf8')) as {
      code: string;
      line: number;
      column: number;
    }[];
    const actual = diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }));
    expect(actual).toEqual(expected);
    for (const d of diagnostics) expect(d.file).toBe(file);
    const errors = diagnostics.filter((d) => d.severity === 'error');
    expect(plan === null).toBe(errors.length > 0);
  });
});

test('the valid fixture loads with exact target text', () => {
  const file = 'fixtures/plans/valid/minimal.yaml';
  const { plan, diagnostics } = loadPlanFile(file, file);
  expect(diagnostics).toEqual([]);
  expect(plan?.rules[0]?.target).toEqual({ kind: 'compare', op: '>=', value: '0.80' });
  expect(plan?.rules[0]?.sources).toEqual([{ section: '一、发展目标', quote: '“双师型”教师占比达80%以上' }]);
  expect(plan?.file).toBe(file);
  expect(plan?.positions?.get('/rules/0/metric')).toEqual({ line: 15, column: 13 });
});
