import type { InstitutionYear } from './rollup.js';

/**
 * Normalise a district name for matching: trims, drops inner spaces and a
 * trailing 区/县, so that "永川区", "永川" and " 永川区 " match.
 */
export function districtKey(name: string): string {
  // thousands of institution-years name a few districts: each name is normalised once
  let k = districtKeys.get(name);
  if (k === undefined) {
    if (districtKeys.size >= 1024) districtKeys.clear(); // bounded, whatever the data
    k = name.replace(/\s+/g, '').replace(/[区县]$/u, '');
    districtKeys.set(name, k);
  }
  return k;
}

const districtKeys = new Map<string, string>();

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
  for (const r of rows) {
    if (r.district === undefined || r.district.trim() === '') noDistrict += r.rows;
    else if (districtKey(r.district) === key) inScope.push(r);
    else otherDistricts.set(r.district, (otherDistricts.get(r.district) ?? 0) + r.rows);
  }
  return { inScope, otherDistricts, noDistrict };
}
