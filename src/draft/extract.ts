// Finds the quantitative targets of a policy document: numbers with a unit,
// "all of them" clauses and trends, each with its quote, section, deadline,
// cadence and binding. Pure: text in, candidates out.
import type { Binding, Cadence, Unit } from '../plan/types.js';
import { add, cmp, type Fraction, frac, mul, parseDecimal, sub, toExactDecimal } from '../util/fraction.js';
import {
  ASPIRATIONAL_WORDS,
  DEADLINE_PATTERNS,
  FULL_COVERAGE,
  ITEM_SEPARATORS,
  NOT_AFTER,
  NOT_BEFORE,
  PREFIX_OPS,
  RANGE_SEPARATORS,
  SCOPE_VERBS,
  SUBJECT_LEAD_WORDS,
  SUBJECT_TAIL_WORDS,
  SUFFIX_OPS,
  TREND_WORDS,
  UNIT_WORDS,
  type UnitWord,
  YEARLY_WORDS,
} from './patterns.js';
import { type Clause, clausesOf, type Line, segmentLines } from './segment.js';

/** A target as drafted; values are exact decimal texts ("0.95", "200000"). */
export type DraftTarget =
  | { op: '>=' | '<=' | '=='; value: string }
  | { min: string; max: string }
  | { trend: 'increase' };

/** One quantitative target found in the text. */
export interface Candidate {
  /** Offsets of the quote in the text (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /** The quote: text.slice(start, end). */
  quote: string;
  section: string;
  /** The phrase naming what is counted, for catalogue matching and as a suggestion. */
  subject: string;
  /** The clause up to the number, a weaker hint for matching. */
  context: string;
  target: DraftTarget;
  unit: Unit;
  /** Year from the nearest governing phrase; null = the plan's horizon. */
  deadline: number | null;
  deadlinePhrase?: string;
  cadence: Cadence;
  binding: Binding;
  bindingWord?: string;
  /** How the number was read, when not obvious (左右, 100%, 万). */
  notes: string[];
}

const DIGIT = '[0-9０-９]';
const NUM = `(${DIGIT}+(?:[.．]${DIGIT}+)?)`;
const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
const SPACE = '[ \\u3000]*';
/** number [range-sep number] [space] unit [suffix] */
const NUMBER_RE = new RegExp(
  `(?<!${DIGIT}|[.．])${NUM}(?:${SPACE}(?:${RANGE_SEPARATORS.map(esc).join('|')})${SPACE}${NUM})?` +
    `${SPACE}(${UNIT_WORDS.map((u) => esc(u.word)).join('|')})(${SUFFIX_OPS.map((s) => esc(s.word)).join('|')})?`,
  'g',
);
/** A unit followed by these is a duration (3个月), not a count. */
const NOT_AFTER_UNIT = ['月', '工作日', '小时', '学时', '课时', '年'];
const OPEN = '（(“"‘「【';
const CLOSE = '）)”"’」】';

function asciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace('．', '.');
}

function scaled(num: string, scale: number): Fraction {
  const f = parseDecimal(asciiDigits(num))!;
  return scale >= 0 ? mul(f, frac(10n ** BigInt(scale))) : mul(f, frac(1n, 10n ** BigInt(-scale)));
}

function dec(f: Fraction): string {
  return toExactDecimal(f) ?? String(Number(f.n) / Number(f.d));
}

/** True when the match sits inside a bracket or quote group that holds a formula (“1+N”（1所高职+N所中职）). */
function inFormulaGroup(text: string, clause: Clause, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= clause.sentenceStart; i--) {
    const ch = text[i]!;
    if (CLOSE.includes(ch) && !OPEN.includes(ch)) depth++;
    else if (OPEN.includes(ch) && !CLOSE.includes(ch)) {
      if (depth > 0) depth--;
      else {
        const close = text.slice(at).search(/[）)”’」】]/);
        const inner = text.slice(i + 1, close === -1 ? at : at + close);
        return /[+＋]/.test(inner);
      }
    }
  }
  return false;
}

interface NumberHit {
  at: number;
  end: number;
  lo: string;
  hi: string | undefined;
  unit: UnitWord;
  suffix: string | undefined;
}

function numberHits(text: string, clause: Clause): NumberHit[] {
  const part = text.slice(clause.start, clause.end);
  const hits: NumberHit[] = [];
  NUMBER_RE.lastIndex = 0;
  for (let m = NUMBER_RE.exec(part); m; m = NUMBER_RE.exec(part)) {
    const at = clause.start + m.index;
    const end = at + m[0].length;
    const before = text[at - 1] ?? '';
    const after = text[end] ?? '';
    if ((NOT_BEFORE as readonly string[]).includes(before)) continue;
    if ((NOT_AFTER as readonly string[]).includes(after)) continue;
    if (!m[4] && NOT_AFTER_UNIT.some((w) => text.startsWith(w, end))) continue;
    if (inFormulaGroup(text, clause, at)) continue;
    const unit = UNIT_WORDS.find((u) => u.word === m![3])!;
    hits.push({ at, end, lo: m[1]!, hi: m[2], unit, suffix: m[4] });
  }
  return hits;
}

