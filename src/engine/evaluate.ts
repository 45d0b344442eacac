import type { IndicatorRow, InstitutionRow } from '../data/types.js';
import { diag } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Dictionary, MetricCatalogue, MetricDef, Plan, Rule } from '../plan/types.js';
import { cmp, type Fraction } from '../util/fraction.js';
import { gapTo } from './gap.js';
import { exactTarget, milestone, milestoneOp, satisfies, targetLevel } from './judge.js';
import { computeMetric, type MetricValue } from './metrics.js';
import { type InstitutionYear, rollUp } from './rollup.js';
import { districtKey, scopeRows } from './scope.js';
import type { PlanResult, RuleResult, RuleYearResult, Status, Summary } from './types.js';

/** What the engine needs: a validated plan, the catalogues and validated rows. */
export interface EvaluateInput {
  plan: Plan;
  metrics: MetricCatalogue;
  dictionary: Dictionary;
  /** Validated rows; or give `institutionYears` already rolled up (streaming callers). */
  rows?: readonly InstitutionRow[];
  institutionYears?: readonly InstitutionYear[];
  indicators: readonly IndicatorRow[];
  /** Years to report (inclusive); default: the plan's horizon. */
  years?: { from: number; to: number };
  /**
   * Keep each institution's value in `breakdown` (default true). A caller that
   * shows no breakdown passes false: with thousands of institutions it is most
   * of the result's memory.
   */
  breakdown?: boolean;
}

/** Evaluate every rule of a plan in every reported year. Pure: no I/O. */
export function evaluatePlan(input: EvaluateInput): PlanResult {
  const { plan, dictionary } = input;
  const diagnostics: Diagnostic[] = [];
  const all = input.institutionYears ?? rollUp(input.rows ?? [], dictionary);
  const scoped = scopeRows(all, plan.region.district);
  if (scoped.otherDistricts.size > 0) {
    const count = [...scoped.otherDistricts.values()].reduce((a, b) => a + b, 0);
    diagnostics.push(
      diag('engine/other-district-rows', {
        plan: plan.id,
        district: plan.region.district,
        count,
        districts: [...scoped.otherDistricts.keys()].join('、'),
      }),
    );
  }
  if (scoped.noDistrict > 0) diagnostics.push(diag('engine/no-district', { count: scoped.noDistrict }));
  const key = districtKey(plan.region.district);
  const indicators = input.indicators.filter((r) => districtKey(r.district) === key);
  const institutionYears = scoped.inScope;

  const from = input.years?.from ?? plan.horizon.from;
  const to = input.years?.to ?? plan.horizon.to;
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);

  const labels = new Map(dictionary.fields.map((f) => [f.id, f.label]));
  const fieldLabel = (id: string) => labels.get(id) ?? { zh: id, en: id };
  const metricsById = new Map(input.metrics.metrics.map((m) => [m.id, m]));
  const keep = input.breakdown !== false;
  // institution-years by year, and the years with any data, computed once for all rules
  const byYear = new Map<number, InstitutionYear[]>();
  for (const iy of institutionYears) {
    const list = byYear.get(iy.year);
    if (list) list.push(iy);
    else byYear.set(iy.year, [iy]);
  }
  const dataYears = [...new Set([...byYear.keys(), ...indicators.map((r) => r.year)])].sort((a, b) => a - b);

  const rules = plan.rules.map((rule) => {
    if (rule.metric === null) return unresolvedRule(rule, years);
    const metric = metricsById.get(rule.metric);
    if (!metric) throw new Error(`plan ${plan.id} rule ${rule.id}: unknown metric ${rule.metric}`);
    return evaluateRule(plan, rule, metric, years, byYear, dataYears, indicators, fieldLabel, keep);
  });
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      issuer: plan.issuer,
      documentNumber: plan.documentNumber,
      issued: plan.issued,
      horizon: plan.horizon,
      district: plan.region.district,
    },
    years,
    rules,
    summary: summarise(rules),
    diagnostics,
  };
}

/** Common fields of a rule's result. */
function ruleHead(rule: Rule): Omit<RuleResult, 'metric' | 'metricTitle' | 'years'> {
  const head: Omit<RuleResult, 'metric' | 'metricTitle' | 'years'> = {
    ruleId: rule.id,
    title: rule.title,
    unit: rule.unit,
    target: rule.target,
    deadline: rule.deadline,
    cadence: rule.cadence,
    binding: rule.binding,
    quotes: rule.sources.map((s) => s.quote),
    sections: rule.sources.map((s) => s.section),
  };
  if (rule.note !== undefined) head.note = rule.note;
  return head;
}

/** A draft rule without a metric: no data in every year, saying why. */
function unresolvedRule(rule: Rule, years: number[]): RuleResult {
  return {
    ...ruleHead(rule),
    metric: '',
    metricTitle: { zh: '（未指定指标）', en: '(no metric chosen)' },
    years: years.map((year) => ({
      ruleId: rule.id,
      year,
      status: 'no_data',
      actual: null,
      numerator: null,
      denominator: null,
      expected: null,
      gap: null,
      partial: false,
      reason: { code: 'engine/unresolved-metric', params: { rule: rule.id } },
      breakdown: [],
    })),
  };
}

