// Matches a target's subject phrase against the metric catalogue (titles, and
// the labels and aliases of the indicators and fields behind each metric) by
// character-bigram similarity, keeping only metrics in a compatible unit. Pure.
import type { Unit } from '../plan/types.js';
import { byCodeUnits } from '../util/order.js';

/** A metric as the matcher sees it: its id, unit and every name it goes by. */
export interface MetricEntry {
  id: string;
  unit: Unit;
  names: string[];
}

/** The best metric for a subject, with its score (0–1) and close runners-up. */
export interface MetricMatch {
  id: string;
  score: number;
  /** Other metrics that scored almost as well: worth a look. */
  alternatives: string[];
}

/** Below this score a subject is left unresolved (metric: null). */
export const MATCH_THRESHOLD = 0.5;
const CLOSE = 0.05;

/** Fold a name for comparison: no quotes, brackets, punctuation, spaces or 的, no trailing 数. */
export function normalizeName(s: string): string {
  return s
    .replace(/[“”"'‘’《》〈〉「」（）()[\]【】、，,.。；;：:·…\s的]/g, '')
    .replace(/中等职业/g, '中职')
    .replace(/高等职业/g, '高职')
    .replace(/匹配度/g, '匹配率')
    .replace(/(数|数量|总数)$/, '');
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  const chars = [...s];
  if (chars.length === 1) out.add(chars[0]!);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

/** Share of b's bigrams found in a (unweighted). */
function coverage(a: Set<string>, b: Set<string>): number {
  if (b.size === 0) return 0;
  let common = 0;
  for (const x of b) if (a.has(x)) common++;
  return common / b.size;
}

/** Bigram weights: a bigram most names share (计划, 院校) says less than a rare one (双优). */
export type Weights = (bigram: string) => number;

/** Inverse-document-frequency weights over the names of the catalogue. */
export function idfWeights(entries: readonly MetricEntry[]): Weights {
  const df = new Map<string, number>();
  for (const e of entries) {
    const seen = new Set<string>();
    for (const n of e.names) for (const b of bigrams(normalizeName(n))) seen.add(b);
    for (const b of seen) df.set(b, (df.get(b) ?? 0) + 1);
  }
  const total = Math.max(1, entries.length);
  return (b) => Math.log(1 + total / (df.get(b) ?? 0.5));
}

/** Weighted share of b's bigrams found in a. */
function weightedCoverage(a: Set<string>, b: Set<string>, w: Weights): number {
  let all = 0;
  let common = 0;
  for (const x of b) {
    all += w(x);
    if (a.has(x)) common += w(x);
  }
  return all === 0 ? 0 : common / all;
}

/**
 * Similarity of a subject phrase and a metric name, 0–1: how much of the name
 * the subject holds (weighted by rarity), discounted a little for what the
 * subject says beyond the name (全区, 西部职教基地院校 …).
 */
export function similarity(subject: string, name: string, w: Weights = () => 1): number {
  const s = normalizeName(subject);
  const n = normalizeName(name);
  if (!s || !n) return 0;
  if (s === n) return 1;
  const bs = bigrams(s);
  const bn = bigrams(n);
  return weightedCoverage(bs, bn, w) * (0.7 + 0.3 * weightedCoverage(bn, bs, w));
}

/** Units a target and a metric may share (个 counts schools as well as things). */
export function unitsCompatible(target: Unit, metric: Unit): boolean {
  if (target === metric) return true;
  const counts: Unit[] = ['items', 'institutions'];
  return counts.includes(target) && counts.includes(metric);
}

/**
 * The catalogue metric a subject names, or null when none scores at least
 * MATCH_THRESHOLD. `context` (the clause before the number) breaks near-ties:
 * “建设国家“双高计划”院校3所、“双优计划”院校3所” makes the second one national.
 */
export function matchMetric(
  subject: string,
  context: string,
  unit: Unit,
  entries: readonly MetricEntry[],
): MetricMatch | null {
  const ctx = bigrams(normalizeName(context));
  const w = idfWeights(entries);
  const scored: Array<{ id: string; score: number }> = [];
  for (const e of entries) {
    if (!unitsCompatible(unit, e.unit)) continue;
    let best = 0;
    let bestCtx = 0;
    for (const n of e.names) {
      best = Math.max(best, similarity(subject, n, w));
      bestCtx = Math.max(bestCtx, coverage(ctx, bigrams(normalizeName(n))));
    }
    scored.push({ id: e.id, score: best + 0.1 * bestCtx });
  }
  scored.sort((a, b) => b.score - a.score || byCodeUnits(a.id, b.id));
  const top = scored[0];
  if (!top || top.score < MATCH_THRESHOLD) return null;
  const alternatives = scored
    .slice(1)
    .filter((s) => top.score - s.score < CLOSE)
    .map((s) => s.id);
  return { id: top.id, score: Math.min(1, top.score), alternatives };
}
