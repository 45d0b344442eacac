import { expect, test } from 'vitest';
import { describeTarget, ratioToPercent } from '../../src/plan/format.js';
import { percentToRatio, significantDigits } from '../../src/plan/numbers.js';
import { readYaml } from '../../src/plan/yaml.js';

const codes = (text: string) => readYaml(text, 'f.yaml').diagnostics.map((d) => [d.code, d.line, d.column]);

test('100k-deep flow and block nesting in one process are errors, not crashes', () => {
  const N = 100_000;
  const inputs = [
    '['.repeat(N) + ']'.repeat(N),
    `${'{a: '.repeat(N)}1${'}'.repeat(N)}`,
    `${'- '.repeat(N)}x\n`,
    `${'? '.repeat(N)}x\n`,
    `${Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
  ];
  for (const text of inputs) {
    const r = readYaml(text, 'deep.yaml');
    expect(r.value).toBeUndefined();
    expect(r.diagnostics.map((d) => d.code)).toEqual(['plan/yaml-too-deep']);
    expect(r.diagnostics[0]?.line).toBeGreaterThanOrEqual(1);
  }
});

test('a billion-laughs alias bomb stops at the limit', () => {
  let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 9; i++)
    text += `a${i}: &a${i} [${Array(10)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  const r = readYaml(text, 'bomb.yaml');
  expect(r.value).toBeUndefined();
  expect(r.diagnostics.map((d) => d.code)).toEqual(['plan/yaml-alias-limit']);
});

test('aliases give independent copies and a self-reference is rejected', () => {
  const r = readYaml('a: &x { k: 1 }\nb: *x\n', 'f.yaml');
  const v = r.value as Record<string, Record<string, number>>;
  expect(v['a']).toEqual(v['b']);
  expect(v['a']).not.toBe(v['b']);
  expect(codes('a: &x [1, *x]\n')).toEqual([['plan/yaml-bad-alias', 1, 11]]);
});

test('prototype keys are rejected and nothing is polluted', () => {
  expect(codes('__proto__: { polluted: 1 }\n')).toEqual([['plan/forbidden-key', 1, 1]]);
  expect(codes('a:\n  constructor: { prototype: 1 }\n')).toEqual([['plan/forbidden-key', 2, 3]]);
  expect(codes('a: { prototype: 1 }\n')).toEqual([['plan/forbidden-key', 1, 6]]);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  const v = readYaml('a: { b: 1 }\n', 'f.yaml').value as object;
  expect(Object.getPrototypeOf(v)).toBeNull();
});

test('YAML 1.1 is never switched on', () => {
  expect(codes('%YAML 1.1\n---\na: on\n')).toEqual([['plan/yaml-directive', 1, 1]]);
  const v = readYaml('a: on\nb: 0144\nc: 2024-12-27\nd: yes\n', 'f.yaml').value as Record<string, unknown>;
  expect(v).toEqual({ a: 'on', b: 144, c: '2024-12-27', d: 'yes' });
});

test('tags, duplicate keys, several documents, syntax errors and empty files have positions', () => {
  expect(codes('a: !!js/function "function(){}"\n')).toEqual([['plan/yaml-unknown-tag', 1, 4]]);
  expect(codes('a: !foo x\n')).toEqual([['plan/yaml-unknown-tag', 1, 4]]);
  expect(codes('a: !!binary aGk=\n')).toEqual([['plan/yaml-unknown-tag', 1, 4]]);
  expect(codes('a: !!str 0144010001\n')).toEqual([]);
  expect(codes('a: 1\nb: 2\na: 3\n')).toEqual([['plan/duplicate-key', 3, 1]]);
  expect(codes('a: 1\n---\nb: 2\n')).toEqual([['plan/yaml-multiple-documents', 2, 1]]);
  expect(codes('a: [1, 2\n')[0]?.[0]).toBe('plan/yaml-syntax');
  expect(codes('')).toEqual([['plan/yaml-empty', 1, 1]]);
  expect(codes('? [a]\n: 1\n')).toEqual([['plan/yaml-complex-key', 1, 3]]);
});

test('scalar source text is kept for numbers', () => {
  const r = readYaml('v: 0.80\nid: 0144010001\n', 'f.yaml');
  expect(r.nodes.get('/v')?.source).toBe('0.80');
  expect(r.nodes.get('/id')?.source).toBe('0144010001');
  expect(r.nodes.get('/v')?.pos).toEqual({ line: 1, column: 4 });
  expect(r.nodes.get('/id')?.key).toEqual({ line: 2, column: 1 });
});

test('number helpers are exact', () => {
  expect(percentToRatio('80')).toBe('0.80');
  expect(percentToRatio('5')).toBe('0.05');
  expect(percentToRatio('82.5')).toBe('0.825');
  expect(percentToRatio('150')).toBe('1.50');
  expect(significantDigits('0.80000000000000000001')).toBe(20);
  expect(significantDigits('300000')).toBe(1);
  expect(significantDigits('0.0800')).toBe(3);
  expect(ratioToPercent('0.8')).toBe('80');
  expect(ratioToPercent('0.825')).toBe('82.5');
  expect(ratioToPercent('1')).toBe('100');
  expect(describeTarget({ kind: 'compare', op: '>=', value: '0.80' }, 'ratio', 'zh')).toBe('≥ 80%');
  expect(describeTarget({ kind: 'range', min: '2', max: '3' }, 'institutions', 'zh')).toBe('2–3 所');
  expect(describeTarget({ kind: 'range', min: '2', max: '3' }, 'institutions', 'en')).toBe(
    '2–3 institutions',
  );
  expect(describeTarget({ kind: 'increase' }, 'persons', 'zh')).toBe('逐年递增');
});