function evaluateRule(
  plan: Plan,
  rule: Rule,
  metric: MetricDef,
  years: number[],
  byYear: ReadonlyMap<number, InstitutionYear[]>,
  dataYears: readonly number[],
  indicators: IndicatorRow[],
  fieldLabel: (id: string) => { zh: string; en: string },
  keepBreakdown: boolean,
): RuleResult {
  const memo = new Map<number, MetricValue>();
  const valueIn = (year: number): MetricValue => {
    let v = memo.get(year);
    if (!v) {
      v = computeMetric(metric, year, byYear.get(year) ?? [], indicators, fieldLabel, keepBreakdown);
      memo.set(year, v);
    }
    return v;
  };
  const baselineYear = dataYears.find((y) => y <= rule.deadline && valueIn(y).value !== null);

  const results = years.map((year) =>
    judgeYear(plan, rule, metric, year, valueIn, baselineYear === undefined ? null : baselineYear),
  );
  return { ...ruleHead(rule), metric: metric.id, metricTitle: metric.title, years: results };
}

function judgeYear(
  plan: Plan,
  rule: Rule,
  metric: MetricDef,
  year: number,
  valueIn: (year: number) => MetricValue,
  baselineYear: number | null,
): RuleYearResult {
  const mv = valueIn(year);
  const r: RuleYearResult = {
    ruleId: rule.id,
    year,
    status: 'no_data',
    actual: mv.value,
    numerator: mv.numerator,
    denominator: mv.denominator,
    expected: null,
    gap: null,
    partial: mv.partial,
    breakdown: mv.breakdown,
    ...(mv.records !== undefined ? { records: mv.records } : {}),
  };
  if (year < plan.horizon.from) {
    r.reason = { code: 'engine/not-applicable', params: { year, from: plan.horizon.from } };
    return r;
  }
  if (mv.value === null) {
    if (mv.reason) r.reason = mv.reason;
    return r;
  }
  const actual = mv.value;
  const target = exactTarget(rule.target);
  const miss = (): Status => (rule.binding === 'aspirational' ? 'warning' : 'fail');

  if (target.kind === 'increase' || rule.cadence === 'increase') {
    const prev = valueIn(year - 1).value;
    if (prev === null) {
      r.reason = { code: 'engine/first-year-of-trend', params: { previous: year - 1 } };
      return r;
    }
    r.expected = prev;
    if (cmp(actual, prev) > 0) r.status = 'pass';
    else {
      r.status = miss();
      // a strict increase of a count needs one unit above last year
      const step = metric.kind === 'sum' || metric.kind === 'indicator';
      r.gap = step ? gapTo(metric, mv, { n: prev.n + prev.d, d: prev.d }, '>=') : null;
    }
    return r;
  }

  const level = targetLevel(target)!;
  const judged = rule.cadence === 'every-year' || year >= rule.deadline;
  if (target.kind === 'range' && cmp(actual, target.max) > 0) {
    r.status = 'exceeded';
    r.expected = target.max;
    return r;
  }
  if (judged) {
    const op = target.kind === 'compare' ? target.op : '>=';
    r.expected = level;
    if (satisfies(actual, op, level)) r.status = 'pass';
    else {
      r.status = miss();
      r.gap = gapTo(metric, mv, level, op);
    }
    return r;
  }

  // before the deadline of a by-deadline rule: against the straight-line milestone
  const op = target.kind === 'compare' && target.op !== '==' ? target.op : '>=';
  const y0 = baselineYear ?? year;
  const v0 = valueIn(y0).value ?? actual;
  const m: Fraction = milestone(v0, y0, level, rule.deadline, year);
  const mop = milestoneOp(target, v0);
  r.expected = m;
  if (satisfies(actual, op, level)) {
    r.status = 'on_track'; // the target itself is already met
  } else if (year === y0) {
    r.status = 'on_track';
    r.reason = { code: 'engine/baseline-year', params: { year } };
  } else if (satisfies(actual, mop, m)) r.status = 'on_track';
  else {
    r.status = 'off_track';
    r.gap = gapTo(metric, mv, m, mop);
  }
  return r;
}

/** Count statuses over all rule-years. */
export function summarise(rules: readonly RuleResult[]): Summary {
  const s: Summary = {
    pass: 0,
    fail: 0,
    warning: 0,
    exceeded: 0,
    onTrack: 0,
    offTrack: 0,
    noData: 0,
    requiredFailures: 0,
  };
  for (const rule of rules) {
    for (const y of rule.years) {
      if (y.status === 'pass') s.pass++;
      else if (y.status === 'fail') {
        s.fail++;
        if (rule.binding === 'required') s.requiredFailures++;
      } else if (y.status === 'warning') s.warning++;
      else if (y.status === 'exceeded') s.exceeded++;
      else if (y.status === 'on_track') s.onTrack++;
      else if (y.status === 'off_track') s.offTrack++;
      else s.noData++;
    }
  }
  return s;
}
