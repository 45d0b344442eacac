// Plans, the data dictionary and the metric catalogue as a command needs them:
// built-ins from dist/builtin.json when it is current, which loads neither the
// YAML parser nor the schema validators (half a megabyte of code, ~40 ms of a
// report's start-up); anything else — a user's plan file, an edited built-in,
// no cache — is parsed and validated by load.ts / catalogue.ts, imported then.
import type { Diagnostic } from '../diagnostics/types.js';
import { cachedDictionary, cachedMetrics, cachedPlan } from './builtin-cache.js';
import { resolvePlanRef } from './refs.js';
import type { Dictionary, MetricCatalogue, Plan } from './types.js';

/** A plan by built-in id or by path, as loadPlan (load.ts) gives it. */
export async function getPlan(
  ref: string,
  cwd: string = process.cwd(),
): Promise<{ plan: Plan | null; diagnostics: Diagnostic[] }> {
  if (resolvePlanRef(ref, cwd)?.builtin) {
    const cached = cachedPlan(ref);
    if (cached) return cached;
  }
  const { loadPlan } = await import('./load.js');
  return loadPlan(ref, cwd);
}

/** The built-in data dictionary, as loadDictionary (catalogue.ts) gives it. */
export async function getDictionary(): Promise<Dictionary> {
  return cachedDictionary() ?? (await import('./catalogue.js')).loadDictionary();
}

/** The built-in metric catalogue, as loadMetrics (catalogue.ts) gives it. */
export async function getMetrics(): Promise<MetricCatalogue> {
  return cachedMetrics() ?? (await import('./catalogue.js')).loadMetrics();
}
