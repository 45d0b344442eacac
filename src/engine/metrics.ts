import type { IndicatorRow, Value } from '../data/types.js';
import type { MetricDef } from '../plan/types.js';
import { add, type Fraction, frac } from '../util/fraction.js';
import type { InstitutionYear } from './rollup.js';
import type { InstitutionValue } from './types.js';

/** A metric's region value in one year, with how it was reached. */
export interface MetricValue {
  value: Fraction | null;
  /** Pooled numerator (ratio/share) or total (sum/indicator) when it is an integer. */
  numerator: bigint | null;
  denominator: bigint | null;
  /** Any contributing institution-year was partial. */
  partial: boolean;
  reason?: { code: string; params: Record<string, string | number> };
  breakdown: InstitutionValue[];
  /** Records the value was counted from (record-level inputs), when any. */
  records?: number;
}

function toFraction(v: Value | undefined): Fraction | null {
  if (typeof v === 'bigint') return frac(v);
  if (v !== null && typeof v === 'object') return v;
  return null;
}

/** A number a metric adds up: a count, or an exact fraction. */
function numeric(v: Value | undefined): v is bigint | Fraction {
  return typeof v === 'bigint' || (v !== null && typeof v === 'object');
}

/**
 * An exact running total: counts added as integers, fractions (rarer) as
 * fractions — no object per institution for the usual sum of counts.
 */
class Total {
  private counts = 0n;
  private rest: Fraction | null = null;

  add(v: bigint | Fraction): void {
    if (typeof v === 'bigint') this.counts += v;
    else this.rest = this.rest ? add(this.rest, v) : v;
  }

  get value(): Fraction {
    return this.rest ? add(frac(this.counts), this.rest) : frac(this.counts);
  }
}

function integer(f: Fraction): bigint | null {
  return f.d === 1n ? f.n : null;
}

/** True when an institution-year passes the metric's `where` filter on key fields. */
function matches(iy: InstitutionYear, where: Record<string, string> | undefined): boolean {
  if (!where) return true;
  for (const field in where) {
    const expected = where[field];
    const actual = field === 'level' ? iy.level : iy.values[field];
    if (actual === undefined || String(actual) !== expected) return false;
  }
  return true;
}

function noRows(year: number): MetricValue {
  return {
    value: null,
    numerator: null,
    denominator: null,
    partial: false,
    reason: { code: 'engine/no-rows', params: { year } },
    breakdown: [],
  };
}

function named(iy: InstitutionYear): Pick<InstitutionValue, 'institutionId' | 'institutionName'> {
  return iy.institutionName === undefined
    ? { institutionId: iy.institutionId }
    : { institutionId: iy.institutionId, institutionName: iy.institutionName };
}

/** The records an institution's value of these fields was counted from (the most of any field). */
function recordsOf(iy: InstitutionYear, fields: string[]): number | undefined {
  if (!iy.records) return undefined;
  let n: number | undefined;
  for (const f of fields) {
    const r = iy.records[f];
    if (r !== undefined) n = Math.max(n ?? 0, r);
  }
  return n;
}

/**
 * Compute a metric over the institution-years of one year (already scoped to
 * the plan's district) or from the indicator rows. Ratios are pooled: the sum
 * of numerators over the sum of denominators, over the institutions that
 * report both; never an average of institutions' ratios.
 */
