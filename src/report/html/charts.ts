import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../../diagnostics/types.js';
import type { RuleResult, RuleYearResult, Status } from '../../engine/types.js';
import { type Fraction, frac, mul, parseDecimal, toNumber } from '../../util/fraction.js';
import { importPackage } from '../../util/import-package.js';
import { formatValue, statusLabel, targetText, unitLabel } from '../display.js';
import { escapeHtml } from './escape.js';
import { assertSafeSvg } from './svg-safe.js';

/** Colour of each status, shared by the charts' points and the page's badges. */
export const STATUS_COLOURS: Record<Status, string> = {
  pass: '#1a7f37',
  fail: '#cf222e',
  warning: '#9a6700',
  exceeded: '#8250df',
  on_track: '#2e8b57',
  off_track: '#d4560b',
  no_data: '#6e7781',
};

const HUNDRED = frac(100n);
const TEN_THOUSAND = frac(1n, 10000n);

/**
 * A value on the chart's axis: ratios in percent, CNY in 万元 in Chinese.
 * Floats here only place marks; every status was decided exactly upstream.
 */
function axisNumber(f: Fraction, rule: RuleResult, lang: Lang): number {
  if (rule.unit === 'ratio') return toNumber(mul(f, HUNDRED));
  if (rule.unit === 'CNY' && lang === 'zh') return toNumber(mul(f, TEN_THOUSAND));
  return toNumber(f);
}

function axisTitle(rule: RuleResult, lang: Lang): string {
  if (rule.unit === 'CNY' && lang === 'zh') return '万元';
  return unitLabel(rule.unit, lang);
}

/** The target's lower and upper values (either may be absent), as plan fractions. */
function targetBounds(rule: RuleResult): { line?: Fraction; min?: Fraction; max?: Fraction } {
  const t = rule.target;
  if (t.kind === 'compare') {
    const v = parseDecimal(t.value);
    return v ? { line: v } : {};
  }
  if (t.kind === 'range') {
    const min = parseDecimal(t.min);
    const max = parseDecimal(t.max);
    return min && max ? { min, max } : {};
  }
  return {};
}

/**
 * The value axis: every value, target and milestone with room around them,
 * never narrower than a tenth of the largest magnitude, so that 79.99% and
 * 80% do not look a chart apart. Ratios stay within 0–100%.
 */
export function yDomain(numbers: number[], percent: boolean): [number, number] {
  if (numbers.length === 0) return percent ? [0, 100] : [0, 1];
  let lo = Math.min(...numbers);
  let hi = Math.max(...numbers);
  const span = Math.max(hi - lo, Math.max(Math.abs(lo), Math.abs(hi)) / 10, 1);
  const pad = span * 0.15;
  const mid = (lo + hi) / 2;
  lo = Math.min(lo - pad, mid - span / 2 - pad);
  hi = Math.max(hi + pad, mid + span / 2 + pad);
  if (percent) [lo, hi] = [Math.max(lo, 0), Math.min(hi, 100)];
  if (lo < 0 && Math.min(...numbers) >= 0) lo = 0;
  return [lo, hi];
}

const isMilestoneYear = (y: RuleYearResult) =>
  (y.status === 'on_track' || y.status === 'off_track') && y.expected !== null;

/**
 * The Vega-Lite spec of a rule's chart: the value by year as a line with
 * points coloured by status, the target as a horizontal rule (a band for a
 * range), and the straight-line milestone as a dashed line running to the
 * target at the deadline. No data string of the plan or the submission goes
 * into the spec: only years, numbers and labels formatted by display.ts.
 */
