import type { InstitutionRow, Value } from '../data/types.js';
import type { Dictionary } from '../plan/types.js';
import { type Fraction, add, frac } from '../util/fraction.js';

/** One institution's figures for one year, after quarterly roll-up. */
export interface InstitutionYear {
  institutionId: string;
  institutionName?: string;
  level?: string;
  year: number;
  values: Record<string, Value>;
  /** Quarterly year with some of Q1–Q4 missing. */
  partial: boolean;
  /** Quarters present (empty for an annual row). */
  quarters: number[];
}

/** Key of an institution-year. */
const key = (id: string, year: number) => `${id}\u0000${year}`;

function asFraction(v: Value): Fraction | null {
  if (typeof v === 'bigint') return frac(v);
  if (typeof v === 'object') return v;
  return null;
}

/**
 * Roll rows up to institution-years. An annual row is taken as it is.
 * Quarterly rows: a flow field is the sum of the quarters that report it; a
 * stock field is its value in the latest quarter that reports it. A year
 * whose quarters are not all present is `partial`. (Mixed annual and
 * quarterly rows for one institution-year are rejected by validation; if
 * they reach here the annual row wins.)
 */
export function rollUp(rows: readonly InstitutionRow[], dictionary: Dictionary): InstitutionYear[] {
  const aggregation = new Map(dictionary.fields.map((f) => [f.id, f.aggregation]));
  const groups = new Map<string, InstitutionRow[]>();
  for (const r of rows) {
    const k = key(r.institutionId, r.year);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out: InstitutionYear[] = [];
  for (const group of groups.values()) {
    const first = group[0]!;
    const annual = group.find((r) => r.quarter === null);
    const base: InstitutionYear = {
      institutionId: first.institutionId,
      year: first.year,
      values: {},
      partial: false,
      quarters: [],
    };
    const named = [...group].reverse().find((r) => r.institutionName);
    if (named?.institutionName) base.institutionName = named.institutionName;
    const levelled = [...group].reverse().find((r) => r.level);
    if (levelled?.level) base.level = levelled.level;
    if (annual) {
      base.values = { ...annual.values };
      out.push(base);
      continue;
    }
    const quarters = [...group].sort((a, b) => (a.quarter ?? 0) - (b.quarter ?? 0));
    base.quarters = [...new Set(quarters.map((r) => r.quarter!))];
    base.partial = base.quarters.length < 4;
    const values: Record<string, Value> = {};
    for (const r of quarters) {
      for (const [field, v] of Object.entries(r.values)) {
        if (aggregation.get(field) === 'flow') {
          const prev = values[field];
          const a = asFraction(v);
          if (prev === undefined) values[field] = v;
          else if (typeof prev === 'bigint' && typeof v === 'bigint') values[field] = prev + v;
          else {
            const p = asFraction(prev);
            if (p && a) values[field] = add(p, a);
          }
        } else {
          values[field] = v; // stock: later quarters overwrite earlier ones
        }
      }
    }
    base.values = values;
    out.push(base);
  }
  return out.sort((a, b) => a.year - b.year || a.institutionId.localeCompare(b.institutionId));
}
