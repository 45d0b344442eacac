import type { Bilingual, Diagnostic } from '../diagnostics/types.js';
import type { Binding, Cadence, Target, Unit } from '../plan/types.js';
import type { Fraction } from '../util/fraction.js';

/**
 * Status of a rule in a year.
 * - pass / fail: judged (deadline year of a by-deadline rule, each year of every-year, each year after the first of increase)
 * - on_track / off_track: a by-deadline rule before its deadline, against the straight-line milestone
 * - exceeded: a range target above its max (not a failure)
 * - warning: an aspirational rule that fails
 * - no_data: nothing to judge (missing data, zero denominator, first year of an increase rule)
 */
export type Status = 'pass' | 'fail' | 'warning' | 'exceeded' | 'on_track' | 'off_track' | 'no_data';

/** The gap to the target in natural units (how many more numerator units, or the shortfall). */
export interface Gap {
  /** Whole units still needed (>= 1): more numerator units, or the shortfall of a count. */
  amount: bigint;
  /** `more` for targets from below (>=, ranges, increases), `fewer` for `<=` targets. */
  direction: 'more' | 'fewer';
  unit: Bilingual;
}

/** One institution's value of a rule's metric in a year. */
export interface InstitutionValue {
  institutionId: string;
  institutionName?: string;
  value: Fraction | null;
  numerator?: bigint;
  denominator?: bigint;
  /** When the metric's fields were counted from record-level files: how many records. */
  records?: number;
}

/** The result of one rule in one year. */
export interface RuleYearResult {
  ruleId: string;
  year: number;
  status: Status;
  /** Metric value; null when there is no data. */
  actual: Fraction | null;
  numerator: bigint | null;
  denominator: bigint | null;
  /** The value the year is judged against: the target, or the milestone before the deadline. */
  expected: Fraction | null;
  gap: Gap | null;
  /** True when a quarterly year lacks some quarters. */
  partial: boolean;
  /** Why there is no data, or how the status was reached (catalogue code + params). */
  reason?: { code: string; params: Record<string, string | number> };
  breakdown: InstitutionValue[];
  /** How many records (roster, destinations) the value was counted from, when any. */
  records?: number;
}

/** A rule with its results over the reported years. */
export interface RuleResult {
  ruleId: string;
  title: Bilingual;
  metric: string;
  metricTitle: Bilingual;
  unit: Unit;
  target: Target;
  deadline: number;
  cadence: Cadence;
  binding: Binding;
  quotes: string[];
  sections: string[];
  note?: string;
  years: RuleYearResult[];
}

/** Counts of the statuses across all rule-years reported. */
export interface Summary {
  pass: number;
  fail: number;
  warning: number;
  exceeded: number;
  onTrack: number;
  offTrack: number;
  noData: number;
  /** Required rule-years that failed: the exit code turns on this. */
  requiredFailures: number;
}

/** The evaluation of one plan over a submission. */
export interface PlanResult {
  plan: {
    id: string;
    title: Bilingual;
    issuer: string;
    documentNumber: string;
    issued: string;
    horizon: { from: number; to: number };
    district: string;
  };
  years: number[];
  rules: RuleResult[];
  summary: Summary;
  /** Notes of the engine (rows of other districts left out, partial years …). */
  diagnostics: Diagnostic[];
}
