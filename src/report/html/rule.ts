import type { Lang } from '../../diagnostics/types.js';
import type { InstitutionValue, RuleResult, RuleYearResult, Status } from '../../engine/types.js';
import { cmp } from '../../util/fraction.js';
import {
  bindingLabel,
  bindingMarker,
  cadenceLabel,
  deadlineText,
  expectedText,
  formatExact,
  formatValue,
  gapText,
  institutionLabel,
  reasonText,
  ruleTitle,
  statusLabel,
  statusSymbol,
  targetText,
  yesNo,
} from '../display.js';
import { chartSpec, chartText, renderChart } from './charts.js';
import { escapeHtml as e } from './escape.js';
import { t } from './labels.js';

/** Statuses whose institutions are always listed: the reader needs to see who pulls the region down. */
const NEEDS_BREAKDOWN: ReadonlySet<Status> = new Set(['fail', 'warning', 'off_track']);

/** A status as a coloured label: "✘ 未达标". */
export function statusHtml(status: Status, lang: Lang): string {
  return `${statusSymbol(status)} ${e(statusLabel(status, lang))}`;
}

function fractionText(n: bigint | null | undefined, d: bigint | null | undefined): string {
  return n !== null && n !== undefined && d !== null && d !== undefined ? `${n}/${d}` : '';
}

function expectedCell(rule: RuleResult, y: RuleYearResult, lang: Lang): string {
  if (!y.expected) return '';
  return expectedText(rule, y, lang) ?? formatExact(y.expected, rule.unit, lang);
}

function gapCell(y: RuleYearResult, lang: Lang): string {
  const parts: string[] = [];
  if (y.gap) parts.push(`<span class="gap">${e(gapText(y.gap, lang))}</span>`);
  if (y.reason) parts.push(e(reasonText(y.reason, lang)));
  return parts.join('<br>');
}

function yearTable(rule: RuleResult, lang: Lang): string {
  const head = [
    t('year', lang),
    t('status', lang),
    t('value', lang),
    t('fraction', lang),
    t('expected', lang),
    t('gap', lang),
    t('partial', lang),
  ];
  const numeric = new Set([2, 3, 4]);
  const rows = rule.years.map(
    (y) =>
      `<tr><th scope="row">${y.year}</th>` +
      `<td class="st s-${y.status}">${statusHtml(y.status, lang)}</td>` +
      `<td class="num">${y.actual ? e(formatValue(y.actual, rule.unit, lang)) : ''}</td>` +
      `<td class="num">${fractionText(y.numerator, y.denominator)}</td>` +
      `<td class="num">${e(expectedCell(rule, y, lang))}</td>` +
      `<td>${gapCell(y, lang)}</td>` +
      `<td>${y.partial ? e(yesNo(true, lang)) : ''}</td></tr>`,
  );
  return (
    `<table class="years"><caption>${e(t('yearTable', lang))}</caption><thead><tr>` +
    head.map((h, i) => `<th scope="col"${numeric.has(i) ? ' class="num"' : ''}>${e(h)}</th>`).join('') +
    `</tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** Institutions worst first (lowest for a lower bound, highest for `<=`), those without a value last. */
function worstFirst(rule: RuleResult, values: InstitutionValue[]): InstitutionValue[] {
  const sign = rule.target.kind === 'compare' && rule.target.op === '<=' ? -1 : 1;
  return [...values].sort((a, b) => {
    if (!a.value || !b.value) return (a.value ? 0 : 1) - (b.value ? 0 : 1);
    return sign * cmp(a.value, b.value);
  });
}

function breakdownTable(rule: RuleResult, y: RuleYearResult, lang: Lang): string {
  const rows = worstFirst(rule, y.breakdown).map(
    (v) =>
      `<tr><th scope="row">${e(institutionLabel(v))}</th>` +
      `<td class="num">${v.value ? e(formatValue(v.value, rule.unit, lang)) : '–'}</td>` +
      `<td class="num">${fractionText(v.numerator, v.denominator)}</td></tr>`,
  );
  const caption = `${t('breakdown', lang)} · ${lang === 'zh' ? `${y.year}年` : y.year} · ${statusLabel(y.status, lang)}`;
  return (
    `<table class="breakdown"><caption>${e(caption)}</caption><thead><tr>` +
    `<th scope="col">${e(t('institution', lang))}</th><th scope="col" class="num">${e(t('value', lang))}</th>` +
    `<th scope="col" class="num">${e(t('fraction', lang))}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

function chartKey(rule: RuleResult, lang: Lang): string {
  const keys = [`<span class="key value"></span>${e(t('keyValue', lang))}`];
  if (rule.target.kind === 'compare') keys.push(`<span class="key target"></span>${e(t('keyTarget', lang))}`);
  if (rule.target.kind === 'range') keys.push(`<span class="key band"></span>${e(t('keyBand', lang))}`);
  if (rule.years.some((y) => y.status === 'on_track' || y.status === 'off_track')) {
    keys.push(`<span class="key milestone"></span>${e(t('keyMilestone', lang))}`);
  }
  return keys.join('');
}

function sources(rule: RuleResult): string {
  return rule.quotes
    .map((q, i) => {
      const section = rule.sections[i];
      return `<blockquote><p>${e(q)}</p>${section ? `<footer>${e(section)}</footer>` : ''}</blockquote>`;
    })
    .join('');
}

/** What a rule section needs besides the rule. */
export interface RuleContext {
  lang: Lang;
  byInstitution: boolean;
  /** Unique element id of the section; the chart's ids derive from it. */
  id: string;
}

/**
 * One rule: heading, the verbatim clauses, target and terms, the chart, the
 * table of years, and the institutions of every year that failed, missed an
 * aspirational target or fell off track (of every year with --by-institution).
 */
export async function ruleSection(rule: RuleResult, ctx: RuleContext): Promise<string> {
  const { lang, id } = ctx;
  const last = rule.years.at(-1);
  const meta: [string, string][] = [
    [t('target', lang), targetText(rule.target, rule.unit, lang)],
    [t('deadline', lang), deadlineText(rule.deadline, lang)],
    [t('cadence', lang), cadenceLabel(rule.cadence, lang)],
    [t('binding', lang), bindingLabel(rule.binding, lang)],
  ];
  const svg = await renderChart(chartSpec(rule, lang), `${id}-chart`, chartText(rule, lang));
  const breakdowns = rule.years
    .filter((y) => y.breakdown.length > 0 && (ctx.byInstitution || NEEDS_BREAKDOWN.has(y.status)))
    .map((y) => breakdownTable(rule, y, lang));
  const badge = last
    ? ` <span class="badge s-${last.status}">${statusHtml(last.status, lang)} ${last.year}</span>`
    : '';
  return [
    `<section class="rule" id="${id}" data-rule>`,
    `<h3>${e(ruleTitle(rule, lang))}${e(bindingMarker(rule.binding, lang))}<span class="id">${e(rule.ruleId)}</span>${badge}</h3>`,
    sources(rule),
    `<dl class="terms">${meta.map(([k, v]) => `<div><dt>${e(k)}</dt><dd>${e(v)}</dd></div>`).join('')}</dl>`,
    rule.note ? `<p class="note">${e(rule.note)}</p>` : '',
    `<figure class="chart">${svg}<figcaption>${chartKey(rule, lang)}</figcaption></figure>`,
    yearTable(rule, lang),
    ...breakdowns,
    '</section>',
  ]
    .filter(Boolean)
    .join('\n');
}
