import type { InstitutionRow, Value } from '../data/types.js';
import type { Aggregation, Dictionary } from '../plan/types.js';
import { add, type Fraction, frac } from '../util/fraction.js';
import { byCodeUnits } from '../util/order.js';

/** One institution's figures for one year, after quarterly roll-up. */
export interface InstitutionYear {
  institutionId: string;
  institutionName?: string;
  district?: string;
  level?: string;
  year: number;
  values: Record<string, Value>;
  /** Quarterly year with some of Q1–Q4 missing. */
  partial: boolean;
  /** Quarters present (empty for an annual row). */
  quarters: number[];
  /** How many input rows this institution-year was built from (records count one each). */
  rows: number;
  /** Per field counted from record-level files: how many records its value came from. */
  records?: Record<string, number>;
}

function asFraction(v: Value): Fraction | null {
  if (typeof v === 'bigint') return frac(v);
  if (typeof v === 'object') return v;
  return null;
}

/** Working state of one institution-year while rows stream in. */
interface Acc {
  iy: InstitutionYear;
  annual: Record<string, Value> | null;
  /** Values counted from records (validation keeps them apart from the totals' fields). */
  counted: Record<string, Value> | null;
  /** Per stock field, the quarter its current value came from (created on the first quarterly row). */
  stockQuarter: Record<string, number> | null;
  /** Quarters present, as bits 1–4 (a bitmask is a fraction of a Set's memory). */
  quarters: number;
}

/**
 * Rolls rows up to institution-years as they stream in, in memory that grows
 * with the number of institution-years, not rows. An annual row is taken as
 * it is. Quarterly rows: a flow field is the sum of the quarters that report
 * it; a stock field is its value in the latest quarter that reports it. A
 * year whose quarters are not all present is `partial`. (Validation rejects
 * annual and quarterly rows mixed for one institution-year; should both
 * reach here, the annual row wins.) A row counted from records (`records`
 * set) adds its fields to the year, beside any totals rows' other fields.
 */
export class RollUp {
  private readonly acc = new Map<string, Acc>();
  private readonly aggregation: Map<string, Aggregation>;

  constructor(dictionary: Dictionary) {
    this.aggregation = new Map(dictionary.fields.map((f) => [f.id, f.aggregation]));
  }

  /** Add one validated row. */
  add(r: InstitutionRow): void {
    const key = `${r.institutionId}\u0000${r.year}`;
    let a = this.acc.get(key);
    if (!a) {
      a = {
        iy: {
          institutionId: r.institutionId,
          year: r.year,
          values: {},
          partial: false,
          quarters: [],
          rows: 0,
        },
        annual: null,
        counted: null,
        stockQuarter: null,
        quarters: 0,
      };
      this.acc.set(key, a);
    }
    const iy = a.iy;
    if (r.institutionName) iy.institutionName = r.institutionName;
    if (r.district) iy.district = r.district;
    if (r.level) iy.level = r.level;
    if (r.records !== undefined) {
      iy.rows += r.records;
      a.counted ??= {};
      iy.records ??= {};
      const values = r.values;
      for (const field in values) {
        const v = values[field]!;
        const prev = a.counted[field];
        a.counted[field] = typeof prev === 'bigint' && typeof v === 'bigint' ? prev + v : v;
        iy.records[field] = (iy.records[field] ?? 0) + r.records;
      }
      return;
    }
    iy.rows++;
    if (r.quarter === null) {
      a.annual = { ...r.values };
      return;
    }
    a.quarters |= 1 << r.quarter;
    a.stockQuarter ??= Object.create(null) as Record<string, number>;
    const sq = a.stockQuarter;
    for (const [field, v] of Object.entries(r.values)) {
      const prev = iy.values[field];
      if (this.aggregation.get(field) === 'flow') {
        if (prev === undefined) iy.values[field] = v;
        else if (typeof prev === 'bigint' && typeof v === 'bigint') iy.values[field] = prev + v;
        else {
          const p = asFraction(prev);
          const c = asFraction(v);
          if (p && c) iy.values[field] = add(p, c);
        }
      } else if ((sq[field] ?? 0) <= r.quarter) {
        iy.values[field] = v;
        sq[field] = r.quarter;
      }
    }
  }

  /** The institution-years, sorted by year then institution. */
  result(): InstitutionYear[] {
    const out: InstitutionYear[] = [];
    for (const a of this.acc.values()) {
      const iy = { ...a.iy };
      if (a.annual) {
        iy.values = a.annual;
        iy.quarters = [];
        iy.partial = false;
      } else if (a.quarters !== 0) {
        iy.quarters = [1, 2, 3, 4].filter((q) => a.quarters & (1 << q));
        iy.partial = iy.quarters.length < 4;
      }
      // counted fields beside a totals row's; alone, the counts are the values
      if (a.counted) iy.values = a.annual || a.quarters ? { ...iy.values, ...a.counted } : a.counted;
      out.push(iy);
    }
    return out.sort((a, b) => a.year - b.year || byCodeUnits(a.institutionId, b.institutionId));
  }
}

/** Roll a list of rows up to institution-years (see RollUp). */
export function rollUp(rows: Iterable<InstitutionRow>, dictionary: Dictionary): InstitutionYear[] {
  const r = new RollUp(dictionary);
  for (const row of rows) r.add(row);
  return r.result();
}