/** Strip leading verbs, time phrases and punctuation from a subject phrase. */
export function cleanSubject(s: string): string {
  let t = s.trim();
  // “A且B占比不低于50%”: the subject is B.
  const and = t.lastIndexOf('且');
  if (and !== -1) t = t.slice(and + 1);
  for (let changed = true; changed; ) {
    changed = false;
    const before = t;
    t = t.replace(/^[\s、，,；;：:]+/, '');
    for (const re of DEADLINE_PATTERNS) {
      const r = new RegExp(`^${re.re.source}`);
      t = t.replace(r, '');
    }
    for (const w of SUBJECT_LEAD_WORDS) if (t.startsWith(w)) t = t.slice(w.length);
    for (const p of PREFIX_OPS) if (t.endsWith(p.word)) t = t.slice(0, -p.word.length);
    for (const w of SUBJECT_TAIL_WORDS) if (t.endsWith(w)) t = t.slice(0, -w.length);
    for (const w of YEARLY_WORDS) t = t.split(w).join('');
    t = t.replace(/[\s的、，,]+$/, '');
    if (t !== before) changed = true;
  }
  return t;
}

/** The unit a trend's subject is counted in (培训人次 → person-times). */
export function unitOfSubject(subject: string): Unit {
  if (/人次$/.test(subject)) return 'person-times';
  if (/(人数|学生数|生数|人)$/.test(subject)) return 'persons';
  if (/(率|比例|占比|比重)$/.test(subject)) return 'ratio';
  if (/(元|经费|投入|资金|收入)$/.test(subject)) return 'CNY';
  return 'items';
}

function lastIndexOfAny(s: string, words: readonly string[]): { index: number; word: string } | null {
  let best: { index: number; word: string } | null = null;
  for (const w of words) {
    const i = s.lastIndexOf(w);
    if (i !== -1 && (!best || i > best.index)) best = { index: i, word: w };
  }
  return best;
}

function leadsWithScopeVerb(text: string): boolean {
  let t = text.trimStart();
  for (const re of DEADLINE_PATTERNS) t = t.replace(new RegExp(`^${re.re.source}`), '').trimStart();
  return SCOPE_VERBS.some((v) => t.startsWith(v));
}

/** 力争 / 争取 governing the position `at`: the word, or undefined when the target is required. */
function bindingAt(text: string, clauses: Clause[], clause: Clause, at: number): string | undefined {
  const sentence = text.slice(clause.sentenceStart, at);
  const found = lastIndexOfAny(sentence, ASPIRATIONAL_WORDS);
  if (!found) return undefined;
  const wordAt = clause.sentenceStart + found.index;
  for (const c of clauses) {
    if (c.sentenceStart !== clause.sentenceStart || c.start <= wordAt || c.start > at) continue;
    if (leadsWithScopeVerb(text.slice(c.start, c.end))) return undefined;
  }
  return found.word;
}

interface DeadlineHit {
  at: number;
  year: number;
  phrase: string;
  section: string;
}

function deadlineHits(text: string, lines: Line[]): DeadlineHit[] {
  const hits: DeadlineHit[] = [];
  for (const line of lines) {
    const part = text.slice(line.start, line.end);
    for (const p of DEADLINE_PATTERNS) {
      const re = new RegExp(p.re.source, 'g');
      for (let m = re.exec(part); m; m = re.exec(part)) {
        hits.push({ at: line.start + m.index, year: p.year(m), phrase: m[0], section: line.section });
      }
    }
  }
  return hits.sort((a, b) => a.at - b.at);
}

function deadlineFor(hits: DeadlineHit[], section: string, at: number): DeadlineHit | undefined {
  let found: DeadlineHit | undefined;
  for (const h of hits) {
    if (h.at >= at) break;
    if (h.section === section) found = h;
  }
  return found;
}

