import { describe, expect, it } from 'vitest';
import type { RuleResult, RuleYearResult } from '../../src/engine/types.js';
import {
  bindingMarker,
  expectedText,
  formatExact,
  formatValue,
  gapText,
  groupThousands,
  institutionLabel,
  statusLabel,
  targetText,
} from '../../src/report/display.js';
import { frac } from '../../src/util/fraction.js';

describe('formatValue', () => {
  it('truncates ratios to two decimals so a value below the target never shows as the target', () => {
    expect(formatValue(frac(15999n, 20000n), 'ratio', 'zh')).toBe('79.99%');
    expect(formatValue(frac(799999n, 1000000n), 'ratio', 'en')).toBe('79.99%');
    expect(formatValue(frac(400n, 500n), 'ratio', 'zh')).toBe('80.00%');
    expect(formatValue(frac(399n, 500n), 'ratio', 'zh')).toBe('79.80%');
    expect(formatValue(frac(2n, 3n), 'ratio', 'zh')).toBe('66.66%');
  });

  it('groups counts and names their unit', () => {
    expect(formatValue(frac(312450n), 'person-times', 'zh')).toBe('312,450 人次');
    expect(formatValue(frac(312450n), 'person-times', 'en')).toBe('312,450 person-times');
    expect(formatValue(frac(1n), 'institutions', 'en')).toBe('1 institution');
    expect(formatValue(frac(1234567n), 'persons', 'zh')).toBe('1,234,567 人');
  });

  it('prints CNY in 万元 in Chinese, exactly', () => {
    expect(formatValue(frac(5230000n), 'CNY', 'zh')).toBe('523 万元');
    expect(formatValue(frac(12345n), 'CNY', 'zh')).toBe('1.2345 万元');
    expect(formatValue(frac(123456789n), 'CNY', 'zh')).toBe('12,345.6789 万元');
    expect(formatValue(frac(5230000n), 'CNY', 'en')).toBe('5,230,000 CNY');
  });
});

describe('targets', () => {
  it('prints plan values exactly', () => {
    expect(targetText({ kind: 'compare', op: '>=', value: '0.8' }, 'ratio', 'zh')).toBe('≥ 80%');
    expect(targetText({ kind: 'compare', op: '>=', value: '0.805' }, 'ratio', 'zh')).toBe('≥ 80.5%');
    expect(targetText({ kind: 'compare', op: '<=', value: '0.05' }, 'ratio', 'en')).toBe('≤ 5%');
    expect(targetText({ kind: 'compare', op: '==', value: '1' }, 'ratio', 'en')).toBe('= 100%');
    expect(targetText({ kind: 'range', min: '2', max: '3' }, 'institutions', 'zh')).toBe('2–3 所');
    expect(targetText({ kind: 'range', min: '2', max: '3' }, 'institutions', 'en')).toBe('2–3 institutions');
    expect(targetText({ kind: 'range', min: '0.1', max: '0.2' }, 'ratio', 'en')).toBe('10%–20%');
    expect(targetText({ kind: 'increase' }, 'persons', 'zh')).toBe('逐年递增');
    expect(targetText({ kind: 'increase' }, 'persons', 'en')).toBe('increasing');
    expect(targetText({ kind: 'compare', op: '>=', value: '300000' }, 'person-times', 'zh')).toBe(
      '≥ 300,000 人次',
    );
  });

  it('prints a milestone that has no short decimal truncated', () => {
    expect(formatExact(frac(2n, 3n), 'ratio', 'zh')).toBe('66.66%');
  });
});

describe('gaps and labels', () => {
  const unit = { zh: '名双师型教师', en: 'dual-qualified teachers' };
  it('says how many more or fewer are needed', () => {
    expect(gapText({ amount: 12n, direction: 'more', unit }, 'zh')).toBe('还需 12 名双师型教师');
    expect(gapText({ amount: 12n, direction: 'more', unit }, 'en')).toBe(
      '12 more dual-qualified teachers needed',
    );
    expect(gapText({ amount: 1200n, direction: 'fewer', unit }, 'zh')).toBe('需减少 1,200 名双师型教师');
  });

  it('labels statuses and bindings', () => {
    expect(statusLabel('warning', 'zh')).toBe('未达标（力争）');
    expect(statusLabel('exceeded', 'zh')).toBe('超出上限');
    expect(statusLabel('off_track', 'en')).toBe('off track');
    expect(bindingMarker('aspirational', 'zh')).toBe('（力争）');
    expect(bindingMarker('required', 'zh')).toBe('');
  });

  it('makes institution names visible', () => {
    expect(institutionLabel({ institutionId: 'I1', institutionName: '\u001b[31mx\u202E', value: null })).toBe(
      'I1 \\x1b[31mx\\u202E',
    );
  });

  it('names the milestone before a deadline and the maximum when exceeded', () => {
    const rule = { unit: 'institutions' } as RuleResult;
    const y = { status: 'exceeded', expected: frac(3n) } as RuleYearResult;
    expect(expectedText(rule, y, 'zh')).toBe('上限 3 所');
    expect(expectedText(rule, { ...y, status: 'off_track' }, 'en')).toBe('milestone 3 institutions');
    expect(expectedText(rule, { ...y, status: 'fail' }, 'en')).toBeNull();
  });

  it('groups thousands', () => {
    expect(groupThousands('-1234567.891')).toBe('-1,234,567.891');
    expect(groupThousands('999')).toBe('999');
  });
});
