// Every word list and pattern the draft extractor uses, in one place, so that
// what it recognises can be read (and documented in docs/draft.md) at a glance.
import type { Unit } from '../plan/types.js';

/** A unit word after a number: the plan unit it means and the power of ten it scales by. */
export interface UnitWord {
  word: string;
  unit: Unit;
  /** Multiply the number by 10^scale (万 = 4, 亿 = 8, % = -2). */
  scale: number;
  /** True for measure words (个 所 门 …) that may be followed by the noun they count. */
  measure: boolean;
}

/** Unit words, longest first so that 人次 wins over 人 and 万人次 over 万人. */
export const UNIT_WORDS: readonly UnitWord[] = [
  { word: '万人次', unit: 'person-times', scale: 4, measure: false },
  { word: '万人', unit: 'persons', scale: 4, measure: false },
  { word: '人次', unit: 'person-times', scale: 0, measure: false },
  { word: '万元', unit: 'CNY', scale: 4, measure: true },
  { word: '亿元', unit: 'CNY', scale: 8, measure: true },
  { word: '元', unit: 'CNY', scale: 0, measure: true },
  { word: '%', unit: 'ratio', scale: -2, measure: true },
  { word: '％', unit: 'ratio', scale: -2, measure: true },
  { word: '个', unit: 'items', scale: 0, measure: true },
  { word: '所', unit: 'institutions', scale: 0, measure: true },
  { word: '门', unit: 'items', scale: 0, measure: true },
  { word: '项', unit: 'items', scale: 0, measure: true },
  { word: '家', unit: 'items', scale: 0, measure: true },
  { word: '名', unit: 'persons', scale: 0, measure: true },
  { word: '人', unit: 'persons', scale: 0, measure: false },
  { word: '次', unit: 'times', scale: 0, measure: false },
];

/** Characters that join the two ends of a range: 2-3, 2～3, 2至3, 2—3. */
export const RANGE_SEPARATORS = ['-', '－', '～', '~', '〜', '至', '—', '–', '到'] as const;

/** Words right after a number-and-unit that set the comparison. */
export const SUFFIX_OPS: ReadonlyArray<{ word: string; op: '>=' | '<=' | 'about' }> = [
  { word: '及以上', op: '>=' },
  { word: '以上', op: '>=' },
  { word: '左右', op: 'about' },
  { word: '以下', op: '<=' },
  { word: '以内', op: '<=' },
];

/** Words right before a number that set the comparison; anything else is read as a floor (>=). */
export const PREFIX_OPS: ReadonlyArray<{ word: string; op: '>=' | '<=' }> = [
  { word: '不低于', op: '>=' },
  { word: '不少于', op: '>=' },
  { word: '至少', op: '>=' },
  { word: '超过', op: '>=' },
  { word: '达到', op: '>=' },
  { word: '达', op: '>=' },
  { word: '不高于', op: '<=' },
  { word: '不超过', op: '<=' },
  { word: '控制在', op: '<=' },
];

/** A number immediately preceded by one of these is an ordinal or part of a formula, not a target. */
export const NOT_BEFORE = ['第', '+', '＋', '.', '．', '/', '×'] as const;
/** A number immediately followed by one of these is part of a formula or a name, not a target. */
export const NOT_AFTER = ['+', '＋', '/', '×'] as const;

/**
 * Targets without a number: the clause says "all of them". They become a share
 * of 1 (ratio == 1). `needs`: a word that must come earlier in the same clause
 * (推进……全覆盖 is an activity, 实现……全覆盖 a target).
 */
export const FULL_COVERAGE: ReadonlyArray<{ word: string; needs?: string }> = [
  { word: '全覆盖', needs: '实现' },
  { word: '全部达到' },
  { word: '全部达标' },
];

/** Trend words: the subject must rise every year. */
export const TREND_WORDS = ['逐年递增', '逐年提高', '逐年增长', '逐年增加', '逐年上升', '持续增长'] as const;

/** Words in a clause that make a target yearly. */
export const YEARLY_WORDS = ['每年', '年均', '每学年'] as const;

/**
 * Words that make what they govern aspirational. They govern to the end of the
 * sentence (。；！？), except that a clause opening with one of SCOPE_VERBS
 * starts a new, required, commitment.
 */
export const ASPIRATIONAL_WORDS = ['积极争创', '力争', '争取'] as const;

/** Verbs that open a new commitment and so end the reach of 力争 / 争取 at a comma. */
export const SCOPE_VERBS = [
  '建成',
  '建设',
  '新建',
  '新增',
  '组建',
  '培育',
  '打造',
  '举办',
  '引进',
  '开展',
  '共建',
  '立项',
  '推动',
  '实现',
  '开发',
  '设立',
  '完成',
  '确保',
  '保持',
  '推进',
  '不断',
  '加快',
  '支持',
  '鼓励',
  '强化',
] as const;

/** Verbs and connectors stripped from the front of a subject phrase. */
export const SUBJECT_LEAD_WORDS = [
  ...ASPIRATIONAL_WORDS,
  ...SCOPE_VERBS,
  '不断推进',
  '推进',
  '创建',
  '获批',
  '多渠道筹措资金',
  '全市率先',
  '率先',
  '其中',
  '并',
  '且',
  '和',
  '及',
  '与',
] as const;

/** Words stripped from the end of a subject phrase (培训人次保持逐年递增 → 培训人次). */
export const SUBJECT_TAIL_WORDS = ['保持', '实现', '继续', '稳步', '每年', '年均'] as const;

/** Deadline phrases: a regular expression and how to read the year from it. */
export const DEADLINE_PATTERNS: ReadonlyArray<{ re: RegExp; year: (m: RegExpExecArray) => number }> = [
  { re: /到\s*(\d{4})\s*年(?:底|末)?/g, year: (m) => Number(m[1]) },
  { re: /(?:截至|截止到?|至)\s*(\d{4})\s*年(?:底|末)?/g, year: (m) => Number(m[1]) },
  { re: /(\d{4})\s*年(?:底|末)?(?:以前|之前|前)/g, year: (m) => Number(m[1]) },
  { re: /[“"‘]?十三五[”"’]?(?:末|期间|时期)/g, year: () => 2020 },
  { re: /[“"‘]?十四五[”"’]?(?:末|期间|时期)/g, year: () => 2025 },
  { re: /[“"‘]?十五五[”"’]?(?:末|期间|时期)/g, year: () => 2030 },
];

/** The plan horizon in a title: （2024-2027年）. */
export const HORIZON_IN_TITLE = /[（(]\s*(\d{4})\s*[-－—–~～至到]\s*(\d{4})\s*年?\s*[）)]/;

/** Clause boundaries inside a sentence. */
export const CLAUSE_BREAKS = '，,：:';
/** Sentence boundaries (also end the reach of 力争). */
export const SENTENCE_BREAKS = '。；;！!？?';
/** Separators between the items of one clause (建成A 1所、B 2个). */
export const ITEM_SEPARATORS = ['、', '和', '及', '与', '以及'] as const;
