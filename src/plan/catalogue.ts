// PROVISIONAL: a minimal loader so that other modules can start. The plan
// module replaces the internals (schema validation, positions) keeping these signatures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CATALOGUE_DIR } from './paths.js';
import type { Dictionary, MetricCatalogue } from './types.js';

let dictionary: Dictionary | undefined;
let metrics: MetricCatalogue | undefined;

/** The built-in data dictionary (fields.yaml + indicators.yaml), loaded once. */
export function loadDictionary(): Dictionary {
  if (!dictionary) {
    const f = parse(readFileSync(join(CATALOGUE_DIR, 'fields.yaml'), 'utf8'));
    const i = parse(readFileSync(join(CATALOGUE_DIR, 'indicators.yaml'), 'utf8'));
    dictionary = {
      fields: (f.fields ?? []).map((x: { aliases?: string[] }) => ({ aliases: [], ...x })),
      constraints: f.constraints ?? [],
      indicators: (i.indicators ?? []).map((x: { aliases?: string[] }) => ({ aliases: [], ...x })),
    };
  }
  return dictionary;
}

/** The built-in metric catalogue, loaded once. */
export function loadMetrics(): MetricCatalogue {
  if (!metrics) metrics = parse(readFileSync(join(CATALOGUE_DIR, 'metrics.yaml'), 'utf8')) as MetricCatalogue;
  return metrics;
}
