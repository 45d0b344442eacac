// The built-in plans, data dictionary and metric catalogue, parsed, validated
// and linted at build time into dist/builtin.json (scripts/build.mjs), so that
// start-up reads one JSON file instead of parsing ~105 KB of YAML. Each entry
// is keyed by the SHA-256 of the YAML files it came from: an edited file is
// parsed afresh, never served stale. VET_CHECK_NO_CACHE=1 turns the cache off.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';
import { PLANS_DIR } from './paths.js';
import type { Dictionary, MetricCatalogue, Plan, SourcePosition } from './types.js';

/** Where the build writes the cache. */
export const BUILTIN_CACHE = join(PLANS_DIR, '../dist/builtin.json');

const ROOT = join(PLANS_DIR, '..');
const DICTIONARY_FILES = ['plans/catalogue/fields.yaml', 'plans/catalogue/indicators.yaml'];
const METRICS_FILES = [...DICTIONARY_FILES, 'plans/catalogue/metrics.yaml'];

/** A plan as stored: its positions as [pointer, position] pairs. */
export type StoredPlan = Omit<Plan, 'positions'> & { positions?: [string, SourcePosition][] };

/** The content of dist/builtin.json. */
export interface BuiltinCache {
  version: 1;
  /** SHA-256 of each YAML file the entries came from, by path from the package root. */
  hashes: Record<string, string>;
  plans: Record<string, { plan: StoredPlan | null; diagnostics: Diagnostic[] }>;
  dictionary: Dictionary;
  metrics: MetricCatalogue;
}

let cache: BuiltinCache | null | undefined;
const verified = new Map<string, boolean>();

function load(): BuiltinCache | null {
  if (cache === undefined) {
    cache = null;
    if (process.env['VET_CHECK_NO_CACHE']) return cache;
    try {
      const c = JSON.parse(readFileSync(BUILTIN_CACHE, 'utf8')) as BuiltinCache;
      if (c.version === 1) cache = c;
    } catch {
      // no cache (not built, or unreadable): parse the YAML
    }
  }
  return cache;
}

/** SHA-256 (hex) of a file under the package root; '' when it cannot be read. */
export function hashFile(rel: string): string {
  try {
    return createHash('sha256')
      .update(readFileSync(join(ROOT, rel)))
      .digest('hex');
  } catch {
    return '';
  }
}

function fresh(c: BuiltinCache, files: readonly string[]): boolean {
  return files.every((f) => {
    let ok = verified.get(f);
    if (ok === undefined) {
      ok = c.hashes[f] !== undefined && c.hashes[f] === hashFile(f);
      verified.set(f, ok);
    }
    return ok;
  });
}

/** Turn a stored plan back into a Plan. */
export function revivePlan(p: StoredPlan): Plan {
  const { positions, ...rest } = p;
  return positions ? { ...rest, positions: new Map(positions) } : rest;
}

/** Store a plan (positions as pairs). */
export function storePlan(p: Plan): StoredPlan {
  const { positions, ...rest } = p;
  return positions ? { ...rest, positions: [...positions] } : rest;
}

/** A built-in plan's load result from the cache, when the cache holds it and its file is unchanged. */
export function cachedPlan(id: string): { plan: Plan | null; diagnostics: Diagnostic[] } | undefined {
  const c = load();
  const entry = c?.plans[id];
  if (!c || !entry || !fresh(c, [...METRICS_FILES, `plans/${id}.yaml`])) return undefined;
  return { plan: entry.plan ? revivePlan(entry.plan) : null, diagnostics: entry.diagnostics };
}

/** The built-in dictionary from the cache, when its files are unchanged. */
export function cachedDictionary(): Dictionary | undefined {
  const c = load();
  return c && fresh(c, DICTIONARY_FILES) ? c.dictionary : undefined;
}

/** The built-in metric catalogue from the cache, when its files are unchanged. */
export function cachedMetrics(): MetricCatalogue | undefined {
  const c = load();
  return c && fresh(c, METRICS_FILES) ? c.metrics : undefined;
}

/** Build the cache's content from a fresh parse (the build script and the test call this). */
export function buildCache(
  planIds: readonly string[],
  loadPlanFresh: (id: string) => { plan: Plan | null; diagnostics: Diagnostic[] },
  dictionary: Dictionary,
  metrics: MetricCatalogue,
): BuiltinCache {
  const hashes: Record<string, string> = {};
  for (const f of [...METRICS_FILES, ...planIds.map((id) => `plans/${id}.yaml`)]) hashes[f] = hashFile(f);
  const plans: BuiltinCache['plans'] = {};
  for (const id of planIds) {
    const r = loadPlanFresh(id);
    plans[id] = { plan: r.plan ? storePlan(r.plan) : null, diagnostics: r.diagnostics };
  }
  return { version: 1, hashes, plans, dictionary, metrics };
}
