import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { InstitutionValue, PlanResult, RuleResult, RuleYearResult } from '../engine/types.js';
import type { Target } from '../plan/types.js';
import { type Fraction, toNumber } from '../util/fraction.js';
import type { ReportModel, ReportOptions } from './types.js';

// The plain-object shape of a report (schemas/report.schema.json), shared by
// the JSON formatter and anything else that wants the report as data.

/** An integer as a JSON number when it is safe, else as its decimal string. */
export function jsonInteger(n: bigint): number | string {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(n)
    : n.toString();
}

/** Exact text of a fraction: "4/5", or "12" for an integer. */
export function exactText(f: Fraction): string {
  return f.d === 1n ? f.n.toString() : `${f.n}/${f.d}`;
}

function plainNumber(text: string): number | string {
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

function target(t: Target): Record<string, unknown> {
  switch (t.kind) {
    case 'compare':
      return { kind: 'compare', op: t.op, value: plainNumber(t.value) };
    case 'range':
      return { kind: 'range', min: plainNumber(t.min), max: plainNumber(t.max) };
    case 'increase':
      return { kind: 'increase' };
  }
}

function institution(v: InstitutionValue): Record<string, unknown> {
  return {
    institutionId: v.institutionId,
    ...(v.institutionName !== undefined ? { institutionName: v.institutionName } : {}),
    actual: v.value ? toNumber(v.value) : null,
    actualExact: v.value ? exactText(v.value) : null,
    numerator: v.numerator !== undefined ? jsonInteger(v.numerator) : null,
    denominator: v.denominator !== undefined ? jsonInteger(v.denominator) : null,
    ...(v.records !== undefined ? { records: v.records } : {}),
  };
}

function result(rule: RuleResult, y: RuleYearResult, opts: ReportOptions): Record<string, unknown> {
  return {
    ruleId: rule.ruleId,
    year: y.year,
    status: y.status,
    unit: rule.unit,
    actual: y.actual ? toNumber(y.actual) : null,
    actualExact: y.actual ? exactText(y.actual) : null,
    target: target(rule.target),
    expected: y.expected ? toNumber(y.expected) : null,
    expectedExact: y.expected ? exactText(y.expected) : null,
    numerator: y.numerator !== null ? jsonInteger(y.numerator) : null,
    denominator: y.denominator !== null ? jsonInteger(y.denominator) : null,
    gap: y.gap ? { amount: jsonInteger(y.gap.amount), direction: y.gap.direction, unit: y.gap.unit } : null,
    binding: rule.binding,
    partial: y.partial,
    ...(y.records !== undefined ? { records: y.records } : {}),
    ...(y.reason ? { reason: { code: y.reason.code, params: y.reason.params } } : {}),
    ...(opts.byInstitution ? { breakdown: y.breakdown.map(institution) } : {}),
  };
}

function params(p: Diagnostic['params']): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(p)) {
    if (v === undefined) continue;
    out[k] = typeof v === 'bigint' ? jsonInteger(v) : v;
  }
  return out;
}

/** A diagnostic as JSON, with its message rendered in a language. */
export function diagnosticJson(d: Diagnostic, lang: Lang): Record<string, unknown> {
  return {
    code: d.code,
    severity: d.severity,
    message: renderMessage(d, lang),
    ...(d.file !== undefined ? { file: d.file } : {}),
    ...(d.line !== undefined ? { line: d.line } : {}),
    ...(d.column !== undefined ? { column: d.column } : {}),
    ...(d.field !== undefined ? { field: d.field } : {}),
    ...(d.value !== undefined ? { value: d.value } : {}),
    params: params(d.params),
  };
}

/** One plan's report as a plain object, keys in a fixed order. */
export function planReport(
  model: ReportModel,
  plan: PlanResult,
  opts: ReportOptions,
): Record<string, unknown> {
  const p = plan.plan;
  return {
    plan: {
      id: p.id,
      title: p.title,
      documentNumber: p.documentNumber,
      issuer: p.issuer,
      issued: p.issued,
      horizon: p.horizon,
      district: p.district,
    },
    generatedAt: model.generatedAt,
    tool: model.tool,
    inputs: model.inputs.map((i) => ({
      path: i.path,
      sha256: i.sha256,
      encoding: i.encoding,
      rowsRead: i.rowsRead,
      rowsAccepted: i.rowsAccepted,
      rowsRejected: i.rowsRejected,
    })),
    years: plan.years,
    results: plan.rules.flatMap((rule) => rule.years.map((y) => result(rule, y, opts))),
    summary: {
      pass: plan.summary.pass,
      fail: plan.summary.fail,
      warning: plan.summary.warning,
      exceeded: plan.summary.exceeded,
      onTrack: plan.summary.onTrack,
      offTrack: plan.summary.offTrack,
      noData: plan.summary.noData,
      requiredFailures: plan.summary.requiredFailures,
    },
    diagnostics: [...model.diagnostics, ...plan.diagnostics].map((d) => diagnosticJson(d, opts.lang)),
  };
}
