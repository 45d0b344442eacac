import { Chalk, type ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { PlanResult, RuleResult, RuleYearResult, Status } from '../engine/types.js';
import { visible } from '../util/visible.js';
import {
  bindingMarker,
  deadlineText,
  expectedText,
  formatValue,
  gapText,
  institutionLabel,
  planHeading,
  reasonText,
  ruleTitle,
  STATUS_ORDER,
  statusLabel,
  statusSymbol,
  summaryText,
  targetText,
} from './display.js';
import { charWidth, speedUpCliTable } from './table-speed.js';
import type { Formatter, ReportOptions } from './types.js';

speedUpCliTable();

const HEAD = {
  rule: { zh: '规则', en: 'Rule' },
  target: { zh: '目标', en: 'Target' },
  deadline: { zh: '期限', en: 'Deadline' },
  institution: { zh: '院校', en: 'Institution' },
};

// No colours from cli-table3 itself: its defaults would consult the environment.
const STYLE = { head: [], border: [] };

function paint(c: ChalkInstance, status: Status, text: string): string {
  switch (status) {
    case 'pass':
    case 'on_track':
      return c.green(text);
    case 'fail':
      return c.red(text);
    case 'warning':
    case 'off_track':
      return c.yellow(text);
    case 'exceeded':
      return c.magenta(text);
    case 'no_data':
      return c.gray(text);
  }
}

/** Why a year has no data, numbered beneath the table so that long sentences do not widen it. */
type Footnotes = string[];

function cell(
  c: ChalkInstance,
  rule: RuleResult,
  y: RuleYearResult | undefined,
  lang: Lang,
  notes: Footnotes,
): string {
  if (!y) return '';
  const value = y.actual ? formatValue(y.actual, rule.unit, lang) : statusLabel('no_data', lang);
  const lines = [paint(c, y.status, `${statusSymbol(y.status)} ${value}${y.partial ? ' *' : ''}`)];
  const expected = expectedText(rule, y, lang);
  if (expected && y.status !== 'on_track') lines.push(expected);
  if (y.gap) lines.push(gapText(y.gap, lang));
  if (y.status === 'no_data' && y.reason) {
    notes.push(
      `${visible(rule.ruleId)} ${y.year}${lang === 'zh' ? '：' : ': '}${reasonText(y.reason, lang)}`,
    );
    lines[0] += ` (${notes.length})`;
  }
  return lines.join('\n');
}

const RULE_WIDTH = 40;
const YEAR_WIDTH = 24;

/** Columns of a line as wrapColumns counts them: the sum of its characters' widths. */
function textWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let w = 0;
  for (const ch of text) w += charWidth(ch);
  return w;
}

/**
 * Break text into lines of at most `width` terminal columns (CJK counts 2),
 * at any character: cli-table3 only wraps at spaces, which Chinese has none of.
 */
function wrapColumns(text: string, width: number): string {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    // a coloured line is never split: breaking an escape sequence would garble the terminal
    if (para.includes('\u001b') || textWidth(para) <= width) {
      out.push(para);
      continue;
    }
    let line = '';
    let used = 0;
    for (const ch of para) {
      const w = charWidth(ch);
      if (used + w > width) {
        out.push(line);
        line = '';
        used = 0;
      }
      line += ch;
      used += w;
    }
    out.push(line);
  }
  return out.join('\n');
}

function ruleTable(c: ChalkInstance, plan: PlanResult, lang: Lang, notes: Footnotes): string {
  // long rule titles and gap sentences wrap, so the table fits a terminal of ~160 columns
  const table = new Table({
    head: [HEAD.rule[lang], HEAD.target[lang], HEAD.deadline[lang], ...plan.years.map(String)],
    style: STYLE,
    colWidths: [RULE_WIDTH, null, null, ...plan.years.map(() => YEAR_WIDTH)],
    wordWrap: true,
  });
  for (const rule of plan.rules) {
    const byYear = new Map(rule.years.map((y) => [y.year, y]));
    table.push([
      lang === 'zh'
        ? `${wrapColumns(visible(rule.ruleId), RULE_WIDTH - 2)}\n${wrapColumns(`${ruleTitle(rule, lang)}${bindingMarker(rule.binding, lang)}`, RULE_WIDTH - 2)}`
        : `${wrapColumns(visible(rule.ruleId), RULE_WIDTH - 2)}\n${ruleTitle(rule, lang)}${bindingMarker(rule.binding, lang)}`,
      targetText(rule.target, rule.unit, lang),
      deadlineText(rule.deadline, lang),
      ...plan.years.map((year) => {
        const text = cell(c, rule, byYear.get(year), lang, notes);
        return lang === 'zh' ? wrapColumns(text, YEAR_WIDTH - 2) : text;
      }),
    ]);
  }
  return table.toString();
}

