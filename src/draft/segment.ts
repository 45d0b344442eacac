// Splits a policy document into lines that know their section path, and lines
// into sentences and clauses, keeping offsets into the original text so that
// every quote is an exact substring of it.
import { CLAUSE_BREAKS, SENTENCE_BREAKS } from './patterns.js';

/** One line of the document with the section it sits in. */
export interface Line {
  /** Offset of the first character (UTF-16 code units). */
  start: number;
  /** Offset just past the last character (a trailing \r excluded). */
  end: number;
  text: string;
  /** Section path: "一、发展目标", "二、（四）11", "四、（三）"; "（正文前）" before the first heading. */
  section: string;
}

/** A span of text between boundaries, with the sentence it belongs to. */
export interface Clause {
  start: number;
  end: number;
  /** Start of the sentence (after 。；！？ or the line start). */
  sentenceStart: number;
}

/** Section path for text before the first numbered heading. */
export const PREAMBLE_SECTION = '（正文前）';

const TOP = /^\s*([一二三四五六七八九十]+)、\s*/;
const SUB = /^\s*[（(]([一二三四五六七八九十]+)[）)]\s*/;
const ITEM = /^\s*([0-9０-９]{1,3})\s*[.．、](?![0-9０-９])\s*/;

/** The heading's own title when the heading stands alone on its line ("（二）具体指标。"), else ''. */
function headingTitle(rest: string): string {
  const t = rest.trim();
  const stop = t.search(/[。；]/);
  if (stop === -1) return t.length <= 30 ? t : '';
  return stop === t.length - 1 && stop <= 30 ? t.slice(0, stop) : '';
}

/** Split text into lines, each with its section path. */
export function segmentLines(text: string): Line[] {
  const lines: Line[] = [];
  let top = '';
  let topTitle = '';
  let sub = '';
  let subTitle = '';
  let item = '';
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const next = end + 1;
    if (end > start && text[end - 1] === '\r') end--;
    const raw = text.slice(start, end);
    const t = TOP.exec(raw);
    const u = t ? null : SUB.exec(raw);
    const n = t || u ? null : ITEM.exec(raw);
    if (t) {
      top = `${t[1]}、`;
      topTitle = headingTitle(raw.slice(t[0].length));
      sub = subTitle = item = '';
    } else if (u && top) {
      sub = `（${u[1]}）`;
      subTitle = headingTitle(raw.slice(u[0].length));
      item = '';
    } else if (n && top) {
      item = n[1]!.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    }
    const section = !top
      ? PREAMBLE_SECTION
      : item
        ? `${top}${sub}${item}`
        : sub
          ? `${top}${sub}${subTitle}`
          : `${top}${topTitle}`;
    lines.push({ start, end, text: raw, section });
    start = next;
  }
  return lines;
}

/** Split one line into clauses (at ，：) grouped in sentences (at 。；！？). */
export function clausesOf(text: string, line: Line): Clause[] {
  const out: Clause[] = [];
  let sentenceStart = line.start;
  let clauseStart = line.start;
  for (let i = line.start; i <= line.end; i++) {
    const ch = i < line.end ? text[i]! : '';
    const sentenceEnd = ch === '' || SENTENCE_BREAKS.includes(ch);
    if (sentenceEnd || CLAUSE_BREAKS.includes(ch)) {
      if (i > clauseStart) out.push({ start: clauseStart, end: i, sentenceStart });
      clauseStart = i + 1;
      if (sentenceEnd) sentenceStart = i + 1;
    }
  }
  return out;
}

/** 1-based line and column (in code points) of an offset in the text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: [...text.slice(lineStart, offset)].length + 1 };
}
