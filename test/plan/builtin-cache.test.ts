// dist/builtin.json (scripts/build.mjs) must hold exactly what a fresh parse of
// the YAML gives, and must never be served for a file that changed.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_CACHE,
  type BuiltinCache,
  buildCache,
  hashFile,
  revivePlan,
  storePlan,
} from '../../src/plan/builtin-cache.js';
import { parseDictionary, parseMetrics } from '../../src/plan/catalogue.js';
import { loadPlanFile } from '../../src/plan/load.js';
import { PLANS_DIR } from '../../src/plan/paths.js';
import { builtinPlanIds } from '../../src/plan/refs.js';

const fresh = (id: string) => loadPlanFile(`${PLANS_DIR}${id}.yaml`, `plans/${id}.yaml`);

function freshCache(): BuiltinCache {
  const dictionary = parseDictionary();
  return buildCache(builtinPlanIds(), fresh, dictionary, parseMetrics(dictionary));
}

describe('built-in cache', () => {
  it('stores and revives every built-in plan exactly, positions included', () => {
    for (const id of builtinPlanIds()) {
      const { plan } = fresh(id);
      expect(plan, id).not.toBeNull();
      const back = revivePlan(JSON.parse(JSON.stringify(storePlan(plan!))));
      expect(back).toEqual(plan);
    }
  });

  it('the built dist/builtin.json equals a fresh parse of the current YAML', () => {
    if (!existsSync(BUILTIN_CACHE)) {
      console.warn('dist/builtin.json is not built (npm run build); skipped');
      return;
    }
    const built = JSON.parse(readFileSync(BUILTIN_CACHE, 'utf8')) as BuiltinCache;
    const stale = Object.entries(built.hashes).filter(([f, h]) => hashFile(f) !== h);
    if (stale.length > 0) {
      // the runtime parses such files afresh; the build is just older than the YAML
      console.warn(`dist/builtin.json is older than ${stale.map(([f]) => f).join(', ')}; skipped`);
      return;
    }
    expect(built).toEqual(JSON.parse(JSON.stringify(freshCache())));
  });

  it('keys each entry by the SHA-256 of its YAML files', () => {
    const c = freshCache();
    expect(Object.keys(c.hashes)).toEqual(
      expect.arrayContaining(['plans/catalogue/fields.yaml', 'plans/catalogue/metrics.yaml']),
    );
    for (const [f, h] of Object.entries(c.hashes)) expect(h, f).toMatch(/^[0-9a-f]{64}$/);
  });
});
