import type { Comparator, Target } from '../plan/types.js';
import { add, cmp, div, type Fraction, frac, mul, parseDecimal, sub } from '../util/fraction.js';

/** A target's values as exact fractions. */
export type ExactTarget =
  | { kind: 'compare'; op: Comparator; value: Fraction }
  | { kind: 'range'; min: Fraction; max: Fraction }
  | { kind: 'increase' };

function exact(text: string): Fraction {
  const f = parseDecimal(text);
  if (!f) throw new Error(`target value is not a plain decimal: ${text}`);
  return f;
}

/** Turn a plan target (decimal text) into exact fractions. */
export function exactTarget(t: Target): ExactTarget {
  if (t.kind === 'compare') return { kind: 'compare', op: t.op, value: exact(t.value) };
  if (t.kind === 'range') return { kind: 'range', min: exact(t.min), max: exact(t.max) };
  return t;
}

/** Does `actual` satisfy `op value`? Decided exactly. */
export function satisfies(actual: Fraction, op: Comparator, value: Fraction): boolean {
  const c = cmp(actual, value);
  return op === '>=' ? c >= 0 : op === '<=' ? c <= 0 : c === 0;
}

/** The value a target is reached at: the value itself, or a range's min. */
export function targetLevel(t: ExactTarget): Fraction | null {
  return t.kind === 'compare' ? t.value : t.kind === 'range' ? t.min : null;
}

/** The comparison a year before the deadline is judged by against the milestone. */
export function milestoneOp(t: ExactTarget, baseline: Fraction): Comparator {
  if (t.kind === 'compare' && t.op !== '==') return t.op;
  const level = targetLevel(t)!;
  return cmp(level, baseline) >= 0 ? '>=' : '<=';
}

/**
 * The straight-line milestone for `year`: from the baseline value in the
 * first year with data to the target level at the deadline,
 * v0 + (T − v0) × (year − y0) / (deadline − y0), exact.
 */
export function milestone(
  baseline: Fraction,
  y0: number,
  level: Fraction,
  deadline: number,
  year: number,
): Fraction {
  if (deadline <= y0) return level;
  const progress = frac(year - y0, deadline - y0);
  return add(baseline, mul(sub(level, baseline), progress));
}

/** Smallest whole number of units that closes `needed` (a positive fraction), at least 1. */
export function wholeUnits(needed: Fraction): bigint {
  const q = needed.n / needed.d;
  const whole = needed.n % needed.d === 0n ? q : q + 1n;
  return whole < 1n ? 1n : whole;
}

/** exact a / b helper re-exported for the engine. */
export { div };
