import { stringify } from 'csv-stringify/sync';
import type { Lang } from '../diagnostics/types.js';
import type { InstitutionValue, PlanResult, RuleResult, RuleYearResult } from '../engine/types.js';
import { visible } from '../util/visible.js';
import {
  bindingLabel,
  cadenceLabel,
  gapText,
  plainValue,
  reasonText,
  ruleTitle,
  statusLabel,
  targetText,
  unitLabel,
  yesNo,
} from './display.js';
import type { Formatter } from './types.js';

const COLUMNS = {
  plan: { zh: '方案', en: 'plan' },
  rule: { zh: '规则', en: 'rule' },
  title: { zh: '名称', en: 'title' },
  year: { zh: '年份', en: 'year' },
  status: { zh: '状态', en: 'status' },
  actual: { zh: '实际值', en: 'actual' },
  unit: { zh: '单位', en: 'unit' },
  target: { zh: '目标', en: 'target' },
  numerator: { zh: '分子', en: 'numerator' },
  denominator: { zh: '分母', en: 'denominator' },
  gap: { zh: '差距', en: 'gap' },
  binding: { zh: '约束', en: 'binding' },
  partial: { zh: '部分季度', en: 'partial' },
  deadline: { zh: '期限', en: 'deadline' },
  cadence: { zh: '考核方式', en: 'cadence' },
  note: { zh: '说明', en: 'note' },
  institution: { zh: '院校代码', en: 'institution id' },
  institutionName: { zh: '院校名称', en: 'institution name' },
} as const;

type Column = keyof typeof COLUMNS;

/**
 * Neutralise a cell a spreadsheet would run as a formula (OWASP "CSV
 * injection"): a leading = + - @ tab or CR gets a single quote in front;
 * such cells are also always quoted (see `quoted_match`).
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function ruleRow(plan: PlanResult, rule: RuleResult, y: RuleYearResult, lang: Lang): Record<Column, string> {
  return {
    plan: visible(plan.plan.id),
    rule: visible(rule.ruleId),
    title: ruleTitle(rule, lang),
    year: String(y.year),
    status: statusLabel(y.status, lang),
    actual: y.actual ? plainValue(y.actual, rule.unit) : '',
    unit: unitLabel(rule.unit, lang),
    target: targetText(rule.target, rule.unit, lang),
    numerator: y.numerator?.toString() ?? '',
    denominator: y.denominator?.toString() ?? '',
    gap: y.gap ? gapText(y.gap, lang) : '',
    binding: bindingLabel(rule.binding, lang),
    partial: yesNo(y.partial, lang),
    deadline: String(rule.deadline),
    cadence: cadenceLabel(rule.cadence, lang),
    note: y.reason ? reasonText(y.reason, lang) : '',
    institution: '',
    institutionName: '',
  };
}

function institutionRow(
  base: Record<Column, string>,
  rule: RuleResult,
  v: InstitutionValue,
): Record<Column, string> {
  return {
    ...base,
    status: '',
    actual: v.value ? plainValue(v.value, rule.unit) : '',
    numerator: v.numerator?.toString() ?? '',
    denominator: v.denominator?.toString() ?? '',
    gap: '',
    note: '',
    institution: visible(v.institutionId),
    institutionName: visible(v.institutionName ?? ''),
  };
}

/**
 * Render the report as CSV: one row per plan × rule × year (with
 * --by-institution, each followed by one row per institution). Headers are in
 * the report language; a file gets a UTF-8 BOM so that Excel reads it right.
 */
export const format: Formatter = (model, opts) => {
  const { lang } = opts;
  const columns = (Object.keys(COLUMNS) as Column[]).filter(
    (c) => opts.byInstitution || (c !== 'institution' && c !== 'institutionName'),
  );
  const records: string[][] = [columns.map((c) => COLUMNS[c][lang])];
  for (const plan of model.plans) {
    for (const rule of plan.rules) {
      for (const y of rule.years) {
        const row = ruleRow(plan, rule, y, lang);
        records.push(columns.map((c) => neutralise(row[c])));
        if (!opts.byInstitution) continue;
        for (const v of y.breakdown) {
          const ir = institutionRow(row, rule, v);
          records.push(columns.map((c) => neutralise(ir[c])));
        }
      }
    }
  }
  return stringify(records, { bom: opts.toFile, quoted_match: /^'[=+\-@\t\r]/ });
};
