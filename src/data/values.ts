// One documented rule per field type (docs/data.md, "Value rules"). Nothing is
// guessed: a value either matches its type's rule or is an error naming what
// was expected. An empty cell is absent, never zero.
import type { Params } from '../diagnostics/types.js';
import type { FieldType } from '../plan/types.js';
import { cmp, type Fraction, frac, parseDecimal, toExactDecimal } from '../util/fraction.js';
import { hasInvisible } from '../util/visible.js';
import type { Cell } from './source.js';

/** Plausible years: outside this range a year is `data/year-out-of-range`. */
export const YEAR_MIN = 2000;
export const YEAR_MAX = 2100;

/** Largest count accepted (Number.MAX_SAFE_INTEGER), so downstream JSON stays exact. */
export const MAX_COUNT = 9007199254740991n;

/** Cell texts that mean "no data" in exported tables; they must be written as empty cells. */
export const NO_DATA_MARKERS: readonly string[] = [
  '—',
  '——',
  '-',
  '--',
  '–',
  '/',
  '\\',
  '无',
  '空',
  '暂无',
  'N/A',
  'NA',
  'n/a',
  'NULL',
  'null',
  'None',
  'nil',
  '#N/A',
];
const MARKERS = new Set(NO_DATA_MARKERS.map((m) => m.toLowerCase()));

/** Boolean spellings (Latin ones case-insensitive). */
export const TRUE_WORDS: readonly string[] = ['是', 'yes', 'y', 'true', '1', '√', '✓'];
export const FALSE_WORDS: readonly string[] = ['否', 'no', 'n', 'false', '0', '×', '✗'];

/** English spellings accepted for the `level` enum, mapped to the canonical value. */
export const ENUM_ALIASES: Readonly<Record<string, string>> = {
  secondary: '中职',
  'secondary vocational': '中职',
  higher: '高职',
  'higher vocational': '高职',
  undergraduate: '职教本科',
  'vocational undergraduate': '职教本科',
};

/**
 * Fold full-width ASCII (U+FF01–U+FF5E) to half-width and the ideographic
 * space U+3000 to a space. Unlike NFKC it touches nothing else: `²` or `①`
 * must not silently become digits, and Chinese stays as it is.
 */
export function foldWidth(text: string): string {
  if (!/[\uff01-\uff5e\u3000]/.test(text)) return text;
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xff01 && cp <= 0xff5e) out += String.fromCharCode(cp - 0xfee0);
    else if (cp === 0x3000) out += ' ';
    else out += ch;
  }
  return out;
}

/** Spaces and tabs around a value are trimmed (documented rule); nothing else is. */
export function trimSpaces(text: string): string {
  if (!/^[ \t\u3000]|[ \t\u3000]$/.test(text)) return text;
  return text.replace(/^[ \t\u3000]+|[ \t\u3000]+$/g, '');
}

/** What a type expects, in both languages, for `data/type-error`. */
export const EXPECTED: Record<FieldType, { zh: string; en: string }> = {
  count: { zh: '非负整数（如 85、1,200）', en: 'a whole number ≥ 0 (e.g. 85, 1,200)' },
  ratio: { zh: '比例（如 85%、85.5% 或 0.85）', en: 'a ratio (e.g. 85%, 85.5% or 0.85)' },
  boolean: { zh: '是/否', en: 'yes/no (是/否, yes/no, true/false, 1/0, Y/N, √/×)' },
  year: { zh: '四位年份（如 2025）', en: 'a four-digit year (e.g. 2025)' },
  quarter: { zh: '季度（1–4、Q3 或 第3季度）', en: 'a quarter (1–4, Q3 or 第3季度)' },
  enum: { zh: '允许的取值之一', en: 'one of the allowed values' },
  money: {
    zh: '金额（非负，最多两位小数，如 1,200.50）',
    en: 'an amount ≥ 0 with at most 2 decimals (e.g. 1,200.50)',
  },
  string: { zh: '文本', en: 'text' },
};

/** A parsed cell: absent (empty), a value, or a coded problem with message params. */
export type Parsed<T> =
  | { kind: 'absent' }
  | { kind: 'value'; value: T }
  | { kind: 'error'; code: string; params: Params };

const ABSENT = { kind: 'absent' } as const;
/** Fast path: printable ASCII and CJK ideographs hold nothing `visible` would escape. */
const PRINTABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/;

function ok<T>(value: T): Parsed<T> {
  return { kind: 'value', value };
}

