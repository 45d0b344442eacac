import { renderMessage } from '../diagnostics/diagnostic.js';
import type { Bilingual, Lang } from '../diagnostics/types.js';
import type {
  Gap,
  InstitutionValue,
  PlanResult,
  RuleResult,
  RuleYearResult,
  Status,
  Summary,
} from '../engine/types.js';
import type { Binding, Cadence, Target, Unit } from '../plan/types.js';
import {
  type Fraction,
  frac,
  mul,
  parseDecimal,
  toExactDecimal,
  toFixedTruncated,
} from '../util/fraction.js';
import { visible } from '../util/visible.js';

// The one place where report text is worded: every formatter calls these.

const STATUS_LABELS: Record<Status, Bilingual> = {
  pass: { zh: '达标', en: 'pass' },
  fail: { zh: '未达标', en: 'fail' },
  warning: { zh: '未达标（力争）', en: 'missed (aspirational)' },
  exceeded: { zh: '超出上限', en: 'above maximum' },
  on_track: { zh: '进度正常', en: 'on track' },
  off_track: { zh: '进度滞后', en: 'off track' },
  no_data: { zh: '无数据', en: 'no data' },
};

/**
 * One symbol per status; heavy marks for judged years, light marks for
 * milestones before a deadline. All are narrow (width 1) in every terminal.
 */
export const STATUS_SYMBOLS: Record<Status, string> = {
  pass: '✔',
  fail: '✘',
  warning: '!',
  exceeded: '^',
  on_track: '✓',
  off_track: '✗',
  no_data: '?',
};

/** Statuses in the order summaries and legends list them. */
export const STATUS_ORDER: Status[] = [
  'pass',
  'fail',
  'warning',
  'exceeded',
  'on_track',
  'off_track',
  'no_data',
];

/** Label of a status in a language (达标 / pass …). */
export function statusLabel(status: Status, lang: Lang): string {
  return STATUS_LABELS[status][lang];
}

/** Symbol of a status (✔ ✘ …). */
export function statusSymbol(status: Status): string {
  return STATUS_SYMBOLS[status];
}

/** Insert thousands separators in a decimal text: "-1234567.5" → "-1,234,567.5". */
export function groupThousands(text: string): string {
  const m = /^(-?)(\d+)(\.\d+)?$/.exec(text);
  if (!m) return text;
  return `${m[1]}${m[2]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${m[3] ?? ''}`;
}

/** Exact decimal text when it has at most `places` decimals, else truncated to 2 places. */
function decimalText(f: Fraction, places: number): string {
  const exact = toExactDecimal(f);
  if (exact !== null && (exact.split('.')[1]?.length ?? 0) <= places) return exact;
  return toFixedTruncated(f, 2);
}

const UNIT_WORDS: Record<Exclude<Unit, 'ratio' | 'CNY'>, { zh: string; en: string; en1: string }> = {
  persons: { zh: '人', en: 'persons', en1: 'person' },
  'person-times': { zh: '人次', en: 'person-times', en1: 'person-time' },
  institutions: { zh: '所', en: 'institutions', en1: 'institution' },
  items: { zh: '项', en: 'items', en1: 'item' },
  times: { zh: '次', en: 'times', en1: 'time' },
};

const HUNDRED = frac(100n);
const TEN_THOUSAND = frac(1n, 10000n);

function withUnit(number: string, unit: Unit, lang: Lang, one: boolean): string {
  if (unit === 'ratio') return `${number}%`;
  if (unit === 'CNY') return lang === 'zh' ? `${number} 万元` : `${number} CNY`;
  const w = UNIT_WORDS[unit];
  return `${number} ${lang === 'zh' ? w.zh : one ? w.en1 : w.en}`;
}

function number(f: Fraction, unit: Unit, lang: Lang, exact: boolean): string {
  if (unit === 'ratio') {
    const pct = mul(f, HUNDRED);
    return exact ? decimalText(pct, 4) : toFixedTruncated(pct, 2);
  }
  if (unit === 'CNY' && lang === 'zh') return groupThousands(decimalText(mul(f, TEN_THOUSAND), 6));
  return groupThousands(decimalText(f, 2));
}

/**
 * A measured value in its unit. Ratios print as percent with two decimals
 * truncated toward zero, so 79.995% prints 79.99% and can never pass for
 * 80.00%; counts get thousands separators; CNY prints in 万元 in Chinese.
 */
export function formatValue(f: Fraction, unit: Unit, lang: Lang): string {
  return withUnit(number(f, unit, lang, false), unit, lang, f.n === f.d);
}

/** A target or milestone value, exact when it has a short decimal form (80%, 80.5%). */
export function formatExact(f: Fraction, unit: Unit, lang: Lang): string {
  return withUnit(number(f, unit, lang, true), unit, lang, f.n === f.d);
}

/** A value given as plan decimal text ("0.8"); unparseable text is shown as is, made visible. */
function planValue(text: string, unit: Unit, lang: Lang): string {
  const f = parseDecimal(text);
  return f ? formatExact(f, unit, lang) : visible(text);
}

const OPS = { '>=': '≥', '<=': '≤', '==': '=' } as const;