export function computeMetric(
  metric: MetricDef,
  year: number,
  institutionYears: readonly InstitutionYear[],
  indicators: readonly IndicatorRow[],
  fieldLabel: (fieldId: string) => { zh: string; en: string },
  keepBreakdown = true,
): MetricValue {
  if (metric.kind === 'indicator') {
    const row = indicators.find((r) => r.year === year && r.indicator === metric.indicator);
    if (!row) return noRows(year);
    return {
      value: row.value,
      numerator: integer(row.value),
      denominator: null,
      partial: false,
      breakdown: [],
    };
  }
  // index loops, no filtered copy: a report's rules run once each, mostly before V8 has
  // optimised them, and unoptimised for…of allocates a result object per element
  const where = metric.where;
  const pool: InstitutionYear[] = [];
  for (let i = 0; i < institutionYears.length; i++) {
    const iy = institutionYears[i]!;
    if (iy.year === year && matches(iy, where)) pool.push(iy);
  }
  const breakdown: InstitutionValue[] = [];
  let partial = false;
  // records behind the value (record-level inputs), summed over institutions
  let records: number | undefined;
  const withRecords = (v: MetricValue): MetricValue => {
    if (records !== undefined) v.records = records;
    return v;
  };

  if (metric.kind === 'ratio') {
    const num = new Total();
    const den = new Total();
    let seen = 0;
    const fields = [metric.numerator, metric.denominator];
    for (let i = 0; i < pool.length; i++) {
      const iy = pool[i]!;
      const av = iy.values[metric.numerator];
      const bv = iy.values[metric.denominator];
      if (!numeric(av) || !numeric(bv)) continue;
      seen++;
      partial ||= iy.partial;
      num.add(av);
      den.add(bv);
      const rec = recordsOf(iy, fields);
      if (rec !== undefined) records = (records ?? 0) + rec;
      if (!keepBreakdown) continue;
      const a = toFraction(av)!;
      const b = toFraction(bv)!;
      const entry: InstitutionValue = { ...named(iy), value: b.n === 0n ? null : frac(a.n * b.d, a.d * b.n) };
      const ai = integer(a);
      const bi = integer(b);
      if (ai !== null) entry.numerator = ai;
      if (bi !== null) entry.denominator = bi;
      if (rec !== undefined) entry.records = rec;
      breakdown.push(entry);
    }
    if (seen === 0) return noRows(year);
    const n = num.value;
    const d = den.value;
    if (d.n === 0n) {
      return withRecords({
        value: null,
        numerator: integer(n),
        denominator: 0n,
        partial,
        reason: {
          code: 'engine/zero-denominator',
          params: {
            year,
            denominatorZh: fieldLabel(metric.denominator).zh,
            denominatorEn: fieldLabel(metric.denominator).en,
          },
        },
        breakdown,
      });
    }
    return withRecords({
      value: frac(n.n * d.d, n.d * d.n),
      numerator: integer(n),
      denominator: integer(d),
      partial,
      breakdown,
    });
  }

  if (metric.kind === 'sum') {
    const sum = new Total();
    let seen = 0;
    const fields = [metric.field];
    for (let i = 0; i < pool.length; i++) {
      const iy = pool[i]!;
      const raw = iy.values[metric.field];
      if (!numeric(raw)) continue;
      seen++;
      partial ||= iy.partial;
      sum.add(raw);
      const rec = recordsOf(iy, fields);
      if (rec !== undefined) records = (records ?? 0) + rec;
      if (!keepBreakdown) continue;
      const v = toFraction(raw)!;
      const entry: InstitutionValue = { ...named(iy), value: v };
      const vi = integer(v);
      if (vi !== null) entry.numerator = vi;
      if (rec !== undefined) entry.records = rec;
      breakdown.push(entry);
    }
    if (seen === 0) return noRows(year);
    const total = sum.value;
    return withRecords({ value: total, numerator: integer(total), denominator: null, partial, breakdown });
  }

  // share of institutions whose flag is true
  let yes = 0n;
  let all = 0n;
  for (let i = 0; i < pool.length; i++) {
    const iy = pool[i]!;
    const v = iy.values[metric.flag];
    if (typeof v !== 'boolean') continue;
    all++;
    partial ||= iy.partial;
    if (v) yes++;
    if (keepBreakdown)
      breakdown.push({ ...named(iy), value: frac(v ? 1 : 0), numerator: v ? 1n : 0n, denominator: 1n });
  }
  if (all === 0n) return noRows(year);
  return { value: frac(yes, all), numerator: yes, denominator: all, partial, breakdown };
}
