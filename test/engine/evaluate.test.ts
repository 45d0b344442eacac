import { describe, expect, it } from 'vitest';
import type { IndicatorRow, InstitutionRow } from '../../src/data/types.js';
import { evaluatePlan } from '../../src/engine/evaluate.js';
import type { RuleYearResult } from '../../src/engine/types.js';
import type { Plan } from '../../src/plan/types.js';
import { toExactDecimal } from '../../src/util/fraction.js';
import { dictionary, indicator, metrics, plan, row } from './helpers.js';

function evaluate(
  p: Plan,
  rows: InstitutionRow[],
  indicators: IndicatorRow[] = [],
  years?: { from: number; to: number },
) {
  return evaluatePlan({ plan: p, metrics, dictionary, rows, indicators, ...(years ? { years } : {}) });
}

function year(p: Plan, rows: InstitutionRow[], y: number, indicators: IndicatorRow[] = []): RuleYearResult {
  const r = evaluate(p, rows, indicators).rules[0]!.years.find((x) => x.year === y);
  if (!r) throw new Error(`no result for ${y}`);
  return r;
}

const dual = (value: string) => plan({ metric: 'dual_ratio', target: { kind: 'compare', op: '>=', value } });

describe('exact thresholds', () => {
  it('400 of 500 is 80% and passes >= 0.8', () => {
    const rows = [
      row('A', 2027, { dual_qualified_teachers: 200, full_time_teachers: 250 }),
      row('B', 2027, { dual_qualified_teachers: 200, full_time_teachers: 250 }),
    ];
    const r = year(dual('0.8'), rows, 2027);
    expect(r.status).toBe('pass');
    expect(r.numerator).toBe(400n);
    expect(r.denominator).toBe(500n);
    expect(toExactDecimal(r.actual!)).toBe('0.8');
    expect(r.gap).toBeNull();
  });

  it('399 of 500 fails >= 0.8 and needs exactly one more dual-qualified teacher', () => {
    const r = year(
      dual('0.8'),
      [row('A', 2027, { dual_qualified_teachers: 399, full_time_teachers: 500 })],
      2027,
    );
    expect(r.status).toBe('fail');
    expect(r.gap).toEqual({
      amount: 1n,
      direction: 'more',
      unit: { zh: '名双师型教师', en: 'dual-qualified teachers' },
    });
  });

  it('5999 of 10000 fails >= 0.6 (a float would not be trusted here)', () => {
    const r = year(
      dual('0.6'),
      [row('A', 2027, { dual_qualified_teachers: 5999, full_time_teachers: 10000 })],
      2027,
    );
    expect(r.status).toBe('fail');
    expect(r.gap?.amount).toBe(1n);
  });

  it('compares thresholds that floats get wrong: 0.7 of 10 = 7 passes >= 0.7', () => {
    // 0.1 * 7 style artefacts: 7/10 must equal 0.7 exactly
    const r = year(
      dual('0.7'),
      [row('A', 2027, { dual_qualified_teachers: 7, full_time_teachers: 10 })],
      2027,
    );
    expect(r.status).toBe('pass');
  });

  it('gap is the ceiling: 79 of 100 against 0.805 needs 2 (80.5 → 81)', () => {
    const r = year(
      dual('0.805'),
      [row('A', 2027, { dual_qualified_teachers: 79, full_time_teachers: 100 })],
      2027,
    );
    expect(r.gap?.amount).toBe(2n);
  });

  it('a <= target reports the units to remove', () => {
    const p = plan({ metric: 'dual_ratio', target: { kind: 'compare', op: '<=', value: '0.5' } });
    const r = year(p, [row('A', 2027, { dual_qualified_teachers: 52, full_time_teachers: 100 })], 2027);
    expect(r.status).toBe('fail');
    expect(r.gap).toMatchObject({ amount: 2n, direction: 'fewer' });
  });
});

