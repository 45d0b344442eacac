import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { PlanResult, RuleResult, RuleYearResult } from '../engine/types.js';
import { visible } from '../util/visible.js';
import {
  bindingLabel,
  bindingMarker,
  cadenceLabel,
  deadlineText,
  expectedText,
  formatValue,
  gapText,
  institutionLabel,
  partialMarker,
  planHeading,
  reasonText,
  ruleTitle,
  statusLabel,
  statusSymbol,
  summaryText,
  targetText,
} from './display.js';
import type { Formatter, ReportModel } from './types.js';

/**
 * Escape text for Markdown: control characters made visible (so a newline
 * cannot end a table row), then every character that could start markup —
 * a table cell `|`, a link or image `[ ]`, HTML `< > &`, code `` ` ``,
 * emphasis `* _ ~`, a heading `#` — backslash-escaped (CommonMark lets any
 * ASCII punctuation be escaped).
 */
export function md(text: string): string {
  return visible(text).replace(/[\\`*_[\]<>|&~#]/g, '\\$&');
}

const L = {
  issuer: { zh: '发文机关', en: 'Issuer' },
  issued: { zh: '印发日期', en: 'Issued' },
  district: { zh: '区县', en: 'District' },
  years: { zh: '评估年份', en: 'Years' },
  generated: { zh: '生成时间', en: 'Generated' },
  inputs: { zh: '输入文件', en: 'Input files' },
  summary: { zh: '小结', en: 'Summary' },
  rule: { zh: '规则', en: 'Rule' },
  target: { zh: '目标', en: 'Target' },
  deadline: { zh: '期限', en: 'Deadline' },
  cadence: { zh: '考核方式', en: 'Cadence' },
  binding: { zh: '约束', en: 'Binding' },
  sections: { zh: '出处', en: 'Source' },
  year: { zh: '年份', en: 'Year' },
  status: { zh: '状态', en: 'Status' },
  actual: { zh: '实际值', en: 'Actual' },
  fraction: { zh: '分子/分母', en: 'Numerator/denominator' },
  detail: { zh: '差距或说明', en: 'Gap or note' },
  institution: { zh: '院校', en: 'Institution' },
  notes: { zh: '说明', en: 'Notes' },
  diagnostics: { zh: '诊断', en: 'Diagnostics' },
  rows: { zh: '行', en: 'rows' },
};

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: string[], rows: string[][]): string {
  return [row(head.map(md)), row(head.map(() => '---')), ...rows.map((r) => row(r.map(md)))].join('\n');
}

function statusCell(y: RuleYearResult, lang: Lang): string {
  return `${statusSymbol(y.status)} ${statusLabel(y.status, lang)}${y.partial ? partialMarker(lang) : ''}`;
}

function valueCell(rule: RuleResult, y: RuleYearResult | undefined, lang: Lang): string {
  if (!y) return '';
  const value = y.actual ? formatValue(y.actual, rule.unit, lang) : statusLabel('no_data', lang);
  return `${statusSymbol(y.status)} ${value}${y.partial ? ' *' : ''}`;
}

function detail(rule: RuleResult, y: RuleYearResult, lang: Lang): string {
  const parts: string[] = [];
  const expected = expectedText(rule, y, lang);
  if (expected) parts.push(expected);
  if (y.gap) parts.push(gapText(y.gap, lang));
  if (y.reason) parts.push(reasonText(y.reason, lang));
  return parts.join(lang === 'zh' ? '；' : '; ');
}

function diagnosticItem(d: Diagnostic, lang: Lang): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''} ` : '';
  return `- ${md(`${where}${d.severity} ${d.code}: ${renderMessage(d, lang)}`)}`;
}

function ruleSection(rule: RuleResult, lang: Lang, byInstitution: boolean): string {
  const out = [`### ${md(`${rule.ruleId} ${rule.title[lang]}`)}${md(bindingMarker(rule.binding, lang))}`, ''];
  for (const q of rule.quotes) out.push(`> ${md(q)}`, '');
  const sep = lang === 'zh' ? '：' : ': ';
  out.push(
    `- ${L.target[lang]}${sep}${md(targetText(rule.target, rule.unit, lang))}`,
    `- ${L.deadline[lang]}${sep}${md(deadlineText(rule.deadline, lang))}`,
    `- ${L.cadence[lang]}${sep}${md(cadenceLabel(rule.cadence, lang))}`,
    `- ${L.binding[lang]}${sep}${md(bindingLabel(rule.binding, lang))}`,
  );
  if (rule.sections.length > 0) out.push(`- ${L.sections[lang]}${sep}${rule.sections.map(md).join(', ')}`);
  if (rule.note) out.push(`- ${md(rule.note)}`);
  out.push(
    '',
    table(
      [L.year[lang], L.status[lang], L.actual[lang], L.fraction[lang], L.detail[lang]],
      rule.years.map((y) => [
        String(y.year),
        statusCell(y, lang),
        y.actual ? formatValue(y.actual, rule.unit, lang) : '',
        y.numerator !== null && y.denominator !== null ? `${y.numerator}/${y.denominator}` : '',
        detail(rule, y, lang),
      ]),
    ),
  );
  if (byInstitution) {
    for (const y of rule.years) {
      if (y.breakdown.length === 0) continue;
      out.push(
        '',
        `${L.institution[lang]} · ${y.year}`,
        '',
        table(
          [L.institution[lang], L.actual[lang], L.fraction[lang]],
          y.breakdown.map((v) => [
            institutionLabel(v),
            v.value ? formatValue(v.value, rule.unit, lang) : '-',
            v.numerator !== undefined && v.denominator !== undefined ? `${v.numerator}/${v.denominator}` : '',
          ]),
        ),
      );
    }
  }
  return out.join('\n');
}

function planSection(model: ReportModel, plan: PlanResult, lang: Lang, byInstitution: boolean): string {
  const p = plan.plan;
  const sep = lang === 'zh' ? '：' : ': ';
  const out = [
    `## ${md(planHeading(p, lang))}`,
    '',
    `- ${L.issuer[lang]}${sep}${md(p.issuer)}`,
    `- ${L.issued[lang]}${sep}${md(p.issued)}`,
    `- ${L.district[lang]}${sep}${md(p.district)}`,
    `- ${L.years[lang]}${sep}${plan.years.join(', ')}`,
    `- ${L.generated[lang]}${sep}${md(model.generatedAt)} (${md(model.tool.name)} ${md(model.tool.version)})`,
  ];
  for (const i of model.inputs) {
    out.push(
      `- ${L.inputs[lang]}${sep}${md(i.path)} (${md(i.encoding)}, sha256 ${md(i.sha256)}, ${i.rowsAccepted}/${i.rowsRead} ${L.rows[lang]})`,
    );
  }
  out.push('', `**${L.summary[lang]}**${sep}${md(summaryText(plan.summary, lang))}`, '');
  out.push(
    table(
      [L.rule[lang], L.target[lang], L.deadline[lang], ...plan.years.map(String)],
      plan.rules.map((rule) => {
        const byYear = new Map(rule.years.map((y) => [y.year, y]));
        return [
          `${rule.ruleId} ${ruleTitle(rule, lang)}${bindingMarker(rule.binding, lang)}`,
          targetText(rule.target, rule.unit, lang),
          deadlineText(rule.deadline, lang),
          ...plan.years.map((year) => valueCell(rule, byYear.get(year), lang)),
        ];
      }),
    ),
  );
  for (const rule of plan.rules) out.push('', ruleSection(rule, lang, byInstitution));
  if (plan.diagnostics.length > 0) {
    out.push('', `### ${L.notes[lang]}`, '', ...plan.diagnostics.map((d) => diagnosticItem(d, lang)));
  }
  return out.join('\n');
}

/** Render the report as GitHub-flavoured Markdown; every data string is escaped. */
export const format: Formatter = (model, opts) => {
  const { lang, byInstitution } = opts;
  const parts = [`# ${lang === 'zh' ? 'vet-check 目标达成报告' : 'vet-check target report'}`];
  for (const plan of model.plans) parts.push(planSection(model, plan, lang, byInstitution));
  if (model.diagnostics.length > 0) {
    parts.push(
      [`## ${L.diagnostics[lang]}`, '', ...model.diagnostics.map((d) => diagnosticItem(d, lang))].join('\n'),
    );
  }
  return `${parts.join('\n\n')}\n`;
};
