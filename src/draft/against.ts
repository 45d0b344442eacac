// Compares a document with an existing plan: targets in the text that no rule
// quotes, and rule quotes that are no longer in the text. Pure.
import type { Candidate } from './extract.js';

/** The part of a plan the comparison needs: each rule's id and quotes. */
export interface QuotedRule {
  id: string;
  quotes: string[];
}

/** A rule quote that is not in the text. */
export interface StaleQuote {
  rule: string;
  quote: string;
}

/** What the plan misses and what it cites that is gone. */
export interface AgainstResult {
  /** Targets found in the text that no rule quote overlaps. */
  uncovered: Candidate[];
  /** Rule quotes not found in the text (a revised document). */
  stale: StaleQuote[];
  /** Targets that some rule covers. */
  covered: number;
}

/** Every [start, end) span where `quote` occurs in `text`. */
export function spansOf(text: string, quote: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!quote) return out;
  for (let i = text.indexOf(quote); i !== -1; i = text.indexOf(quote, i + 1)) out.push([i, i + quote.length]);
  return out;
}

/** True when [a0, a1) and [b0, b1) share at least one character. */
export function overlaps(a0: number, a1: number, b0: number, b1: number): boolean {
  return a0 < b1 && b0 < a1;
}

/** Compare the targets found in a text with the quotes of a plan's rules. */
export function compareWithPlan(
  text: string,
  candidates: readonly Candidate[],
  rules: readonly QuotedRule[],
): AgainstResult {
  const spans: Array<[number, number]> = [];
  const stale: StaleQuote[] = [];
  for (const r of rules) {
    for (const q of r.quotes) {
      const s = spansOf(text, q);
      if (s.length === 0) stale.push({ rule: r.id, quote: q });
      spans.push(...s);
    }
  }
  const uncovered = candidates.filter((c) => !spans.some(([s, e]) => overlaps(c.start, c.end, s, e)));
  return { uncovered, stale, covered: candidates.length - uncovered.length };
}
