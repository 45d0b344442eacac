import { renderMessage } from '../../diagnostics/diagnostic.js';
import type { Lang } from '../../diagnostics/types.js';
import type { PlanResult, RuleResult, RuleYearResult, Status } from '../../engine/types.js';
import {
  bindingMarker,
  deadlineText,
  formatValue,
  gapText,
  planHeading,
  ruleTitle,
  STATUS_ORDER,
  statusLabel,
  summaryCount,
  targetText,
} from '../display.js';
import type { ReportModel } from '../types.js';
import { escapeHtml as e } from './escape.js';
import { t } from './labels.js';
import { ruleSection, statusHtml } from './rule.js';

/** Years as "2025–2027年" when consecutive, else listed. */
export function yearsText(years: number[], lang: Lang): string {
  if (years.length === 0) return '–';
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  const text =
    consecutive && years.length > 1 ? `${years[0]}–${years.at(-1)}` : years.join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh' ? `${text}年` : text;
}

/** A plan period: "2024–2027年" / "2024–2027". */
function periodText(from: number, to: number, lang: Lang): string {
  const text = from === to ? String(from) : `${from}–${to}`;
  return lang === 'zh' ? `${text}年` : text;
}

function cover(model: ReportModel, plan: PlanResult, lang: Lang): string {
  const p = plan.plan;
  const meta: [string, string][] = [
    [t('issuer', lang), p.issuer],
    [t('docNo', lang), p.documentNumber],
    [t('issued', lang), p.issued],
    [t('horizon', lang), periodText(p.horizon.from, p.horizon.to, lang)],
    [t('district', lang), p.district],
    [t('years', lang), yearsText(plan.years, lang)],
    [t('generated', lang), model.generatedAt],
    [t('tool', lang), `${model.tool.name} ${model.tool.version}`],
  ];
  const files = model.inputs.map(
    (i) =>
      `<tr><th scope="row">${e(i.path)}</th><td>${e(i.encoding)}</td><td class="hash">${e(i.sha256)}</td></tr>`,
  );
  return [
    '<header class="cover">',
    `<p class="kicker">${e(t('reportTitle', lang))}</p>`,
    `<h2>${e(p.title[lang])}</h2>`,
    `<p class="docno">${e(p.documentNumber)}</p>`,
    `<dl class="meta">${meta.map(([k, v]) => `<dt>${e(k)}</dt><dd>${e(v)}</dd>`).join('')}</dl>`,
    `<table class="files"><caption>${e(t('dataFiles', lang))}</caption><thead><tr>`,
    `<th scope="col">${e(t('file', lang))}</th><th scope="col">${e(t('encoding', lang))}</th><th scope="col">SHA-256</th>`,
    `</tr></thead><tbody>${files.join('')}</tbody></table>`,
    '</header>',
  ].join('\n');
}

interface Issue {
  rule: RuleResult;
  index: number;
  year: RuleYearResult;
}

function issues(plan: PlanResult, keep: (r: RuleResult, y: RuleYearResult) => boolean): Issue[] {
  return plan.rules.flatMap((rule, index) =>
    rule.years.filter((y) => keep(rule, y)).map((year) => ({ rule, index, year })),
  );
}

function issueList(title: string, list: Issue[], prefix: string, lang: Lang): string {
  const items = list.map(({ rule, index, year: y }) => {
    const parts = [
      `<a href="#${prefix}-r${index + 1}">${e(ruleTitle(rule, lang))}${e(bindingMarker(rule.binding, lang))}</a>`,
      lang === 'zh' ? `${y.year}年` : String(y.year),
      y.actual ? e(formatValue(y.actual, rule.unit, lang)) : e(statusLabel('no_data', lang)),
      `${e(t('target', lang))} ${e(targetText(rule.target, rule.unit, lang))}`,
    ];
    if (y.gap) parts.push(`<span class="gap">${e(gapText(y.gap, lang))}</span>`);
    return `<li>${parts.join(' · ')}</li>`;
  });
  const body =
    items.length > 0
      ? `<ul class="issues">${items.join('')}</ul>`
      : `<p class="none">${e(t('none', lang))}</p>`;
  return `<h4>${e(title)}</h4>${body}`;
}

function overview(plan: PlanResult, prefix: string, lang: Lang): string {
  const head = [t('rule', lang), t('target', lang), t('deadline', lang)];
  const rows = plan.rules.map((rule, i) => {
    const byYear = new Map(rule.years.map((y) => [y.year, y]));
    const cells = plan.years.map((year) => {
      const y = byYear.get(year);
      return y ? `<td class="st s-${y.status}">${statusHtml(y.status, lang)}</td>` : '<td></td>';
    });
    return (
      `<tr><th scope="row"><a href="#${prefix}-r${i + 1}">${e(ruleTitle(rule, lang))}${e(bindingMarker(rule.binding, lang))}</a></th>` +
      `<td>${e(targetText(rule.target, rule.unit, lang))}</td><td>${e(deadlineText(rule.deadline, lang))}</td>${cells.join('')}</tr>`
    );
  });
  return (
    `<table class="overview"><caption>${e(t('overview', lang))}</caption><thead><tr>` +
    [...head, ...plan.years.map(String)].map((h) => `<th scope="col">${e(h)}</th>`).join('') +
    `</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function summary(plan: PlanResult, prefix: string, lang: Lang): string {
  const tiles = STATUS_ORDER.map(
    (s: Status) =>
      `<li class="s-${s}"><span class="n">${summaryCount(plan.summary, s)}</span><span class="l">${statusHtml(s, lang)}</span></li>`,
  );
  return [
    `<section class="summary" id="${prefix}-summary">`,
    `<h3>${e(t('summary', lang))}</h3>`,
    `<ul class="tiles" aria-label="${e(t('statusCounts', lang))}">${tiles.join('')}</ul>`,
    issueList(
      t('failures', lang),
      issues(plan, (r, y) => y.status === 'fail' && r.binding === 'required'),
      prefix,
      lang,
    ),
    issueList(
      t('warnings', lang),
      issues(plan, (_, y) => y.status === 'warning'),
      prefix,
      lang,
    ),
    issueList(
      t('offTrack', lang),
      issues(plan, (_, y) => y.status === 'off_track'),
      prefix,
      lang,
    ),
    overview(plan, prefix, lang),
    '</section>',
  ].join('\n');
}

function notes(plan: PlanResult, lang: Lang): string {
  if (plan.diagnostics.length === 0) return '';
  const items = plan.diagnostics.map((d) => `<li>${e(renderMessage(d, lang))}</li>`);
  return `<section class="notes"><h3>${e(t('notes', lang))}</h3><ul>${items.join('')}</ul></section>`;
}

/** The report of one plan: cover, summary, one section per rule, the engine's notes. */
export async function planReport(
  model: ReportModel,
  plan: PlanResult,
  opts: { lang: Lang; byInstitution: boolean; prefix: string; first: boolean },
): Promise<string> {
  const { lang, prefix } = opts;
  const rules: string[] = [];
  for (const [i, rule] of plan.rules.entries()) {
    rules.push(
      await ruleSection(rule, { lang, byInstitution: opts.byInstitution, id: `${prefix}-r${i + 1}` }),
    );
  }
  return [
    `<section class="plan${opts.first ? ' first' : ''}" id="${prefix}" aria-label="${e(planHeading(plan.plan, lang))}">`,
    cover(model, plan, lang),
    summary(plan, prefix, lang),
    ...rules,
    notes(plan, lang),
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}