function typeError(type: FieldType, hint?: { zh: string; en: string }, extra: Params = {}): Parsed<never> {
  const e = EXPECTED[type];
  return {
    kind: 'error',
    code: 'data/type-error',
    params: {
      expectedZh: e.zh,
      expectedEn: e.en,
      hintZh: hint ? `；${hint.zh}` : '',
      hintEn: hint ? `; ${hint.en}` : '',
      ...extra,
    },
  };
}

const HINT_DECIMAL = { zh: '人数、个数须为整数', en: 'a count is a whole number' };
const HINT_SPACE = { zh: '数字中间不能有空格', en: 'no spaces inside a number' };
const HINT_AROUND = {
  zh: '值的前后有空格或制表符，请删去',
  en: 'remove the spaces or tabs around the value',
};
const HINT_GROUPS = {
  zh: '千位分隔符须每三位一个（如 1,234,567）',
  en: 'thousands separators go every three digits (1,234,567)',
};

/** A count or money body: digits, optionally grouped by commas in threes. */
const COUNT = /^(?:\d+|\d{1,3}(?:,\d{3})+)$/;
const MONEY = /^(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d{1,2})?$/;

/** Common preamble: null/blank → absent; fold width; markers, invisibles and spaces around the value are errors. */
function prepare(
  type: FieldType,
  cell: Pick<Cell, 'raw' | 'kind'>,
): Parsed<never> | { kind: 'text'; text: string } {
  if (cell.kind === 'null' || cell.raw === null) return ABSENT;
  if (cell.kind === 'object') {
    return typeError(type, { zh: '不能是对象或数组', en: 'not an object or array' });
  }
  const folded = foldWidth(cell.raw);
  const text = trimSpaces(folded);
  if (text === '') return ABSENT;
  if (MARKERS.has(text.toLowerCase())) return { kind: 'error', code: 'data/no-data-marker', params: {} };
  if (!PRINTABLE.test(text) && hasInvisible(text))
    return { kind: 'error', code: 'data/invisible-char', params: {} };
  // ` 85` is what JavaScript's Number() reads silently: here it is an error that says why
  if (text !== folded) return typeError(type, HINT_AROUND);
  return { kind: 'text', text };
}

/** Count: non-negative whole number as bigint (rule in docs/data.md). */
export function parseCount(cell: Pick<Cell, 'raw' | 'kind'>): Parsed<bigint> {
  const p = prepare('count', cell);
  if (p.kind !== 'text') return p;
  const t = p.text;
  if (/^-\d/.test(t) && COUNT.test(t.slice(1)))
    return { kind: 'error', code: 'data/negative-count', params: {} };
  if (!COUNT.test(t)) {
    if (/^[+-]?\d[\d,]*\.\d*$/.test(t)) return typeError('count', HINT_DECIMAL);
    if (/^\d[\d,]*$/.test(t)) return typeError('count', HINT_GROUPS);
    if (/^\d+(?:[ \t]+\d+)+$/.test(t)) return typeError('count', HINT_SPACE);
    return typeError('count');
  }
  const n = BigInt(t.replaceAll(',', ''));
  if (n > MAX_COUNT) return typeError('count', { zh: `最大为 ${MAX_COUNT}`, en: `at most ${MAX_COUNT}` });
  return ok(n);
}

/** Money: non-negative decimal with at most 2 places, as an exact fraction. */
export function parseMoney(cell: Pick<Cell, 'raw' | 'kind'>): Parsed<Fraction> {
  const p = prepare('money', cell);
  if (p.kind !== 'text') return p;
  if (!MONEY.test(p.text)) return typeError('money');
  return ok(parseDecimal(p.text.replaceAll(',', ''))!);
}

const ONE = frac(1n);

/**
 * Ratio: `85%` / `85.5%` (percent, divided by 100, at most 100%), or a plain
 * decimal in [0, 1] (`0.85`, `1` = 100%, `0`). A bare `85` is rejected.
 */
export function parseRatio(cell: Pick<Cell, 'raw' | 'kind'>): Parsed<Fraction> {
  const p = prepare('ratio', cell);
  if (p.kind !== 'text') return p;
  const t = p.text;
  const percent = t.endsWith('%');
  const body = percent ? t.slice(0, -1) : t;
  const f = /^\d+(?:\.\d+)?$/.test(body) ? parseDecimal(body) : null;
  if (!f) {
    if (/^-\d/.test(body))
      return typeError('ratio', { zh: '比例不能为负', en: 'a ratio cannot be negative' });
    return typeError('ratio');
  }
  const value = percent ? frac(f.n, f.d * 100n) : f;
  if (cmp(value, ONE) > 0) {
    if (percent || cmp(value, frac(100n)) > 0)
      return typeError('ratio', { zh: '比例不能超过 100%', en: 'a ratio is at most 100%' });
    const dec = toExactDecimal(frac(f.n, f.d * 100n)) ?? '0.xx';
    return typeError('ratio', { zh: `请写作 ${body}% 或 ${dec}`, en: `write ${body}% or ${dec}` });
  }
  return ok(value);
}