describe('pooling and scope', () => {
  it('pools numerators and denominators, never averages ratios', () => {
    // average of ratios = (100% + 70%) / 2 = 85% would pass; pooled 71/101 = 70.3% fails
    const rows = [
      row('A', 2027, { dual_qualified_teachers: 1, full_time_teachers: 1 }),
      row('B', 2027, { dual_qualified_teachers: 70, full_time_teachers: 100 }),
    ];
    const r = year(dual('0.8'), rows, 2027);
    expect(r.status).toBe('fail');
    expect([r.numerator, r.denominator]).toEqual([71n, 101n]);
    expect(r.gap?.amount).toBe(10n); // 0.8 × 101 = 80.8 → 81 − 71
    expect(r.breakdown.map((b) => b.institutionId)).toEqual(['A', 'B']);
  });

  it('leaves out rows of other districts and says so once', () => {
    const rows = [
      row('A', 2027, { dual_qualified_teachers: 80, full_time_teachers: 100 }),
      row('Z', 2027, { dual_qualified_teachers: 0, full_time_teachers: 100 }, { district: '大足区' }),
      row('Z', 2026, { dual_qualified_teachers: 0, full_time_teachers: 100 }, { district: '大足区' }),
    ];
    const res = evaluate(dual('0.8'), rows);
    expect(res.rules[0]!.years.find((y) => y.year === 2027)!.status).toBe('pass');
    const notes = res.diagnostics.filter((d) => d.code === 'engine/other-district-rows');
    expect(notes).toHaveLength(1);
    expect(notes[0]!.params['count']).toBe(2);
  });

  it('matches district names with or without 区', () => {
    const rows = [
      row('A', 2027, { dual_qualified_teachers: 80, full_time_teachers: 100 }, { district: '永川' }),
    ];
    expect(year(dual('0.8'), rows, 2027).status).toBe('pass');
  });

  it('a zero denominator is no_data with a reason, never a pass or 0%', () => {
    const r = year(
      dual('0.8'),
      [row('A', 2027, { dual_qualified_teachers: 0, full_time_teachers: 0 })],
      2027,
    );
    expect(r.status).toBe('no_data');
    expect(r.actual).toBeNull();
    expect(r.reason?.code).toBe('engine/zero-denominator');
  });

  it('a year without rows is no_data', () => {
    const r = year(
      dual('0.8'),
      [row('A', 2026, { dual_qualified_teachers: 80, full_time_teachers: 100 })],
      2027,
    );
    expect(r.status).toBe('no_data');
    expect(r.reason?.code).toBe('engine/no-rows');
  });
});

describe('quarterly roll-up', () => {
  const q = (quarter: number, values: Record<string, number>) => row('A', 2027, values, { quarter });

  it('sums flows and takes the latest quarter of stocks', () => {
    const p = plan({
      metric: 'training',
      unit: 'person-times',
      target: { kind: 'compare', op: '>=', value: '100' },
    });
    const rows = [
      q(1, { training_person_times: 20, full_time_teachers: 90 }),
      q(2, { training_person_times: 30, full_time_teachers: 95 }),
      q(3, { training_person_times: 25, full_time_teachers: 100 }),
      q(4, { training_person_times: 25, full_time_teachers: 100 }),
    ];
    const r = year(p, rows, 2027);
    expect(r.numerator).toBe(100n);
    expect(r.status).toBe('pass');
    expect(r.partial).toBe(false);
    const d = year(
      dual('0.8'),
      [...rows.slice(0, 2), q(3, { dual_qualified_teachers: 80, full_time_teachers: 100 })],
      2027,
    );
    expect([d.numerator, d.denominator]).toEqual([80n, 100n]);
  });

  it('marks a year with missing quarters partial', () => {
    const p = plan({
      metric: 'training',
      unit: 'person-times',
      target: { kind: 'compare', op: '>=', value: '100' },
    });
    const r = year(p, [q(1, { training_person_times: 60 }), q(2, { training_person_times: 30 })], 2027);
    expect(r.partial).toBe(true);
    expect(r.status).toBe('fail');
    expect(r.gap?.amount).toBe(10n);
  });
});

