import { diag } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { explainSchemaErrors } from './explain.js';
import { type LintOptions, lintPlan } from './lint.js';
import { checkTargetNumbers } from './numbers.js';
import { readYamlFile } from './read.js';
import { builtinPlanIds, resolvePlanRef } from './refs.js';
import type { Plan, Rule, SourcePosition, Target } from './types.js';
import { validateAgainst, validators } from './validators.js';
import type { NodeInfo, YamlValue } from './yaml.js';

type Obj = { [key: string]: YamlValue };

function text(o: Obj, key: string): string {
  const v = o[key];
  return typeof v === 'string' ? v : '';
}

function bilingual(v: YamlValue | undefined): { zh: string; en: string } {
  const o = (v ?? {}) as Obj;
  return { zh: text(o, 'zh'), en: text(o, 'en') };
}

function numberText(nodes: Map<string, NodeInfo>, ptr: string, v: YamlValue | undefined): string {
  return nodes.get(ptr)?.source ?? String(v);
}

function toTarget(t: Obj, nodes: Map<string, NodeInfo>, ptr: string): Target {
  if ('trend' in t) return { kind: 'increase' };
  if ('min' in t) {
    return {
      kind: 'range',
      min: numberText(nodes, `${ptr}/min`, t['min']),
      max: numberText(nodes, `${ptr}/max`, t['max']),
    };
  }
  return {
    kind: 'compare',
    op: t['op'] as '>=' | '<=' | '==',
    value: numberText(nodes, `${ptr}/value`, t['value']),
  };
}

/** Build the normalized Plan from a schema-valid YAML value. */
export function normalizePlan(root: Obj, nodes: Map<string, NodeInfo>, file: string): Plan {
  const horizon = root['horizon'] as Obj;
  const region = root['region'] as Obj;
  const rules = (root['rules'] as Obj[]).map((r, i): Rule => {
    const rule: Rule = {
      id: text(r, 'id'),
      title: bilingual(r['title']),
      sources: (r['source'] as Obj[]).map((s) => ({ section: text(s, 'section'), quote: text(s, 'quote') })),
      metric: r['metric'] === null ? null : text(r, 'metric'),
      target: toTarget(r['target'] as Obj, nodes, `/rules/${i}/target`),
      unit: text(r, 'unit') as Rule['unit'],
      deadline: r['deadline'] as number,
      cadence: text(r, 'cadence') as Rule['cadence'],
      binding: text(r, 'binding') as Rule['binding'],
    };
    if (typeof r['note'] === 'string') rule.note = r['note'];
    return rule;
  });
  const positions = new Map<string, SourcePosition>();
  for (const [ptr, info] of nodes) positions.set(ptr, info.empty && info.key ? info.key : info.pos);
  const plan: Plan = {
    id: text(root, 'id'),
    title: bilingual(root['title']),
    issuer: text(root, 'issuer'),
    documentNumber: text(root, 'documentNumber'),
    issued: text(root, 'issued'),
    horizon: { from: horizon['from'] as number, to: horizon['to'] as number },
    region: { district: text(region, 'district') },
    rules,
    file,
    positions,
  };
  if (typeof root['sourceDocument'] === 'string') plan.sourceDocument = root['sourceDocument'];
  return plan;
}

/** Options of loadPlanFile: lint options, or `lint: false` to stop after the schema (a quick listing). */
export type LoadOptions = { sourceText?: string; sourceFile?: string; lint?: boolean };

/** Read, validate and lint a plan file; the plan is null when any error was found. */
export function loadPlanFile(
  path: string,
  display: string,
  opts: LoadOptions = {},
): { plan: Plan | null; diagnostics: Diagnostic[] } {
  const y = readYamlFile(path, display);
  if (y.value === undefined) return { plan: null, diagnostics: y.diagnostics };
  const numbers = checkTargetNumbers(y.value, y.nodes, display);
  const schema = explainSchemaErrors(validateAgainst('plan', y.value), {
    file: display,
    root: y.value,
    nodes: y.nodes,
    schema: validators.plan.schema,
    skip: numbers.reported,
  });
  const diagnostics = [...numbers.diagnostics, ...schema];
  if (schema.length > 0 || numbers.reported.size > 0) return { plan: null, diagnostics };
  const plan = normalizePlan(y.value as Obj, y.nodes, display);
  if (opts.lint !== false) {
    const lint: LintOptions = {};
    if (opts.sourceText !== undefined) lint.sourceText = opts.sourceText;
    if (opts.sourceFile !== undefined) lint.sourceFile = opts.sourceFile;
    diagnostics.push(...lintPlan(plan, lint));
  }
  return { plan: diagnostics.some((d) => d.severity === 'error') ? null : plan, diagnostics };
}

/**
 * Load a plan by built-in id (plans/<id>.yaml) or by a path to a user's plan
 * file from its YAML: read it safely, validate it against the schema, lint it.
 * The plan is null when there are errors; diagnostics carry file:line:column.
 * (getPlan in builtin.ts serves a built-in from dist/builtin.json first.)
 */
export function loadPlan(
  ref: string,
  cwd: string = process.cwd(),
): { plan: Plan | null; diagnostics: Diagnostic[] } {
  const target = resolvePlanRef(ref, cwd);
  if (!target) {
    return {
      plan: null,
      diagnostics: [diag('plan/not-found', { ref, builtins: builtinPlanIds().join(', ') || '—' })],
    };
  }
  return loadPlanFile(target.path, target.display);
}
