import { diag } from '../diagnostics/diagnostic.js';
import type { Bilingual, Diagnostic, Params } from '../diagnostics/types.js';
import { closest } from './suggest.js';
import type { SchemaError } from './validators.js';
import type { NodeInfo, Pos, YamlValue } from './yaml.js';

/** What the explainer needs besides the errors. */
export interface ExplainContext {
  file: string;
  root: YamlValue;
  nodes: Map<string, NodeInfo>;
  schema: unknown;
  /** Instance paths already reported by an earlier check: their schema errors are dropped. */
  skip?: Set<string>;
}

const TYPE_WORDS: Record<string, Bilingual> = {
  string: { en: 'text', zh: '文本' },
  number: { en: 'a number', zh: '数字' },
  integer: { en: 'a whole number', zh: '整数' },
  object: { en: 'a mapping (“key: value” lines)', zh: '映射（“键: 值”形式）' },
  array: { en: 'a list (lines starting with “- ”)', zh: '列表（以“- ”开头的各行）' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  null: { en: 'empty', zh: '空值' },
};

const PATTERNS: Record<string, Bilingual> = {
  '^[a-z0-9][a-z0-9-]*$': {
    en: 'lower-case letters, digits and hyphens, starting with a letter or digit (e.g. dual-teacher-ratio)',
    zh: '小写字母、数字和连字符，并以字母或数字开头（如 dual-teacher-ratio）',
  },
  '^[a-z][a-z0-9_]*$': {
    en: 'lower-case letters, digits and underscores, starting with a letter (e.g. dual_qualified_teachers)',
    zh: '小写字母、数字和下划线，并以字母开头（如 dual_qualified_teachers）',
  },
  '^\\d{4}-\\d{2}-\\d{2}$': {
    en: 'a date written YYYY-MM-DD (e.g. 2024-12-27)',
    zh: '形如 YYYY-MM-DD 的日期（如 2024-12-27）',
  },
};

/** What each property is for, said when it is missing. */
const PROPERTIES: Record<string, Bilingual> = {
  id: { en: 'a short id such as dual-teacher-ratio', zh: '简短编号，如 dual-teacher-ratio' },
  title: { en: 'the title in both languages, { zh: …, en: … }', zh: '中英文标题，{ zh: …, en: … }' },
  label: { en: 'the label in both languages, { zh: …, en: … }', zh: '中英文名称，{ zh: …, en: … }' },
  gapUnit: {
    en: 'the unit of a gap in both languages, { zh: 名教师, en: teachers }',
    zh: '差距的计量单位（中英文），如 { zh: 名教师, en: teachers }',
  },
  zh: { en: 'the Chinese text', zh: '中文文本' },
  en: { en: 'the English text', zh: '英文文本' },
  issuer: { en: 'the issuing authority', zh: '发文机关' },
  documentNumber: { en: 'the document number (文号)', zh: '文号' },
  issued: { en: 'the issue date, YYYY-MM-DD', zh: '发文日期，YYYY-MM-DD' },
  horizon: {
    en: 'the years the plan covers, { from: 2024, to: 2027 }',
    zh: '规划期，{ from: 2024, to: 2027 }',
  },
  from: { en: 'the first year', zh: '起始年份' },
  to: { en: 'the last year', zh: '结束年份' },
  region: { en: 'the region, { district: … }', zh: '适用地区，{ district: … }' },
  district: { en: 'the district name', zh: '区县名称' },
  rules: { en: 'the list of rules', zh: '规则列表' },
  source: {
    en: 'where the rule comes from: a list of { section, quote }',
    zh: '规则出处：{ section, quote } 的列表',
  },
  section: { en: 'the section of the document', zh: '文件中的章节' },
  quote: { en: 'the clause, copied verbatim from the document', zh: '原文条款（逐字照录）' },
  metric: { en: 'the id of a metric in the catalogue', zh: '指标目录中的指标编号' },
  target: { en: 'the target, e.g. { op: ">=", value: 0.8 }', zh: '目标，如 { op: ">=", value: 0.8 }' },
  unit: { en: 'the unit (ratio, persons, institutions …)', zh: '单位（ratio、persons、institutions 等）' },
  deadline: { en: 'the year the target must be met', zh: '目标须达成的年份' },
  cadence: { en: 'by-deadline, every-year or increase', zh: 'by-deadline、every-year 或 increase' },
  binding: { en: 'required or aspirational (力争/争取)', zh: 'required 或 aspirational（力争/争取）' },
  op: { en: 'the comparison: >=, <= or ==', zh: '比较方式：>=、<= 或 ==' },
  value: { en: 'the target value', zh: '目标值' },
  min: { en: 'the lower end of the range', zh: '区间下限' },
  max: { en: 'the upper end of the range', zh: '区间上限' },
  trend: { en: '“increase”', zh: '“increase”' },
  metrics: { en: 'the list of metrics', zh: '指标列表' },
  kind: { en: 'ratio, sum, share or indicator', zh: 'ratio、sum、share 或 indicator' },
  numerator: { en: 'the field summed above the line', zh: '分子字段' },
  denominator: { en: 'the field summed below the line', zh: '分母字段' },
  field: { en: 'the field summed', zh: '求和的字段' },
  flag: { en: 'the yes/no field counted', zh: '计数的是/否字段' },
  indicator: { en: 'the region-level indicator read', zh: '读取的区域指标' },
  type: { en: 'the field type', zh: '字段类型' },
  aggregation: { en: 'stock, flow or key', zh: 'stock、flow 或 key' },
  left: { en: 'the field on the left', zh: '左侧字段' },
  right: { en: 'the field on the right', zh: '右侧字段' },
};

/** Split a JSON pointer into unescaped segments. */
export function pointerSegments(ptr: string): string[] {
  if (ptr === '') return [];
  return ptr
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** A readable path for a JSON pointer: `rules[dual-ratio].target.value`; list items by id, else by 1-based number. */
export function readablePath(ptr: string, root: YamlValue): string {
  let out = '';
  let cur: YamlValue | undefined = root;
  for (const seg of pointerSegments(ptr)) {
    if (Array.isArray(cur)) {
      const item: YamlValue | undefined = cur[Number(seg)];
      const id = item && typeof item === 'object' && !Array.isArray(item) ? item['id'] : undefined;
      out += typeof id === 'string' && id !== '' ? `[${id}]` : `[#${Number(seg) + 1}]`;
      cur = item;
    } else {
      out += out === '' ? seg : `.${seg}`;
      cur = cur && typeof cur === 'object' ? (cur as Record<string, YamlValue>)[seg] : undefined;
    }
  }
  return out === '' ? '(top level)' : out;
}

function valueAt(root: YamlValue, ptr: string): YamlValue | undefined {
  let cur: YamlValue | undefined = root;
  for (const seg of pointerSegments(ptr)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[Number(seg)] : Object.hasOwn(cur, seg) ? cur[seg] : undefined;
  }
  return cur;
}

/** The sub-schema a schemaPath (`#/definitions/rule/additionalProperties`) points into, resolved from the root schema. */
function schemaAt(schema: unknown, schemaPath: string): unknown {
  let cur = schema;
  for (const seg of schemaPath.replace(/^#\/?/, '').split('/')) {
    if (seg === '') continue;
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return cur;
}

function deref(root: unknown, s: unknown): Record<string, unknown> | undefined {
  let cur = s as Record<string, unknown> | undefined;
  for (let i = 0; i < 10 && cur && typeof cur['$ref'] === 'string' && cur['$ref'].startsWith('#/'); i++) {
    cur = schemaAt(root, cur['$ref']) as Record<string, unknown> | undefined;
  }
  return cur && typeof cur === 'object' ? cur : undefined;
}

/**
 * The keys allowed where an additionalProperties error occurred, found by
 * walking the schema along the instance path (AJV's schemaPath is relative to
 * whichever sub-schema was compiled as its own function).
 */
function allowedKeys(root: unknown, instancePath: string, schemaPath: string): string[] {
  let s = deref(root, root);
  for (const seg of pointerSegments(instancePath)) {
    const props = s?.['properties'] as Record<string, unknown> | undefined;
    if (props && Object.hasOwn(props, seg)) s = deref(root, props[seg]);
    else if (s?.['items']) s = deref(root, s['items']);
    else if (s?.['additionalProperties'] && typeof s['additionalProperties'] === 'object')
      s = deref(root, s['additionalProperties']);
    else return [];
  }
  const branch = /\/oneOf\/(\d+)\/additionalProperties$/.exec(schemaPath);
  if (branch && Array.isArray(s?.['oneOf'])) s = deref(root, (s['oneOf'] as unknown[])[Number(branch[1])]);
  const props = s?.['properties'] as Record<string, unknown> | undefined;
  return props ? Object.keys(props) : [];
}

function describeValue(v: YamlValue | undefined, info: NodeInfo | undefined): Bilingual {
  if (v === undefined || v === null || info?.empty) return { en: 'empty', zh: '空值' };
  if (typeof v === 'string') return { en: `the text “${clip(v)}”`, zh: `文本“${clip(v)}”` };
  if (typeof v === 'number') {
    const s = info?.source ?? String(v);
    return { en: `the number ${s}`, zh: `数字 ${s}` };
  }
  if (typeof v === 'boolean') return { en: `the value ${v}`, zh: `值 ${v}` };
  if (Array.isArray(v)) return { en: 'a list', zh: '列表' };
  return { en: 'a mapping', zh: '映射' };
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

/** Which branch of the target's oneOf the author evidently meant, from the keys present. */
function targetBranch(v: YamlValue | undefined): number | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const keys = Object.keys(v);
  const has = (k: string) => keys.includes(k);
  const branches = [has('op') || has('value'), has('min') || has('max'), has('trend')];
  const n = branches.filter(Boolean).length;
  return n === 1 ? branches.indexOf(true) : null;
}

/**
 * Turn AJV errors into diagnostics a policy analyst can act on: one sentence
 * each, at the offending node's position, de-duplicated and sorted.
 */
export function explainSchemaErrors(errors: SchemaError[], ctx: ExplainContext): Diagnostic[] {
  const out = new Map<string, Diagnostic>();
  const { root, nodes, file } = ctx;
  const posOf = (ptr: string, preferKey = false): Pos => {
    const info = nodes.get(ptr);
    if (info) {
      if ((preferKey || info.empty) && info.key) return info.key;
      return info.pos;
    }
    const parent = ptr.slice(0, ptr.lastIndexOf('/'));
    return ptr === '' ? { line: 1, column: 1 } : posOf(parent);
  };
  const emit = (code: string, params: Params, pos: Pos, ptr: string) => {
    const d = diag(code, params, { file, line: pos.line, column: pos.column, field: ptr || '/' });
    out.set(`${code}|${pos.line}|${pos.column}|${JSON.stringify(params)}`, d);
  };

  // oneOf on a rule's target: keep the errors of the branch the author meant, or say what a target looks like
  const oneOfPaths = new Map<string, number | null>();
  for (const e of errors) {
    if (e.keyword === 'oneOf' && /\/target\/oneOf$/.test(e.schemaPath)) {
      oneOfPaths.set(e.instancePath, targetBranch(valueAt(root, e.instancePath)));
    }
  }
  for (const e of errors) {
    if (ctx.skip?.has(e.instancePath)) continue;
    if (e.keyword === 'if') continue; // its `then` errors say what is wrong
    const owner = [...oneOfPaths.keys()].find(
      (p) =>
        (e.instancePath === p || e.instancePath.startsWith(`${p}/`)) &&
        e.schemaPath.includes('/target/oneOf'),
    );
    if (owner !== undefined) {
      const branch = oneOfPaths.get(owner);
      const inBranch = branch !== null && e.schemaPath.includes(`/target/oneOf/${branch}/`);
      if (!inBranch) {
        if (branch === null || branch === undefined) {
          emit('plan/bad-target', { where: readablePath(owner, root) }, posOf(owner), owner);
        }
        continue;
      }
    }
    explainOne(e, ctx, emit, posOf);
  }
  const misspelt = new Set<string>();
  for (const d of out.values()) {
    if (d.code === 'plan/unknown-property' && d.params['suggestion']) {
      misspelt.add(`${d.field?.slice(0, d.field.lastIndexOf('/'))}|${d.params['suggestion']}`);
    }
  }
  return [...out.values()].filter(
    (d) =>
      !(
        d.code === 'plan/missing-property' &&
        misspelt.has(`${d.field === '/' ? '' : d.field}|${d.params['property']}`)
      ),
  );
}

function explainOne(
  e: SchemaError,
  ctx: ExplainContext,
  emit: (code: string, params: Params, pos: Pos, ptr: string) => void,
  posOf: (ptr: string, preferKey?: boolean) => Pos,
): void {
  const { root, nodes } = ctx;
  const ptr = e.instancePath;
  const where = readablePath(ptr, root);
  const v = valueAt(root, ptr);
  const info = nodes.get(ptr);
  const p = e.params;
  switch (e.keyword) {
    case 'required': {
      const property = String(p['missingProperty']);
      const what = PROPERTIES[property] ?? { en: 'required', zh: '必填项' };
      emit(
        'plan/missing-property',
        { where, property, propertyEn: what.en, propertyZh: what.zh },
        posOf(ptr),
        ptr,
      );
      return;
    }
    case 'additionalProperties': {
      const property = String(p['additionalProperty']);
      const allowed = allowedKeys(ctx.schema, ptr, e.schemaPath);
      const suggestion = closest(property, allowed);
      const child = `${ptr}/${property.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      emit(
        'plan/unknown-property',
        {
          where,
          property,
          allowed: allowed.join(', '),
          suggestion: suggestion ?? '',
          hintEn: suggestion ? ` (did you mean “${suggestion}”?)` : '',
          hintZh: suggestion ? `（是否应为“${suggestion}”？）` : '',
        },
        posOf(child, true),
        child,
      );
      return;
    }
    case 'type': {
      const expected = String(p['type']).split(',')[0] ?? 'string';
      if (expected === 'string' && typeof v === 'number' && info?.plain && info.source) {
        emit('plan/number-as-text', { where, value: info.source }, posOf(ptr), ptr);
        return;
      }
      const exp = TYPE_WORDS[expected] ?? { en: expected, zh: expected };
      const act = describeValue(v, info);
      emit(
        'plan/wrong-type',
        { where, expectedEn: exp.en, expectedZh: exp.zh, actualEn: act.en, actualZh: act.zh },
        posOf(ptr),
        ptr,
      );
      return;
    }
    case 'enum':
    case 'const': {
      const allowed = (e.keyword === 'enum' ? (p['allowedValues'] as unknown[]) : [p['allowedValue']]).map(
        String,
      );
      const value = typeof v === 'string' ? v : (info?.source ?? JSON.stringify(v ?? null));
      const suggestion = closest(value, allowed);
      emit(
        'plan/bad-choice',
        {
          where,
          value,
          allowed: allowed.join(', '),
          hintEn: suggestion ? ` (did you mean “${suggestion}”?)` : '',
          hintZh: suggestion ? `（是否应为“${suggestion}”？）` : '',
        },
        posOf(ptr),
        ptr,
      );
      return;
    }
    case 'pattern': {
      const fmt = PATTERNS[String(p['pattern'])] ?? {
        en: `text matching ${p['pattern']}`,
        zh: `符合 ${p['pattern']} 的文本`,
      };
      emit(
        'plan/bad-format',
        { where, value: String(v), formatEn: fmt.en, formatZh: fmt.zh },
        posOf(ptr),
        ptr,
      );
      return;
    }
    case 'maxLength': {
      const limit = String(p['limit']);
      emit(
        'plan/bad-format',
        {
          where,
          value: clip(String(v)),
          formatEn: `at most ${limit} characters long`,
          formatZh: `不超过 ${limit} 个字符`,
        },
        posOf(ptr),
        ptr,
      );
      return;
    }
    case 'minLength':
    case 'minItems': {
      const unit: Bilingual =
        e.keyword === 'minItems' ? { en: 'item(s)', zh: '项' } : { en: 'character(s)', zh: '个字符' };
      emit(
        'plan/too-short',
        { where, limit: Number(p['limit']), unitEn: unit.en, unitZh: unit.zh },
        posOf(ptr),
        ptr,
      );
      return;
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const comparison = String(p['comparison']).replace('>=', '≥').replace('<=', '≤');
      emit(
        'plan/out-of-range',
        { where, value: info?.source ?? String(v), comparison, limit: String(p['limit']) },
        posOf(ptr),
        ptr,
      );
      return;
    }
    case 'oneOf':
      emit('plan/bad-target', { where }, posOf(ptr), ptr);
      return;
    default:
      emit('plan/schema', { where, detail: `${e.keyword}: ${e.message ?? ''}` }, posOf(ptr), ptr);
  }
}