describe('cadences and targets', () => {
  it('a range passes at min, fails below, and is exceeded above max', () => {
    const p = plan({
      metric: 'double_high',
      unit: 'institutions',
      target: { kind: 'range', min: '2', max: '3' },
    });
    expect(year(p, [], 2027, [indicator('national_double_high', 2027, '2')]).status).toBe('pass');
    expect(year(p, [], 2027, [indicator('national_double_high', 2027, '3')]).status).toBe('pass');
    expect(year(p, [], 2027, [indicator('national_double_high', 2027, '4')]).status).toBe('exceeded');
    const low = year(p, [], 2027, [indicator('national_double_high', 2027, '1')]);
    expect(low.status).toBe('fail');
    expect(low.gap?.amount).toBe(1n);
  });

  it('an aspirational miss is a warning, not a required failure', () => {
    const p = plan({
      metric: 'double_high',
      unit: 'institutions',
      binding: 'aspirational',
      target: { kind: 'range', min: '2', max: '3' },
    });
    const res = evaluate(p, [], [indicator('national_double_high', 2027, '1')]);
    expect(res.rules[0]!.years.find((y) => y.year === 2027)!.status).toBe('warning');
    expect(res.summary.requiredFailures).toBe(0);
    expect(res.summary.warning).toBe(1);
  });

  it('indicators of other districts are not counted', () => {
    const p = plan({
      metric: 'double_high',
      unit: 'institutions',
      target: { kind: 'compare', op: '>=', value: '1' },
    });
    expect(year(p, [], 2027, [indicator('national_double_high', 2027, '5', '大足区')]).status).toBe(
      'no_data',
    );
  });

  it('every-year rules are judged each year', () => {
    const p = plan({
      metric: 'training',
      unit: 'person-times',
      cadence: 'every-year',
      target: { kind: 'compare', op: '>=', value: '300000' },
    });
    const rows = [2024, 2025, 2026, 2027].map((y, i) =>
      row('A', y, { training_person_times: i === 1 ? 299999 : 300000 }),
    );
    const statuses = evaluate(p, rows).rules[0]!.years.map((y) => y.status);
    expect(statuses).toEqual(['pass', 'fail', 'pass', 'pass']);
    expect(evaluate(p, rows).summary.requiredFailures).toBe(1);
  });

  it('increase rules compare each year with the one before; the first is no_data', () => {
    const p = plan({
      metric: 'training',
      unit: 'person-times',
      cadence: 'increase',
      target: { kind: 'increase' },
    });
    const rows = [
      row('A', 2024, { training_person_times: 100 }),
      row('A', 2025, { training_person_times: 120 }),
      row('A', 2026, { training_person_times: 120 }),
      row('A', 2027, { training_person_times: 121 }),
    ];
    const ys = evaluate(p, rows).rules[0]!.years;
    expect(ys.map((y) => y.status)).toEqual(['no_data', 'pass', 'fail', 'pass']);
    expect(ys[0]!.reason?.code).toBe('engine/first-year-of-trend');
    expect(ys[2]!.gap?.amount).toBe(1n); // equal is not an increase: one more is needed
  });

  it('by-deadline: judged at the deadline, on/off track before it against the straight line', () => {
    // baseline 2024: 60%; target 80% in 2027 → milestones 2025: 66.67%, 2026: 73.33%
    const rows = [
      row('A', 2024, { dual_qualified_teachers: 60, full_time_teachers: 100 }),
      row('A', 2025, { dual_qualified_teachers: 67, full_time_teachers: 100 }),
      row('A', 2026, { dual_qualified_teachers: 73, full_time_teachers: 100 }),
      row('A', 2027, { dual_qualified_teachers: 80, full_time_teachers: 100 }),
    ];
    const ys = evaluate(dual('0.8'), rows).rules[0]!.years;
    expect(ys.map((y) => y.status)).toEqual(['on_track', 'on_track', 'off_track', 'pass']);
    expect(ys[0]!.reason?.code).toBe('engine/baseline-year');
    expect(ys[2]!.expected).toEqual({ n: 11n, d: 15n }); // 0.6 + 0.2 × 2/3 = 11/15
    expect(ys[2]!.gap?.amount).toBe(1n); // 73.33 → 74 teachers
  });

  it('before the deadline a value already at the target is on track', () => {
    const rows = [row('A', 2025, { dual_qualified_teachers: 90, full_time_teachers: 100 })];
    expect(year(dual('0.8'), rows, 2025).status).toBe('on_track');
  });

  it('share metrics count institutions with the flag, filtered by level', () => {
    const p = plan({
      metric: 'compliant_share_secondary',
      target: { kind: 'compare', op: '==', value: '1' },
    });
    const rows = [
      row('A', 2027, { conditions_compliant: true }, { level: '中职' }),
      row('B', 2027, { conditions_compliant: false }, { level: '中职' }),
      row('C', 2027, { conditions_compliant: false }, { level: '高职' }),
    ];
    const r = year(p, rows, 2027);
    expect(r.status).toBe('fail');
    expect([r.numerator, r.denominator]).toEqual([1n, 2n]);
    expect(r.gap?.amount).toBe(1n);
  });

  it('reports the requested years; years before the plan are not judged', () => {
    const res = evaluate(
      dual('0.8'),
      [row('A', 2023, { dual_qualified_teachers: 1, full_time_teachers: 1 })],
      [],
      { from: 2023, to: 2024 },
    );
    expect(res.years).toEqual([2023, 2024]);
    expect(res.rules[0]!.years[0]!.reason?.code).toBe('engine/not-applicable');
  });
});

describe('streaming roll-up', () => {
  it('takes the latest quarter of a stock whatever order the rows come in', async () => {
    const { rollUp } = await import('../../src/engine/rollup.js');
    const rows = [
      row('A', 2027, { full_time_teachers: 100, training_person_times: 5 }, { quarter: 4 }),
      row('A', 2027, { full_time_teachers: 90, training_person_times: 7 }, { quarter: 2 }),
    ];
    const [iy] = rollUp(rows, dictionary);
    expect(iy!.values['full_time_teachers']).toBe(100n);
    expect(iy!.values['training_person_times']).toBe(12n);
    expect(iy!.quarters).toEqual([2, 4]);
    expect(iy!.partial).toBe(true);
    expect(iy!.rows).toBe(2);
  });
});

describe('draft rules without a metric', () => {
  it('are no_data in every year with the reason, never a crash', () => {
    const p = plan({ metric: null, target: { kind: 'compare', op: '>=', value: '1' } });
    const res = evaluate(p, [row('A', 2027, { full_time_teachers: 1 })]);
    expect(
      res.rules[0]!.years.every(
        (y) => y.status === 'no_data' && y.reason?.code === 'engine/unresolved-metric',
      ),
    ).toBe(true);
    expect(res.summary.requiredFailures).toBe(0);
  });
});
