import { join } from 'node:path';
import { diag, renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { cachedDictionary, cachedMetrics } from './builtin-cache.js';
import { explainSchemaErrors } from './explain.js';
import { CATALOGUE_DIR } from './paths.js';
import { readYamlFile } from './read.js';
import { closest } from './suggest.js';
import type { Dictionary, FieldDef, MetricCatalogue } from './types.js';
import { type SchemaKind, validateAgainst, validators } from './validators.js';
import type { NodeInfo, YamlValue } from './yaml.js';

let dictionary: Dictionary | undefined;
let metrics: MetricCatalogue | undefined;

/** A catalogue file read and checked against its schema. */
export interface CheckedFile {
  value: YamlValue | undefined;
  nodes: Map<string, NodeInfo>;
  diagnostics: Diagnostic[];
}

/** Read a YAML file and validate it against a schema; diagnostics carry positions. */
export function readChecked(path: string, display: string, kind: SchemaKind): CheckedFile {
  const y = readYamlFile(path, display);
  if (y.value === undefined) return y;
  const errors = validateAgainst(kind, y.value);
  const diagnostics = explainSchemaErrors(errors, {
    file: display,
    root: y.value,
    nodes: y.nodes,
    schema: validators[kind].schema,
  });
  return { value: y.value, nodes: y.nodes, diagnostics };
}

/** A deep copy into ordinary objects (keys were vetted by readYaml: no __proto__ and the like). */
export function toPlain<T>(v: YamlValue | undefined): T {
  if (Array.isArray(v)) return v.map((x) => toPlain(x)) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) out[k] = toPlain(v[k]);
    return out as T;
  }
  return v as T;
}

function failOnErrors(what: string, ds: Diagnostic[]): void {
  const errors = ds.filter((d) => d.severity === 'error');
  if (errors.length === 0) return;
  const lines = errors.map(
    (d) => `  ${d.file ?? ''}:${d.line ?? 0}:${d.column ?? 0} ${d.code} ${renderMessage(d, 'en')}`,
  );
  throw new Error(`the built-in ${what} is invalid (a bug of vet-check):\n${lines.join('\n')}`);
}

/** Check a dictionary's internal references: unique ids, constraints naming known fields. */
export function lintDictionary(
  dict: Dictionary,
  where: Record<'fields' | 'indicators', CheckedFile>,
  files: Record<'fields' | 'indicators', string>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, number>();
  const dup = (list: { id: string }[], key: 'fields' | 'indicators') => {
    list.forEach((item, i) => {
      const pos = where[key].nodes.get(`/${key}/${i}/id`)?.pos;
      const first = seen.get(item.id);
      if (first !== undefined) {
        out.push(diag('plan/duplicate-id', { id: item.id, firstLine: first }, { file: files[key], ...pos }));
      } else seen.set(item.id, pos?.line ?? 0);
    });
  };
  dup(dict.fields, 'fields');
  dup(dict.indicators, 'indicators');
  const ids = new Set(dict.fields.map((f) => f.id));
  dict.constraints.forEach((c, i) => {
    for (const side of ['left', 'right'] as const) {
      if (!ids.has(c[side])) {
        const pos = where.fields.nodes.get(`/constraints/${i}/${side}`)?.pos;
        out.push(
          diag(
            'plan/unknown-constraint-field',
            { constraint: c.id, field: c[side] },
            { file: files.fields, ...pos },
          ),
        );
      }
    }
  });
  (dict.records ?? []).forEach((r, i) => {
    const at = (path: string) => ({
      file: files.fields,
      ...where.fields.nodes.get(`/records/${i}/${path}`)?.pos,
    });
    const columns = new Map(r.columns.map((c) => [c.id, c]));
    if (!columns.has(r.key))
      out.push(diag('plan/unknown-field', { metric: r.id, field: r.key, hintEn: '', hintZh: '' }, at('key')));
    r.aggregates.forEach((a, j) => {
      const f = dict.fields.find((x) => x.id === a.field);
      if (!f)
        out.push(
          diag(
            'plan/unknown-field',
            { metric: r.id, field: a.field, hintEn: '', hintZh: '' },
            at(`aggregates/${j}/field`),
          ),
        );
      else if (f.type !== 'count')
        out.push(
          diag(
            'plan/field-type-mismatch',
            { metric: r.id, field: a.field, role: 'field', type: f.type, expected: 'count' },
            at(`aggregates/${j}/field`),
          ),
        );
      for (const [col, want] of Object.entries(a.where ?? {})) {
        const c = columns.get(col);
        const fits =
          c &&
          (typeof want === 'boolean'
            ? c.type === 'boolean'
            : c.type === 'enum' && want.every((v) => c.values?.includes(v)));
        if (!fits)
          out.push(
            diag(
              'plan/unknown-field',
              { metric: r.id, field: col, hintEn: '', hintZh: '' },
              at(`aggregates/${j}/where`),
            ),
          );
      }
    });
  });
  return out;
}

