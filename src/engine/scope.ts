import type { InstitutionYear } from './rollup.js';

/**
 * Normalise a district name for matching: trims, drops inner spaces and a
 * trailing 区/县, so that "永川区", "永川" and " 永川区 " match.
 */
export function districtKey(name: string): string {
  return name.replace(/\s+/g, '').replace(/[区县]$/u, '');
}

/** Institution-years split by whether they belong to a district. */
export interface Scoped {
  inScope: InstitutionYear[];
  /** Input rows of other districts, counted by district name. */
  otherDistricts: Map<string, number>;
  /** Input rows without a district. */
  noDistrict: number;
}

/** Keep the institution-years of one district; count the rows left out so it can be said once. */
export function scopeRows(rows: readonly InstitutionYear[], district: string): Scoped {
  const key = districtKey(district);
  const inScope: InstitutionYear[] = [];
  const otherDistricts = new Map<string, number>();
  let noDistrict = 0;
  // a district's key is worked out once (thousands of rows name a few districts)
  const keys = new Map<string, string>();
  const keyOf = (d: string) => {
    let k = keys.get(d);
    if (k === undefined) {
      k = districtKey(d);
      keys.set(d, k);
    }
    return k;
  };
  for (const r of rows) {
    if (r.district === undefined || r.district.trim() === '') noDistrict += r.rows;
    else if (keyOf(r.district) === key) inScope.push(r);
    else otherDistricts.set(r.district, (otherDistricts.get(r.district) ?? 0) + r.rows);
  }
  return { inScope, otherDistricts, noDistrict };
}
