// Turns a document's text into a draft plan: metadata, extracted targets,
// catalogue matches, rule ids, titles and notes. Pure.
import type { Bilingual, Diagnostic } from '../diagnostics/types.js';
import type { Binding, Cadence, Plan, Unit } from '../plan/types.js';
import { draftDiag } from './diag.js';
import { type Candidate, type DraftTarget, extractTargets } from './extract.js';
import { type MetricEntry, matchMetric, unitsCompatible } from './match.js';
import { type DocumentMeta, readMetadata } from './metadata.js';

/** One source of a drafted rule. */
export interface DraftSource {
  section: string;
  quote: string;
}

/** A drafted rule, in the shape of schemas/plan.schema.json (metric may be null). */
export interface DraftRule {
  id: string;
  title: Bilingual;
  source: DraftSource[];
  metric: string | null;
  target: DraftTarget;
  unit: Unit;
  deadline: number;
  cadence: Cadence;
  binding: Binding;
  note?: string;
  /** A YAML comment for the reader (where the deadline and binding came from, match score). */
  comment: string;
  /** The extracted targets this rule stands for. */
  candidates: Candidate[];
}

/** A drafted plan, in the shape of schemas/plan.schema.json: a plan's metadata with draft rules. */
export type DraftPlan = Omit<Plan, 'rules' | 'file'> & { rules: DraftRule[] };

/** Options of draftPlan. */
export interface DraftOptions {
  /** Plan id; default derived from the source file name. */
  id?: string;
  /** File name of the document, recorded as sourceDocument. */
  sourceDocument?: string;
  /** The metric catalogue as the matcher sees it; empty: every metric is null. */
  metrics: readonly MetricEntry[];
}

/** The draft, the targets it came from, and warnings (metadata not found, metrics unmatched). */
export interface DraftResult {
  plan: DraftPlan;
  candidates: Candidate[];
  meta: DocumentMeta;
  diagnostics: Diagnostic[];
}

/** Placeholders written where the text states nothing; they fail the schema on purpose. */
export const PLACEHOLDER = { text: 'TODO', date: 'TODO-YYYY-MM-DD' } as const;

/** A plan id from a file name: lower-case ASCII letters, digits and dashes. */
export function idFromFileName(name: string): string {
  const stem = name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  const slug = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return slug || 'draft';
}

function describe(t: DraftTarget, unit: Unit): string {
  const u = unit === 'ratio' ? '' : ` ${unit}`;
  const v = (x: string) => (unit === 'ratio' ? `${Number(x) * 100}%` : x);
  if ('trend' in t) return 'Rises every year';
  if ('min' in t) return `Between ${v(t.min)} and ${v(t.max)}${u}`;
  const word = t.op === '>=' ? 'At least' : t.op === '<=' ? 'At most' : 'Exactly';
  return `${word} ${v(t.value)}${u}`;
}

