import type { Comparator, MetricDef } from '../plan/types.js';
import { type Fraction, frac, mul, sub } from '../util/fraction.js';
import { wholeUnits } from './judge.js';
import type { MetricValue } from './metrics.js';
import type { Gap } from './types.js';

/**
 * The gap to `expected` in the metric's natural units, or null when the value
 * already satisfies it. For a pooled ratio N/D against p/q: the numerator units
 * to add with the denominator unchanged, ⌈p·D/q − N⌉ (for `<=`: units fewer,
 * ⌈N − p·D/q⌉). For a share: institutions to add to the flagged ones. For sums
 * and indicators: the shortfall, in whole units. A ratio reported as an
 * indicator has no natural unit to count: no gap (value and target say it).
 */
export function gapTo(metric: MetricDef, mv: MetricValue, expected: Fraction, op: Comparator): Gap | null {
  if (mv.value === null) return null;
  const direction: Gap['direction'] = op === '<=' ? 'fewer' : 'more';
  let needed: Fraction;
  if (
    (metric.kind === 'ratio' || metric.kind === 'share') &&
    mv.numerator !== null &&
    mv.denominator !== null
  ) {
    const target = mul(expected, frac(mv.denominator));
    needed = direction === 'more' ? sub(target, frac(mv.numerator)) : sub(frac(mv.numerator), target);
  } else if ((metric.kind === 'sum' || metric.kind === 'indicator') && metric.unit !== 'ratio') {
    needed = direction === 'more' ? sub(expected, mv.value) : sub(mv.value, expected);
  } else {
    return null;
  }
  if (needed.n <= 0n) return null;
  return { amount: wholeUnits(needed), direction, unit: metric.gapUnit };
}