/** The target as text: `≥ 80%`, `2–3 所`, `逐年递增`. */
export function targetText(target: Target, unit: Unit, lang: Lang): string {
  switch (target.kind) {
    case 'compare':
      return `${OPS[target.op]} ${planValue(target.value, unit, lang)}`;
    case 'range': {
      const min = parseDecimal(target.min);
      const max = parseDecimal(target.max);
      if (!min || !max) return `${visible(target.min)}–${visible(target.max)}`;
      if (unit === 'ratio') return `${formatExact(min, unit, lang)}–${formatExact(max, unit, lang)}`;
      // "2–3 所": the unit once, after the range
      return `${number(min, unit, lang, true)}–${withUnit(number(max, unit, lang, true), unit, lang, false)}`;
    }
    case 'increase':
      return lang === 'zh' ? '逐年递增' : 'increasing';
  }
}

/**
 * The gap as a sentence: "还需 12 名双师型教师" / "12 more dual-qualified
 * teachers needed"; "需减少 …" / "… fewer … needed" for an upper bound.
 */
export function gapText(gap: Gap, lang: Lang): string {
  const amount = groupThousands(gap.amount.toString());
  const unit = visible(gap.unit[lang]);
  if (gap.direction === 'fewer')
    return lang === 'zh' ? `需减少 ${amount} ${unit}` : `${amount} fewer ${unit} needed`;
  return lang === 'zh' ? `还需 ${amount} ${unit}` : `${amount} more ${unit} needed`;
}

/** What a year was judged against: "目标 ≥ 80%" for judged years, "进度目标 76%" before a deadline, "上限 3 所" when exceeded. */
export function expectedText(rule: RuleResult, y: RuleYearResult, lang: Lang): string | null {
  if (!y.expected) return null;
  const v = formatExact(y.expected, rule.unit, lang);
  if (y.status === 'exceeded') return lang === 'zh' ? `上限 ${v}` : `maximum ${v}`;
  if (y.status === 'on_track' || y.status === 'off_track')
    return lang === 'zh' ? `进度目标 ${v}` : `milestone ${v}`;
  return null;
}

/** Label of a cadence: 到期考核 / by the deadline … */
export function cadenceLabel(cadence: Cadence, lang: Lang): string {
  const labels: Record<Cadence, Bilingual> = {
    'by-deadline': { zh: '到期考核', en: 'by the deadline' },
    'every-year': { zh: '每年考核', en: 'every year' },
    increase: { zh: '逐年递增', en: 'increase each year' },
  };
  return labels[cadence][lang];
}

/** Label of a binding: 约束性 / required, 力争 / aspirational. */
export function bindingLabel(binding: Binding, lang: Lang): string {
  return binding === 'required'
    ? lang === 'zh'
      ? '约束性'
      : 'required'
    : lang === 'zh'
      ? '力争'
      : 'aspirational';
}

/** Marker after an aspirational rule's title: "（力争）" / "(aspirational)"; empty for required rules. */
export function bindingMarker(binding: Binding, lang: Lang): string {
  if (binding === 'required') return '';
  return lang === 'zh' ? '（力争）' : ' (aspirational)';
}

/** The deadline year: "2027年" / "2027". */
export function deadlineText(year: number, lang: Lang): string {
  return lang === 'zh' ? `${year}年` : `${year}`;
}

/** A rule's title in a language, made visible. */
export function ruleTitle(rule: RuleResult, lang: Lang): string {
  return visible(rule.title[lang]);
}

/** A plan's title line: "title（文号）" / "title (number)", made visible. */
export function planHeading(plan: PlanResult['plan'], lang: Lang): string {
  const title = visible(plan.title[lang]);
  const no = visible(plan.documentNumber);
  return lang === 'zh' ? `${title}（${no}）` : `${title} (${no})`;
}

/** An institution as "id name", made visible (ids and names are untrusted input). */
export function institutionLabel(v: InstitutionValue): string {
  const id = visible(v.institutionId);
  return v.institutionName ? `${id} ${visible(v.institutionName)}` : id;
}

/** The reason of a status (a catalogue code with params) as a sentence; unknown codes print as the code. */
export function reasonText(reason: NonNullable<RuleYearResult['reason']>, lang: Lang): string {
  return renderMessage({ code: reason.code, severity: 'info', params: reason.params }, lang);
}

/** Count of a status in a summary. */
export function summaryCount(summary: Summary, status: Status): number {
  const key = {
    pass: 'pass',
    fail: 'fail',
    warning: 'warning',
    exceeded: 'exceeded',
    on_track: 'onTrack',
    off_track: 'offTrack',
    no_data: 'noData',
  } as const;
  return summary[key[status]];
}

/** The summary as one line: "达标 3，未达标 1，…" / "pass 3, fail 1, …". */
export function summaryText(summary: Summary, lang: Lang): string {
  const sep = lang === 'zh' ? '，' : ', ';
  return STATUS_ORDER.map((s) => `${statusLabel(s, lang)} ${summaryCount(summary, s)}`).join(sep);
}

/** "partial year" marker: "（部分季度）" / "(partial)". */
export function partialMarker(lang: Lang): string {
  return lang === 'zh' ? '（部分季度）' : '(partial)';
}

/** A value for spreadsheets: ratios as "79.99%" (truncated), other units as a plain number without separators. */
export function plainValue(f: Fraction, unit: Unit): string {
  return unit === 'ratio' ? `${toFixedTruncated(mul(f, HUNDRED), 2)}%` : decimalText(f, 2);
}

/** The name of a unit: "%", "人次" / "person-times", "元" / "CNY". */
export function unitLabel(unit: Unit, lang: Lang): string {
  if (unit === 'ratio') return '%';
  if (unit === 'CNY') return lang === 'zh' ? '元' : 'CNY';
  return UNIT_WORDS[unit][lang];
}

/** Yes / no in a language: 是 / 否. */
export function yesNo(value: boolean, lang: Lang): string {
  return lang === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
}