/** Boolean: 是/否, yes/no, y/n, true/false, 1/0, √/×, ✓/✗ (Latin case-insensitive). */
export function parseBoolean(cell: Pick<Cell, 'raw' | 'kind'>): Parsed<boolean> {
  const p = prepare('boolean', cell);
  if (p.kind !== 'text') return p;
  const t = p.text.toLowerCase();
  if (TRUE_WORDS.includes(t)) return ok(true);
  if (FALSE_WORDS.includes(t)) return ok(false);
  return typeError('boolean');
}

/** Year: four digits, optionally followed by 年, within YEAR_MIN–YEAR_MAX. */
export function parseYear(cell: Pick<Cell, 'raw' | 'kind'>): Parsed<number> {
  const p = prepare('year', cell);
  if (p.kind !== 'text') return p;
  const m = /^(\d{4})年?$/.exec(p.text);
  if (!m) return typeError('year');
  const y = Number(m[1]);
  if (y < YEAR_MIN || y > YEAR_MAX)
    return { kind: 'error', code: 'data/year-out-of-range', params: { min: YEAR_MIN, max: YEAR_MAX } };
  return ok(y);
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/** Quarter: `3`, `Q3`, `3季度`, `第3季度`, `第三季度`, `三季度`; 1–4. Empty = annual row. */
export function parseQuarter(cell: Pick<Cell, 'raw' | 'kind'>): Parsed<number> {
  const p = prepare('quarter', cell);
  if (p.kind !== 'text') return p;
  const t = p.text;
  const m = /^[qQ](\d+)$/.exec(t) ?? /^(\d+)$/.exec(t) ?? /^第?(\d+|[一二三四])季度$/.exec(t);
  if (!m) return typeError('quarter');
  const raw = m[1]!;
  const q = CN_DIGITS[raw] ?? Number(raw);
  if (q < 1 || q > 4) return { kind: 'error', code: 'data/quarter-out-of-range', params: {} };
  return ok(q);
}

/** Enum: one of `values` exactly, or a documented English alias (case-insensitive). */
export function parseEnum(cell: Pick<Cell, 'raw' | 'kind'>, values: readonly string[]): Parsed<string> {
  const p = prepare('enum', cell);
  if (p.kind !== 'text') return p;
  if (values.includes(p.text)) return ok(p.text);
  const alias = ENUM_ALIASES[p.text.toLowerCase().replace(/\s+/g, ' ')];
  if (alias && values.includes(alias)) return ok(alias);
  const list = values.join('、');
  return {
    kind: 'error',
    code: 'data/type-error',
    params: {
      expectedZh: `以下之一：${list}`,
      expectedEn: `one of ${values.join(', ')}`,
      hintZh: '',
      hintEn: '',
    },
  };
}

/**
 * String: kept exactly as written apart from the spaces and tabs around it
 * (leading zeros stay); invisible or control characters are an error.
 */
export function parseString(cell: Pick<Cell, 'raw' | 'kind'>): Parsed<string> {
  if (cell.kind === 'null' || cell.raw === null) return ABSENT;
  if (cell.kind === 'object')
    return typeError('string', { zh: '不能是对象或数组', en: 'not an object or array' });
  const t = trimSpaces(cell.raw);
  if (t === '') return ABSENT;
  if (MARKERS.has(t.toLowerCase())) return { kind: 'error', code: 'data/no-data-marker', params: {} };
  if (!PRINTABLE.test(t) && hasInvisible(t))
    return { kind: 'error', code: 'data/invisible-char', params: {} };
  return ok(t);
}

/** Parse a cell by its field type. */
export function parseByType(
  type: FieldType,
  cell: Pick<Cell, 'raw' | 'kind'>,
  values?: readonly string[],
): Parsed<bigint | boolean | Fraction | string | number> {
  switch (type) {
    case 'count':
      return parseCount(cell);
    case 'ratio':
      return parseRatio(cell);
    case 'money':
      return parseMoney(cell);
    case 'boolean':
      return parseBoolean(cell);
    case 'year':
      return parseYear(cell);
    case 'quarter':
      return parseQuarter(cell);
    case 'enum':
      return parseEnum(cell, values ?? []);
    case 'string':
      return parseString(cell);
  }
}