const MISSES: ReadonlySet<Status> = new Set(['fail', 'warning', 'off_track', 'exceeded']);

function institutionTables(plan: PlanResult, lang: Lang): string[] {
  const out: string[] = [];
  for (const rule of plan.rules) {
    if (!rule.years.some((y) => MISSES.has(y.status))) continue;
    const rows = new Map<string, { label: string; values: Map<number, string> }>();
    for (const y of rule.years) {
      for (const v of y.breakdown) {
        const key = `${v.institutionId}\u0000${v.institutionName ?? ''}`;
        let row = rows.get(key);
        if (!row) {
          row = { label: institutionLabel(v), values: new Map() };
          rows.set(key, row);
        }
        row.values.set(y.year, v.value ? formatValue(v.value, rule.unit, lang) : '-');
      }
    }
    if (rows.size === 0) continue;
    const table = new Table({ head: [HEAD.institution[lang], ...plan.years.map(String)], style: STYLE });
    for (const row of rows.values())
      table.push([row.label, ...plan.years.map((y) => row.values.get(y) ?? '')]);
    const title = lang === 'zh' ? '各院校数值' : 'by institution';
    out.push(`${visible(rule.ruleId)} ${ruleTitle(rule, lang)} — ${title}\n${table.toString()}`);
  }
  return out;
}

function diagnosticLine(d: Diagnostic, lang: Lang): string {
  const where = d.file
    ? `${visible(d.file)}${d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : ''} `
    : '';
  return `  ${where}${d.severity} ${d.code}: ${renderMessage(d, lang)}`;
}

function planBlock(c: ChalkInstance, plan: PlanResult, opts: ReportOptions): string {
  const { lang } = opts;
  const p = plan.plan;
  const meta =
    lang === 'zh'
      ? `${visible(p.issuer)}，${p.issued}印发；${visible(p.district)}；${plan.years.join('、')}年`
      : `${visible(p.issuer)}, issued ${p.issued}; ${visible(p.district)}; years ${plan.years.join(', ')}`;
  const notes: Footnotes = [];
  const parts = [c.bold(planHeading(p, lang)), meta, ruleTable(c, plan, lang, notes)];
  for (const [i, note] of notes.entries()) parts.push(`(${i + 1}) ${note}`);
  parts.push(`${lang === 'zh' ? '小结：' : 'Summary: '}${summaryText(plan.summary, lang)}`);
  if (plan.diagnostics.length > 0) {
    parts.push(
      [lang === 'zh' ? '说明：' : 'Notes:', ...plan.diagnostics.map((d) => diagnosticLine(d, lang))].join(
        '\n',
      ),
    );
  }
  if (opts.byInstitution) parts.push(...institutionTables(plan, lang));
  return parts.join('\n');
}

/** Render the report as terminal tables: one per plan, rules × years. */
export const format: Formatter = (model, opts) => {
  const { lang } = opts;
  const c = new Chalk({ level: opts.colour ? 1 : 0 });
  const blocks = model.plans.map((plan) => planBlock(c, plan, opts));
  const legend = STATUS_ORDER.map((s) => `${statusSymbol(s)} ${statusLabel(s, lang)}`).join('  ');
  blocks.push(`${legend}  * ${lang === 'zh' ? '部分季度' : 'partial year'}`);
  if (model.diagnostics.length > 0) {
    blocks.push(
      [
        lang === 'zh' ? '诊断：' : 'Diagnostics:',
        ...model.diagnostics.map((d) => diagnosticLine(d, lang)),
      ].join('\n'),
    );
  }
  return `${blocks.join('\n\n')}\n`;
};