export function chartSpec(rule: RuleResult, lang: Lang): TopLevelSpec {
  const years = rule.years.map((y) => y.year);
  const bounds = targetBounds(rule);
  const goal = bounds.line ?? bounds.min;

  const milestone = rule.years
    .filter(isMilestoneYear)
    .map((y) => ({ year: String(y.year), v: axisNumber(y.expected!, rule, lang) }));
  if (milestone.length > 0 && goal && rule.cadence === 'by-deadline') {
    if (!years.includes(rule.deadline)) years.push(rule.deadline);
    if (!milestone.some((m) => m.year === String(rule.deadline))) {
      milestone.push({ year: String(rule.deadline), v: axisNumber(goal, rule, lang) });
    }
  }
  const domain = [...new Set(years)].sort((a, b) => a - b).map(String);

  const values = rule.years
    .filter((y) => y.actual !== null)
    .map((y) => ({
      year: String(y.year),
      v: axisNumber(y.actual!, rule, lang),
      status: y.status,
      label: formatValue(y.actual!, rule.unit, lang),
    }));

  const all = [
    ...values.map((v) => v.v),
    ...milestone.map((m) => m.v),
    ...[bounds.line, bounds.min, bounds.max]
      .filter((f) => f !== undefined)
      .map((f) => axisNumber(f, rule, lang)),
  ];
  const x = {
    field: 'year',
    type: 'ordinal',
    scale: { domain },
    axis: { title: null, labelAngle: 0 },
  } as const;
  const yAxis =
    rule.unit === 'ratio'
      ? { title: null, format: '~f', labelExpr: "datum.label + '%'", tickCount: 5 }
      : { title: axisTitle(rule, lang), format: ',~f', tickCount: 5 };
  const y = {
    field: 'v',
    type: 'quantitative',
    scale: { domain: yDomain(all, rule.unit === 'ratio'), nice: true },
    axis: yAxis,
  } as const;

  const layer: unknown[] = [];
  if (bounds.min && bounds.max) {
    layer.push({
      data: { values: [{ lo: axisNumber(bounds.min, rule, lang), hi: axisNumber(bounds.max, rule, lang) }] },
      mark: { type: 'rect', color: '#1a7f37', opacity: 0.14 },
      encoding: { y: { ...y, field: 'lo' }, y2: { field: 'hi' } },
    });
  }
  if (bounds.line) {
    layer.push({
      data: { values: [{ v: axisNumber(bounds.line, rule, lang) }] },
      mark: { type: 'rule', color: '#1a7f37', strokeWidth: 2 },
      encoding: { y },
    });
  }
  if (milestone.length > 0) {
    layer.push({
      data: { values: milestone },
      mark: {
        type: 'line',
        color: '#57606a',
        strokeDash: [6, 4],
        strokeWidth: 1.5,
        point: { filled: false, size: 28 },
      },
      encoding: { x, y },
    });
  }
  if (values.length > 0) {
    layer.push({
      data: { values },
      layer: [
        { mark: { type: 'line', color: '#0b4f8a', strokeWidth: 2.5 }, encoding: { x, y } },
        {
          mark: { type: 'point', filled: true, size: 90, stroke: 'white', strokeWidth: 1.5, opacity: 1 },
          encoding: {
            x,
            y,
            color: {
              field: 'status',
              type: 'nominal',
              scale: { domain: Object.keys(STATUS_COLOURS), range: Object.values(STATUS_COLOURS) },
              legend: null,
            },
          },
        },
        {
          mark: { type: 'text', dy: -12, fontSize: 11, color: '#1f2328' },
          encoding: { x, y, text: { field: 'label' } },
        },
      ],
    });
  }
  if (layer.length === 0) {
    // nothing to draw: keep the axes so the figure still shows the years
    layer.push({
      data: { values: domain.map((year) => ({ year })) },
      mark: { type: 'tick', opacity: 0 },
      encoding: { x },
    });
  }

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 600,
    height: 200,
    background: 'white',
    padding: { left: 6, right: 16, top: 16, bottom: 6 },
    config: {
      aria: false,
      font: 'sans-serif',
      view: { stroke: null },
      axis: {
        labelFontSize: 11,
        titleFontSize: 11,
        titleFontWeight: 'normal',
        labelColor: '#424a53',
        titleColor: '#424a53',
        domainColor: '#8c959f',
        tickColor: '#8c959f',
        gridColor: '#eaeef2',
      },
      axisX: { grid: false },
    },
    layer,
  } as TopLevelSpec;
}

/** Title and description of a chart, for screen readers and the printed page. */
export function chartText(rule: RuleResult, lang: Lang): { title: string; desc: string } {
  const title = rule.title[lang];
  const target = targetText(rule.target, rule.unit, lang);
  const points = rule.years.map((y) => {
    const v = y.actual ? formatValue(y.actual, rule.unit, lang) : statusLabel('no_data', lang);
    const s = statusLabel(y.status, lang);
    return lang === 'zh' ? `${y.year}年 ${v}（${s}）` : `${y.year} ${v} (${s})`;
  });
  const milestone = rule.years.some(isMilestoneYear);
  const kind = rule.target.kind;
  if (lang === 'zh') {
    const goal =
      kind === 'increase'
        ? `目标为逐年递增`
        : kind === 'range'
          ? `浅绿色带为目标区间 ${target}`
          : `实线为目标 ${target}`;
    return {
      title: `${title}：实际值与目标`,
      desc: `折线为各年实际值：${points.join('，')}。${goal}，期限 ${rule.deadline}年。${milestone ? '虚线为到期限的直线进度目标。' : ''}`,
    };
  }
  const goal =
    kind === 'increase'
      ? 'The target is an increase every year'
      : kind === 'range'
        ? `The light green band is the target range ${target}`
        : `The solid rule is the target ${target}`;
  return {
    title: `${title}: values against the target`,
    desc: `The line shows the value by year: ${points.join(', ')}. ${goal}, deadline ${rule.deadline}.${milestone ? ' The dashed line is the straight-line milestone to the deadline.' : ''}`,
  };
}

type Libs = { vega: typeof import('vega'); vl: typeof import('vega-lite') };
let libs: Promise<Libs> | undefined;

/** Load Vega and Vega-Lite once, on first use: only the HTML format pays their start-up cost. */
function loadLibs(): Promise<Libs> {
  libs ??= Promise.all([importPackage<Libs['vega']>('vega'), importPackage<Libs['vl']>('vega-lite')]).then(
    ([vega, vl]) => ({ vega, vl }),
  );
  return libs;
}

const refuse = (uri: unknown) =>
  Promise.reject(new Error(`vet-check HTML charts load nothing (asked for ${String(uri)})`));

/** A Vega loader that refuses every file and URL: chart data is inline, the report reads nothing. */
const NO_LOADER = { load: refuse, sanitize: refuse, http: refuse, file: refuse };

/**
 * Render a Vega-Lite spec to a static SVG string without a browser, checked
 * to hold only inert SVG, with `role="img"` and a <title>/<desc> naming it.
 * `id` must be unique in the page (it labels the title and description).
 */
export async function renderChart(
  spec: TopLevelSpec,
  id: string,
  text: { title: string; desc: string },
): Promise<string> {
  const { vega, vl } = await loadLibs();
  const quiet = vega.logger(vega.None);
  const compiled = vl.compile(spec, { logger: quiet }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: NO_LOADER, logger: quiet });
  try {
    const svg = await view.toSVG();
    assertSafeSvg(svg);
    const t = `${id}-title`;
    const d = `${id}-desc`;
    return svg.replace(
      /^<svg\b([^>]*)>/,
      (_, attrs: string) =>
        `<svg${attrs} role="img" aria-labelledby="${t} ${d}"><title id="${t}">${escapeHtml(text.title)}</title><desc id="${d}">${escapeHtml(text.desc)}</desc>`,
    );
  } finally {
    view.finalize();
  }
}
