import { diag } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { cmp, parseDecimal } from '../util/fraction.js';
import { loadMetrics } from './catalogue.js';
import { describeTarget } from './format.js';
import { closest } from './suggest.js';
import type { MetricCatalogue, Plan, Rule, SourcePosition, Target } from './types.js';

/** Options of lintPlan. */
export interface LintOptions {
  /** The document's text: each quote must be an exact substring of it. */
  sourceText?: string;
  /** Name of the document file, for messages. */
  sourceFile?: string;
  /** The metric catalogue to check against (default: the built-in one). */
  metrics?: MetricCatalogue;
}

function sameTarget(a: Target, b: Target): boolean {
  const eq = (x: string, y: string) => {
    const fx = parseDecimal(x);
    const fy = parseDecimal(y);
    return fx && fy ? cmp(fx, fy) === 0 : x === y;
  };
  if (a.kind === 'compare' && b.kind === 'compare') return a.op === b.op && eq(a.value, b.value);
  if (a.kind === 'range' && b.kind === 'range') return eq(a.min, b.min) && eq(a.max, b.max);
  return a.kind === 'increase' && b.kind === 'increase';
}

/**
 * Semantic checks beyond the schema: known metrics with the same unit,
 * deadlines within the horizon, unique rule ids, ranges the right way round,
 * quotes found in the document text, and conflicting targets.
 */
export function lintPlan(plan: Plan, opts: LintOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const file = plan.file;
  const pos = (ptr: string): Partial<SourcePosition> => plan.positions?.get(ptr) ?? {};
  const at = (ptr: string) => ({ file, ...pos(ptr), field: ptr });
  const catalogue = opts.metrics ?? loadMetrics();
  const metricById = new Map(catalogue.metrics.map((m) => [m.id, m]));
  const { from, to } = plan.horizon;

  if (from > to) out.push(diag('plan/horizon-reversed', { from, to }, at('/horizon/from')));

  const firstById = new Map<string, number>();
  const byMetricYear = new Map<string, { rule: Rule; index: number }[]>();
  plan.rules.forEach((rule, i) => {
    const p = `/rules/${i}`;
    const first = firstById.get(rule.id);
    if (first !== undefined) {
      out.push(diag('plan/duplicate-rule-id', { rule: rule.id, firstLine: first }, at(`${p}/id`)));
    } else firstById.set(rule.id, pos(`${p}/id`).line ?? 0);

    const metric = rule.metric === null ? undefined : metricById.get(rule.metric);
    if (rule.metric === null) {
      out.push(diag('plan/unresolved-metric', { rule: rule.id }, at(`${p}/metric`)));
    } else if (!metric) {
      const s = closest(rule.metric, [...metricById.keys()]);
      out.push(
        diag(
          'plan/unknown-metric',
          {
            rule: rule.id,
            metric: rule.metric,
            hintEn: s ? ` (did you mean “${s}”?)` : '',
            hintZh: s ? `（是否应为“${s}”？）` : '',
          },
          at(`${p}/metric`),
        ),
      );
    } else if (metric.unit !== rule.unit) {
      out.push(
        diag(
          'plan/unit-mismatch',
          { rule: rule.id, unit: rule.unit, metric: metric.id, metricUnit: metric.unit },
          at(`${p}/unit`),
        ),
      );
    }

    if (from <= to && (rule.deadline < from || rule.deadline > to)) {
      out.push(
        diag(
          'plan/deadline-outside-horizon',
          { rule: rule.id, deadline: rule.deadline, from, to },
          at(`${p}/deadline`),
        ),
      );
    }

    if (rule.target.kind === 'range') {
      const min = parseDecimal(rule.target.min);
      const max = parseDecimal(rule.target.max);
      if (min && max && cmp(min, max) > 0) {
        out.push(
          diag(
            'plan/range-reversed',
            { rule: rule.id, min: rule.target.min, max: rule.target.max },
            at(`${p}/target/min`),
          ),
        );
      }
    }

    if (opts.sourceText !== undefined) {
      rule.sources.forEach((s, j) => {
        if (!opts.sourceText!.includes(s.quote)) {
          out.push(
            diag(
              'plan/quote-not-found',
              {
                rule: rule.id,
                quote: s.quote.length > 60 ? `${s.quote.slice(0, 60)}…` : s.quote,
                source: opts.sourceFile ?? '',
              },
              at(`${p}/source/${j}/quote`),
            ),
          );
        }
      });
    }

    if (rule.metric === null) return;
    const key = `${rule.metric}\u0000${rule.deadline}`;
    const group = byMetricYear.get(key) ?? [];
    group.push({ rule, index: i });
    byMetricYear.set(key, group);
  });

  for (const group of byMetricYear.values()) {
    group.forEach(({ rule, index }, k) => {
      const earlier = group.slice(0, k).find((g) => !sameTarget(g.rule.target, rule.target));
      if (!earlier) return;
      out.push(
        diag(
          'plan/conflicting-targets',
          {
            rule: rule.id,
            target: describeTarget(rule.target, rule.unit),
            otherRule: earlier.rule.id,
            otherLine: pos(`/rules/${earlier.index}/target`).line ?? 0,
            otherTarget: describeTarget(earlier.rule.target, earlier.rule.unit),
            metric: rule.metric,
            deadline: rule.deadline,
          },
          at(`/rules/${index}/target`),
        ),
      );
    });
  }
  return out;
}
