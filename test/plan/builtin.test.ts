import { describe, expect, test } from 'vitest';
import { loadDictionary, loadMetrics } from '../../src/plan/catalogue.js';
import { loadPlan } from '../../src/plan/load.js';
import { builtinPlanIds } from '../../src/plan/refs.js';

const ids = builtinPlanIds();

test('the built-in dictionary and metric catalogue are valid', () => {
  const dict = loadDictionary();
  expect(dict.fields.length).toBeGreaterThan(0);
  for (const f of dict.fields) expect(Array.isArray(f.aliases)).toBe(true);
  const metrics = loadMetrics();
  expect(metrics.metrics.length).toBeGreaterThan(0);
  expect(Object.getPrototypeOf(metrics.metrics[0])).toBe(Object.prototype);
});

test('builtinPlanIds lists plans/*.yaml only', () => {
  expect(ids).not.toContain('catalogue');
  for (const id of ids) expect(id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
});

describe.skipIf(ids.length === 0)('built-in plans', () => {
  test.each(ids)('%s loads without errors', (id) => {
    const { plan, diagnostics } = loadPlan(id);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan?.id).toBe(id);
    expect(plan?.file).toMatch(new RegExp(`${id}\\.yaml$`));
    for (const r of plan?.rules ?? []) {
      if (r.target.kind === 'compare') expect(r.target.value).toMatch(/^\d+(\.\d+)?$/);
    }
  });
});

describe.skipIf(!ids.includes('yongchuan-2024-2027'))('Yongchuan', () => {
  test('the analyst sees the 3所 / 2-3所 double-high conflict', () => {
    const { diagnostics } = loadPlan('yongchuan-2024-2027');
    expect(diagnostics.some((d) => d.code === 'plan/conflicting-targets')).toBe(true);
  });
});