function readTarget(hit: NumberHit, prefix: string, notes: string[]): DraftTarget {
  const lo = scaled(hit.lo, hit.unit.scale);
  if (hit.unit.scale > 0)
    notes.push(`“${hit.lo}${hit.hi ? `-${hit.hi}` : ''}${hit.unit.word}” = ${dec(lo)}${hit.hi ? '…' : ''}`);
  if (hit.hi !== undefined) {
    const hi = scaled(hit.hi, hit.unit.scale);
    return cmp(lo, hi) <= 0 ? { min: dec(lo), max: dec(hi) } : { min: dec(hi), max: dec(lo) };
  }
  const suffix = SUFFIX_OPS.find((s) => s.word === hit.suffix);
  if (suffix?.op === 'about') {
    const step =
      hit.unit.unit === 'ratio'
        ? frac(5n, 100n)
        : (() => {
            const tenth = mul(lo, frac(1n, 10n));
            const r = (tenth.n * 2n + tenth.d) / (2n * tenth.d);
            return frac(r > 1n ? r : 1n);
          })();
    let min = sub(lo, step);
    if (min.n < 0n) min = frac(0n);
    let max = add(lo, step);
    if (hit.unit.unit === 'ratio' && cmp(max, frac(1n)) > 0) max = frac(1n);
    notes.push(`“左右” (about ${dec(lo)}) read as the range ${dec(min)}–${dec(max)}`);
    return { min: dec(min), max: dec(max) };
  }
  let op: '>=' | '<=' | '==' = suffix?.op === '<=' ? '<=' : '>=';
  if (!suffix) {
    const p = [...PREFIX_OPS]
      .sort((a, b) => b.word.length - a.word.length)
      .find((x) => prefix.trimEnd().endsWith(x.word));
    if (p) op = p.op;
  }
  if (hit.unit.unit === 'ratio' && op === '>=' && cmp(lo, frac(1n)) === 0) op = '==';
  return { op, value: dec(lo) };
}

/** Find every quantitative target of a document, in text order. */
export function extractTargets(text: string): Candidate[] {
  const lines = segmentLines(text);
  const deadlines = deadlineHits(text, lines);
  const out: Candidate[] = [];
  for (const line of lines) {
    const clauses = clausesOf(text, line);
    for (const clause of clauses) {
      let cs = clause.start;
      while (cs < clause.end && /\s/.test(text[cs]!)) cs++;
      const common = (at: number) => {
        const d = deadlineFor(deadlines, line.section, at);
        const word = bindingAt(text, clauses, clause, at);
        const c: Pick<Candidate, 'section' | 'deadline' | 'binding'> & Partial<Candidate> = {
          section: line.section,
          deadline: d?.year ?? null,
          binding: word ? 'aspirational' : 'required',
        };
        if (d) c.deadlinePhrase = d.phrase;
        if (word) c.bindingWord = word;
        return c;
      };
      const yearly = (upTo: number) => YEARLY_WORDS.some((w) => text.slice(cs, upTo).includes(w));

      const hits = numberHits(text, clause);
      let prevSubject = '';
      hits.forEach((hit, k) => {
        const next = hits[k + 1];
        const prevEnd = k > 0 ? hits[k - 1]!.end : cs;
        // The item's own subject starts after the separator that follows the previous item.
        let segStart = prevEnd;
        if (k > 0) {
          const between = text.slice(prevEnd, hit.at);
          const sep = lastIndexOfAny(between, ITEM_SEPARATORS);
          segStart = sep ? prevEnd + sep.index + sep.word.length : prevEnd;
        }
        let end = hit.end;
        if (hit.unit.measure) {
          if (next) {
            const between = text.slice(hit.end, next.at);
            const sep = lastIndexOfAny(between, ITEM_SEPARATORS);
            if (sep) end = hit.end + sep.index;
          } else end = clause.end;
        }
        const notes: string[] = [];
        const prefix = text.slice(cs, hit.at);
        const target = readTarget(hit, prefix, notes);
        const after = cleanSubject(text.slice(hit.end, end));
        let subject = cleanSubject(text.slice(segStart, hit.at));
        if (after) subject = subject ? `${subject}…${after}` : after;
        if (!subject) subject = prevSubject;
        prevSubject = subject;
        out.push({
          ...common(hit.at),
          start: cs,
          end,
          quote: text.slice(cs, end),
          subject,
          context: text.slice(cs, hit.at),
          target,
          unit: hit.unit.unit,
          cadence: yearly(hit.at) ? 'every-year' : 'by-deadline',
          notes,
        } as Candidate);
      });

      const part = text.slice(cs, clause.end);
      for (const f of FULL_COVERAGE) {
        const i = part.indexOf(f.word);
        if (i === -1) continue;
        if (f.needs && !part.slice(0, i).includes(f.needs)) continue;
        const at = cs + i;
        out.push({
          ...common(at),
          start: cs,
          end: clause.end,
          quote: text.slice(cs, clause.end),
          subject: cleanSubject(text.slice(cs, at).replace(f.needs ?? '\u0000', '')),
          context: text.slice(cs, at),
          target: { op: '==', value: '1' },
          unit: 'ratio',
          cadence: 'by-deadline',
          notes: [`“${f.word}” read as a share of 1 (all of them)`],
        } as Candidate);
      }
      for (const w of TREND_WORDS) {
        const i = part.indexOf(w);
        if (i === -1) continue;
        const at = cs + i;
        out.push({
          ...common(at),
          start: cs,
          end: at + w.length,
          quote: text.slice(cs, at + w.length),
          subject: cleanSubject(text.slice(cs, at)),
          context: text.slice(cs, at),
          target: { trend: 'increase' },
          unit: unitOfSubject(cleanSubject(text.slice(cs, at))),
          cadence: 'increase',
          notes: [`“${w}”: must rise every year`],
        } as Candidate);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