/** Check a metric catalogue against a dictionary: known fields and indicators of fitting types, unique ids. */
export function lintMetrics(
  cat: MetricCatalogue,
  dict: Dictionary,
  nodes: Map<string, NodeInfo>,
  file: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const fields = new Map<string, FieldDef>(dict.fields.map((f) => [f.id, f]));
  const indicators = new Set(dict.indicators.map((x) => x.id));
  const seen = new Map<string, number>();
  const hint = (word: string, list: Iterable<string>) => {
    const s = closest(word, [...list]);
    return { hintEn: s ? ` (did you mean “${s}”?)` : '', hintZh: s ? `（是否应为“${s}”？）` : '' };
  };
  cat.metrics.forEach((m, i) => {
    const at = (key: string) => ({ file, ...nodes.get(`/metrics/${i}/${key}`)?.pos });
    const first = seen.get(m.id);
    if (first !== undefined) out.push(diag('plan/duplicate-id', { id: m.id, firstLine: first }, at('id')));
    else seen.set(m.id, nodes.get(`/metrics/${i}/id`)?.pos.line ?? 0);
    const uses: [string, string, FieldDef['type'][]][] = [];
    if (m.kind === 'ratio')
      uses.push(
        ['numerator', m.numerator, ['count', 'money']],
        ['denominator', m.denominator, ['count', 'money']],
      );
    if (m.kind === 'sum') uses.push(['field', m.field, ['count', 'money']]);
    if (m.kind === 'share') uses.push(['flag', m.flag, ['boolean']]);
    for (const [role, id, types] of uses) {
      const f = fields.get(id);
      if (!f)
        out.push(
          diag('plan/unknown-field', { metric: m.id, field: id, ...hint(id, fields.keys()) }, at(role)),
        );
      else if (!types.includes(f.type)) {
        out.push(
          diag(
            'plan/field-type-mismatch',
            { metric: m.id, field: id, role, type: f.type, expected: types.join('/') },
            at(role),
          ),
        );
      }
    }
    if (m.kind === 'indicator' && !indicators.has(m.indicator)) {
      out.push(
        diag(
          'plan/unknown-indicator',
          { metric: m.id, indicator: m.indicator, ...hint(m.indicator, indicators) },
          at('indicator'),
        ),
      );
    }
    for (const key of Object.keys(m.where ?? {})) {
      const f = fields.get(key);
      if (f?.aggregation !== 'key') {
        out.push(
          diag(
            'plan/unknown-field',
            { metric: m.id, field: key, ...hint(key, fields.keys()) },
            { file, ...nodes.get(`/metrics/${i}/where/${key}`)?.key },
          ),
        );
      }
    }
  });
  return out;
}

/** The built-in data dictionary (fields.yaml + indicators.yaml), validated, loaded once (from dist/builtin.json when current); throws if it is broken. */
export function loadDictionary(): Dictionary {
  dictionary ??= cachedDictionary() ?? parseDictionary();
  return dictionary;
}

/** Parse, validate and lint the built-in dictionary's YAML (no cache); throws if it is broken. */
export function parseDictionary(): Dictionary {
  const files = { fields: 'plans/catalogue/fields.yaml', indicators: 'plans/catalogue/indicators.yaml' };
  const f = readChecked(join(CATALOGUE_DIR, 'fields.yaml'), files.fields, 'dictionary');
  const i = readChecked(join(CATALOGUE_DIR, 'indicators.yaml'), files.indicators, 'dictionary');
  failOnErrors('data dictionary', [...f.diagnostics, ...i.diagnostics]);
  const fv = toPlain<Partial<Dictionary>>(f.value);
  const iv = toPlain<Partial<Dictionary>>(i.value);
  const dict: Dictionary = {
    fields: (fv.fields ?? []).map((x) => ({ ...x, aliases: x.aliases ?? [] })),
    constraints: fv.constraints ?? [],
    indicators: (iv.indicators ?? []).map((x) => ({ ...x, aliases: x.aliases ?? [] })),
    records: (fv.records ?? []).map((r) => ({
      ...r,
      columns: r.columns.map((c) => ({ ...c, aliases: c.aliases ?? [] })),
    })),
  };
  failOnErrors('data dictionary', lintDictionary(dict, { fields: f, indicators: i }, files));
  return dict;
}

/** The built-in metric catalogue, validated against its schema and the dictionary, loaded once (from dist/builtin.json when current); throws if it is broken. */
export function loadMetrics(): MetricCatalogue {
  metrics ??= cachedMetrics() ?? parseMetrics(loadDictionary());
  return metrics;
}

/** Parse, validate and lint the built-in metric catalogue's YAML against a dictionary (no cache); throws if it is broken. */
export function parseMetrics(dict: Dictionary): MetricCatalogue {
  const file = 'plans/catalogue/metrics.yaml';
  const m = readChecked(join(CATALOGUE_DIR, 'metrics.yaml'), file, 'metrics');
  failOnErrors('metric catalogue', m.diagnostics);
  const cat = toPlain<MetricCatalogue>(m.value);
  failOnErrors('metric catalogue', lintMetrics(cat, dict, m.nodes, file));
  return cat;
}