function sameTarget(a: DraftTarget, b: DraftTarget): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Draft a plan from a document's text. */
export function draftPlan(text: string, options: DraftOptions): DraftResult {
  const meta = readMetadata(text);
  const candidates = extractTargets(text);
  const diagnostics: Diagnostic[] = [];

  const years = candidates.map((c) => c.deadline).filter((y): y is number => y !== null);
  const issuedYear = meta.issued ? Number(meta.issued.slice(0, 4)) : null;
  const to =
    meta.horizon?.to ?? (years.length ? Math.max(...years) : (issuedYear ?? new Date().getFullYear()));
  const from = meta.horizon?.from ?? Math.min(issuedYear ?? to, to);

  const missing = (field: string, placeholder: string) =>
    diagnostics.push(draftDiag('draft/metadata-missing', { field, placeholder }, options.sourceDocument));
  if (!meta.title) missing('title', PLACEHOLDER.text);
  if (!meta.issuer) missing('issuer', PLACEHOLDER.text);
  if (!meta.documentNumber) missing('documentNumber', PLACEHOLDER.text);
  if (!meta.issued) missing('issued', PLACEHOLDER.date);
  if (!meta.district) missing('region.district', PLACEHOLDER.text);

  const rules: DraftRule[] = [];
  for (const c of candidates) {
    // 10所 counts schools even when the subject does not say so (中高职10所).
    const hint = c.unit === 'institutions' && !/[校院]/.test(c.subject) ? `${c.subject}院校` : c.subject;
    const m = matchMetric(hint, c.context, c.unit, options.metrics);
    const entry = m ? options.metrics.find((e) => e.id === m.id) : undefined;
    const unit = entry && unitsCompatible(c.unit, entry.unit) ? entry.unit : c.unit;
    const deadline = c.deadline ?? to;
    const metric = m?.id ?? null;
    const twin =
      metric &&
      rules.find(
        (r) =>
          r.metric === metric &&
          sameTarget(r.target, c.target) &&
          r.deadline === deadline &&
          r.binding === c.binding &&
          r.cadence === c.cadence &&
          !r.candidates.some((o) => o.start < c.end && c.start < o.end),
      );
    if (twin) {
      if (!twin.source.some((s) => s.quote === c.quote))
        twin.source.push({ section: c.section, quote: c.quote });
      twin.candidates.push(c);
      twin.comment += `\nalso stated in ${c.section}`;
      continue;
    }
    const notes = [...c.notes];
    if (!m) notes.push(`unresolved metric; suggested subject: ${c.subject || '(none)'}`);
    else if (m.alternatives.length)
      notes.push(`metric ${m.id} chosen; also close: ${m.alternatives.join(', ')}`);
    const comment = [
      `${c.section} · deadline ${deadline} (${c.deadlinePhrase ? `“${c.deadlinePhrase}”` : 'plan horizon'})` +
        ` · ${c.binding}${c.bindingWord ? ` (“${c.bindingWord}”)` : ''}`,
      m
        ? `metric matched on “${c.subject}” (score ${m.score.toFixed(2)})`
        : `metric: no catalogue match for “${c.subject}”`,
    ].join('\n');
    const rule: DraftRule = {
      id: '',
      title: {
        zh: c.quote.length > 80 ? `${c.quote.slice(0, 79)}…` : c.quote,
        en: `${describe(c.target, unit)} by ${deadline}${c.binding === 'aspirational' ? ' (aspirational)' : ''}`,
      },
      source: [{ section: c.section, quote: c.quote }],
      metric,
      target: c.target,
      unit,
      deadline,
      cadence: c.cadence,
      binding: c.binding,
      comment,
      candidates: [c],
    };
    if (notes.length) rule.note = notes.join('; ');
    rules.push(rule);
  }

  const used = new Set<string>();
  rules.forEach((r, i) => {
    const base = r.metric ? r.metric.replace(/_/g, '-') : `target-${String(i + 1).padStart(2, '0')}`;
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    r.id = id;
    if (!r.metric) {
      diagnostics.push(
        draftDiag(
          'draft/unresolved-metric',
          { rule: id, section: r.source[0]!.section, subject: r.candidates[0]!.subject },
          options.sourceDocument,
        ),
      );
    }
  });

  const id = options.id ?? idFromFileName(options.sourceDocument ?? 'draft');
  const plan: DraftPlan = {
    id,
    title: { zh: meta.title ?? PLACEHOLDER.text, en: `${PLACEHOLDER.text}: English title of ${id}` },
    issuer: meta.issuer ?? PLACEHOLDER.text,
    documentNumber: meta.documentNumber ?? PLACEHOLDER.text,
    issued: meta.issued ?? PLACEHOLDER.date,
    horizon: { from, to },
    region: { district: meta.district ?? PLACEHOLDER.text },
    rules,
  };
  if (options.sourceDocument) plan.sourceDocument = options.sourceDocument.replace(/^.*[\\/]/, '');
  return { plan, candidates, meta, diagnostics };
}
