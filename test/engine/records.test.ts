import { describe, expect, it } from 'vitest';
import { evaluatePlan } from '../../src/engine/evaluate.js';
import { dictionary, metrics, plan, row } from './helpers.js';

// Rows counted from record-level files (a teacher roster) carry how many records they came from;
// the engine passes the count through to each institution's value and to the year's value.
describe('record counts behind a metric value', () => {
  const rosterRow = (id: string, dual: number, fullTime: number, records: number) => ({
    ...row(id, 2027, { dual_qualified_teachers: dual, full_time_teachers: fullTime }),
    records,
  });

  it('a ratio counted from rosters says how many records each institution and the region used', () => {
    const r = evaluatePlan({
      plan: plan({ metric: 'dual_ratio', target: { kind: 'compare', op: '>=', value: '0.8' } }),
      metrics,
      dictionary,
      rows: [rosterRow('001', 8, 10, 12), rosterRow('002', 4, 5, 7)],
      indicators: [],
    });
    const y = r.rules[0]!.years.find((x) => x.year === 2027)!;
    expect(y.status).toBe('pass'); // 12 / 15 = 0.8 exactly
    expect(y.records).toBe(19);
    expect(y.breakdown.map((b) => [b.institutionId, b.records])).toEqual([
      ['001', 12],
      ['002', 7],
    ]);
  });

  it('totals typed into a form carry no record count', () => {
    const r = evaluatePlan({
      plan: plan({ metric: 'dual_ratio', target: { kind: 'compare', op: '>=', value: '0.8' } }),
      metrics,
      dictionary,
      rows: [row('001', 2027, { dual_qualified_teachers: 8, full_time_teachers: 10 })],
      indicators: [],
    });
    const y = r.rules[0]!.years.find((x) => x.year === 2027)!;
    expect(y.records).toBeUndefined();
    expect(y.breakdown[0]!.records).toBeUndefined();
  });

  it('without the breakdown (breakdown: false) the value and the record count are the same', () => {
    const input = {
      plan: plan({
        metric: 'dual_ratio',
        target: { kind: 'compare' as const, op: '>=' as const, value: '0.8' },
      }),
      metrics,
      dictionary,
      rows: [rosterRow('001', 8, 10, 12), rosterRow('002', 3, 5, 7)],
      indicators: [],
    };
    const full = evaluatePlan(input).rules[0]!.years.find((x) => x.year === 2027)!;
    const lean = evaluatePlan({ ...input, breakdown: false }).rules[0]!.years.find((x) => x.year === 2027)!;
    expect(full.breakdown).toHaveLength(2);
    expect(lean.breakdown).toEqual([]);
    expect(lean.status).toBe('fail'); // 11 / 15 < 0.8
    expect({ ...lean, breakdown: full.breakdown }).toEqual(full);
    expect(lean.records).toBe(19);
  });
});
