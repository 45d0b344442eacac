import { describe, expect, it } from 'vitest';
import type { Cell } from '../../src/data/source.js';
import {
  parseBoolean,
  parseCount,
  parseEnum,
  parseQuarter,
  parseRatio,
  parseString,
  parseYear,
} from '../../src/data/values.js';
import { frac } from '../../src/util/fraction.js';

const t = (raw: string | null, kind: Cell['kind'] = 'text') => ({ raw, kind });
const code = (r: { kind: string; code?: string }) => (r.kind === 'error' ? r.code : r.kind);

describe('count', () => {
  it.each([
    ['85', 85n],
    ['1,200', 1200n],
    ['1,234,567', 1234567n],
    ['８０', 80n],
    ['１，２００', 1200n],
    ['007', 7n],
    ['0', 0n],
    ['9007199254740991', 9007199254740991n],
  ])('reads %j as %s', (raw, want) => {
    expect(parseCount(t(raw))).toEqual({ kind: 'value', value: want });
  });
  it.each([' 85', '85 ', '85\t', '\u300085'])(
    'rejects %j: spaces around a value are an error, not trimmed',
    (raw) => {
      const r = parseCount(t(raw));
      expect(code(r)).toBe('data/type-error');
      expect(r.kind === 'error' && r.params['hintEn']).toContain('remove the spaces');
    },
  );
  it('reads a cell of spaces only as missing, never 0', () => {
    expect(parseCount(t('   ')).kind).toBe('absent');
  });
  it('reads a JSON number by its raw text', () => {
    expect(parseCount(t('85', 'number'))).toEqual({ kind: 'value', value: 85n });
    expect(code(parseCount(t('1e2', 'number')))).toBe('data/type-error');
  });
  it.each([
    '1,2,00',
    '12,00',
    '0x10',
    '1e2',
    '85.',
    '85.0',
    '.5',
    'Infinity',
    'NaN',
    '+5',
    '8 5',
    '9007199254740992',
    '8²',
    '①',
    'true',
  ])('rejects %j as a type error', (raw) => {
    expect(code(parseCount(t(raw)))).toBe('data/type-error');
  });
  it('has its own code for negative counts', () => {
    expect(code(parseCount(t('-5')))).toBe('data/negative-count');
    expect(code(parseCount(t('-1,200')))).toBe('data/negative-count');
  });
  it.each(['—', '-', '/', '无', 'N/A', 'NULL', 'n/a'])('rejects the no-data marker %j', (raw) => {
    expect(code(parseCount(t(raw)))).toBe('data/no-data-marker');
  });
  it('treats an empty cell and JSON null as absent, never 0', () => {
    expect(parseCount(t(''))).toEqual({ kind: 'absent' });
    expect(parseCount(t('   '))).toEqual({ kind: 'absent' });
    expect(parseCount(t(null, 'null'))).toEqual({ kind: 'absent' });
  });
  it('rejects a zero-width space or a NUL byte inside a number', () => {
    expect(code(parseCount(t('85\u0000')))).toBe('data/invisible-char');
    expect(code(parseCount(t('8\u200b5')))).toBe('data/invisible-char');
  });
  it('rejects objects and booleans', () => {
    expect(code(parseCount(t('{}', 'object')))).toBe('data/type-error');
    expect(code(parseCount(t('true', 'boolean')))).toBe('data/type-error');
  });
});

describe('ratio', () => {
  it.each([
    ['85%', frac(85n, 100n)],
    ['85.5%', frac(855n, 1000n)],
    ['８５％', frac(85n, 100n)],
    ['0.85', frac(85n, 100n)],
    ['０.８５', frac(85n, 100n)],
    ['1', frac(1n)],
    ['0', frac(0n)],
    ['100%', frac(1n)],
    ['0%', frac(0n)],
  ])('reads %j exactly', (raw, want) => {
    expect(parseRatio(t(raw))).toEqual({ kind: 'value', value: want });
  });
  it('rejects a bare number above 1 with the hint to write a percent or a fraction', () => {
    const r = parseRatio(t('85'));
    expect(code(r)).toBe('data/type-error');
    expect(r.kind === 'error' && r.params['hintEn']).toContain('85% or 0.85');
  });
  it.each(['101%', '1.5', '-0.1', '-5%', '85 %x', '.85', '85.%', '1e-1', 'abc', '200'])(
    'rejects %j',
    (raw) => {
      expect(code(parseRatio(t(raw)))).toBe('data/type-error');
    },
  );
});

describe('boolean', () => {
  it.each(['是', 'yes', 'YES', 'y', 'True', '1', '√', '✓'])('%j is true', (raw) => {
    expect(parseBoolean(t(raw))).toEqual({ kind: 'value', value: true });
  });
  it.each(['否', 'no', 'N', 'false', '0', '×', '✗'])('%j is false', (raw) => {
    expect(parseBoolean(t(raw))).toEqual({ kind: 'value', value: false });
  });
  it.each(['对', '2', 'ok', 'x'])('rejects %j', (raw) => {
    expect(code(parseBoolean(t(raw)))).toBe('data/type-error');
  });
});

describe('year and quarter', () => {
  it('reads years', () => {
    expect(parseYear(t('2025'))).toEqual({ kind: 'value', value: 2025 });
    expect(parseYear(t('２０２５'))).toEqual({ kind: 'value', value: 2025 });
    expect(parseYear(t('2025年'))).toEqual({ kind: 'value', value: 2025 });
    expect(code(parseYear(t('1999')))).toBe('data/year-out-of-range');
    expect(code(parseYear(t('2101')))).toBe('data/year-out-of-range');
    expect(code(parseYear(t('25')))).toBe('data/type-error');
    expect(code(parseYear(t('2025.0')))).toBe('data/type-error');
  });
  it.each([
    ['3', 3],
    ['Q3', 3],
    ['q1', 1],
    ['3季度', 3],
    ['第3季度', 3],
    ['第三季度', 3],
    ['四季度', 4],
  ])('reads quarter %j', (raw, want) => {
    expect(parseQuarter(t(raw))).toEqual({ kind: 'value', value: want });
  });
  it('rejects quarters outside 1–4 and other forms', () => {
    expect(code(parseQuarter(t('5')))).toBe('data/quarter-out-of-range');
    expect(code(parseQuarter(t('Q0')))).toBe('data/quarter-out-of-range');
    expect(code(parseQuarter(t('第3')))).toBe('data/type-error');
    expect(code(parseQuarter(t('3.0')))).toBe('data/type-error');
    expect(parseQuarter(t(''))).toEqual({ kind: 'absent' });
  });
});

describe('enum and string', () => {
  const levels = ['中职', '高职', '职教本科'];
  it('reads the canonical values and documented English aliases', () => {
    expect(parseEnum(t('高职'), levels)).toEqual({ kind: 'value', value: '高职' });
    expect(parseEnum(t('Secondary'), levels)).toEqual({ kind: 'value', value: '中职' });
    expect(code(parseEnum(t('大专'), levels))).toBe('data/type-error');
  });
  it('keeps institution codes exactly, leading zeros included, trimming outer spaces', () => {
    expect(parseString(t(' 00123 '))).toEqual({ kind: 'value', value: '00123' });
    expect(code(parseString(t('001\u202e23')))).toBe('data/invisible-char');
  });
});
