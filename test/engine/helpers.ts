import type { IndicatorRow, InstitutionRow, Value } from '../../src/data/types.js';
import type { Dictionary, MetricCatalogue, Plan, Rule } from '../../src/plan/types.js';
import { parseDecimal } from '../../src/util/fraction.js';

/** A small dictionary for engine tests (independent of the built-in catalogue's evolution). */
export const dictionary: Dictionary = {
  fields: [
    {
      id: 'full_time_teachers',
      label: { zh: '专任教师数', en: 'Full-time teachers' },
      aliases: [],
      type: 'count',
      aggregation: 'stock',
    },
    {
      id: 'dual_qualified_teachers',
      label: { zh: '双师型教师数', en: 'Dual' },
      aliases: [],
      type: 'count',
      aggregation: 'stock',
    },
    {
      id: 'training_person_times',
      label: { zh: '技能培训人次', en: 'Training' },
      aliases: [],
      type: 'count',
      aggregation: 'flow',
    },
    {
      id: 'conditions_compliant',
      label: { zh: '办学条件达标', en: 'Compliant' },
      aliases: [],
      type: 'boolean',
      aggregation: 'stock',
    },
  ],
  constraints: [],
  indicators: [
    {
      id: 'national_double_high',
      label: { zh: '国家双高', en: 'National double-high' },
      aliases: [],
      unit: 'institutions',
      aggregation: 'stock',
    },
  ],
};

export const metrics: MetricCatalogue = {
  metrics: [
    {
      id: 'dual_ratio',
      title: { zh: '双师型占比', en: 'Dual ratio' },
      kind: 'ratio',
      numerator: 'dual_qualified_teachers',
      denominator: 'full_time_teachers',
      unit: 'ratio',
      gapUnit: { zh: '名双师型教师', en: 'dual-qualified teachers' },
    },
    {
      id: 'training',
      title: { zh: '培训', en: 'Training' },
      kind: 'sum',
      field: 'training_person_times',
      unit: 'person-times',
      gapUnit: { zh: '人次', en: 'person-times' },
    },
    {
      id: 'compliant_share_secondary',
      title: { zh: '中职达标', en: 'Secondary compliant' },
      kind: 'share',
      flag: 'conditions_compliant',
      unit: 'ratio',
      where: { level: '中职' },
      gapUnit: { zh: '所学校', en: 'schools' },
    },
    {
      id: 'double_high',
      title: { zh: '双高', en: 'Double high' },
      kind: 'indicator',
      indicator: 'national_double_high',
      unit: 'institutions',
      gapUnit: { zh: '所', en: 'institutions' },
    },
  ],
};

let line = 1;
/** An institution row; values given as numbers become bigint counts, booleans stay. */
export function row(
  id: string,
  year: number,
  values: Record<string, number | boolean | string>,
  extra: Partial<Pick<InstitutionRow, 'quarter' | 'district' | 'level' | 'institutionName'>> = {},
): InstitutionRow {
  const v: Record<string, Value> = {};
  for (const [k, x] of Object.entries(values)) v[k] = typeof x === 'number' ? BigInt(x) : x;
  return {
    file: 'data.csv',
    line: ++line,
    institutionId: id,
    year,
    quarter: null,
    district: '永川区',
    values: v,
    ...extra,
  };
}

/** A region-level indicator row. */
export function indicator(name: string, year: number, value: string, district = '永川区'): IndicatorRow {
  return { file: 'ind.csv', line: ++line, district, year, indicator: name, value: parseDecimal(value)! };
}

/** A one-rule plan over 2024–2027 in 永川区. */
export function plan(rule: Partial<Rule> & Pick<Rule, 'metric' | 'target'>): Plan {
  return {
    id: 'test-plan',
    title: { zh: '测试方案', en: 'Test plan' },
    issuer: '测试',
    documentNumber: '测〔2024〕1号',
    issued: '2024-01-01',
    horizon: { from: 2024, to: 2027 },
    region: { district: '永川区' },
    file: 'test.yaml',
    rules: [
      {
        id: 'r1',
        title: { zh: '规则', en: 'Rule' },
        sources: [{ section: '一', quote: '引文' }],
        unit: 'ratio',
        deadline: 2027,
        cadence: 'by-deadline',
        binding: 'required',
        ...rule,
      },
    ],
  };
}
