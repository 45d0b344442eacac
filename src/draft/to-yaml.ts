// Writes a drafted plan as YAML in the layout of the hand-written plans, with
// comments that say where each rule's deadline, binding and metric came from.
import { Document, isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DraftPlan } from './build.js';

/** Options of planToYaml. */
export interface ToYamlOptions {
  /** Name of the document file, for the header comment. */
  source?: string;
}

function numberOf(decimal: string): number {
  return Number(decimal);
}

/** The plan as YAML text, ready to save as plans/<id>.yaml. */
export function planToYaml(plan: DraftPlan, options: ToYamlOptions = {}): string {
  const plain = {
    id: plan.id,
    title: plan.title,
    issuer: plan.issuer,
    documentNumber: plan.documentNumber,
    issued: plan.issued,
    horizon: plan.horizon,
    region: plan.region,
    ...(plan.sourceDocument ? { sourceDocument: plan.sourceDocument } : {}),
    rules: plan.rules.map((r) => ({
      id: r.id,
      title: r.title,
      source: r.source,
      metric: r.metric,
      target:
        'trend' in r.target
          ? r.target
          : 'min' in r.target
            ? { min: numberOf(r.target.min), max: numberOf(r.target.max) }
            : { op: r.target.op, value: numberOf(r.target.value) },
      unit: r.unit,
      deadline: r.deadline,
      cadence: r.cadence,
      binding: r.binding,
      ...(r.note ? { note: r.note } : {}),
    })),
  };
  const doc = new Document(plain);
  const unresolved = plan.rules.filter((r) => r.metric === null).length;
  doc.commentBefore = [
    ` Drafted by \`vet-check draft\`${options.source ? ` from ${options.source}` : ''}.`,
    ' A DRAFT: check every rule against the text before use. Quotes are exact substrings of the document;',
    ' English titles are mechanical; TODO marks what the text did not state.',
    ` ${plan.rules.length} rules, ${unresolved} with metric: null (no catalogue match; pick a metric or add one).`,
  ].join('\n');
  const root = doc.contents as YAMLMap;
  // Quoted so that YAML 1.1 readers do not turn it into a timestamp.
  const issued = root.get('issued', true);
  if (isScalar(issued)) issued.type = 'QUOTE_SINGLE';
  for (const key of ['title', 'horizon', 'region']) {
    const node = root.get(key, true);
    if (isMap(node)) node.flow = true;
  }
  const rules = root.get('rules', true) as unknown as YAMLSeq;
  rules.items.forEach((item, i) => {
    const rule = plan.rules[i]!;
    if (!isMap(item)) return;
    item.commentBefore = rule.comment
      .split('\n')
      .map((l) => ` ${l}`)
      .join('\n');
    if (i > 0) item.spaceBefore = true;
    for (const key of ['title', 'target']) {
      const n = item.get(key, true);
      if (isMap(n)) n.flow = true;
    }
    const src = item.get('source', true);
    if (isSeq(src)) for (const s of src.items) if (isMap(s)) s.flow = true;
  });
  return doc.toString({ lineWidth: 0, singleQuote: true });
}
