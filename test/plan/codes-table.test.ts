import { expect, test } from 'vitest';
import { renderCodesTable } from '../../src/diagnostics/codes-table.js';
import { planCodes } from '../../src/diagnostics/plan-codes.js';

test('every plan code is grouped, bilingual, and listed in the table', () => {
  const table = renderCodesTable(planCodes);
  for (const [code, def] of Object.entries(planCodes)) {
    expect(code).toMatch(/^plan\/[a-z0-9-]+$/);
    expect(def.message.zh).not.toBe('');
    expect(def.message.en).not.toBe('');
    // the same placeholders in both languages, except the language-specific pairs
    const names = (s: string) =>
      [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!.replace(/(En|Zh)$/, '')).sort();
    expect(names(def.message.zh)).toEqual(names(def.message.en));
    expect(table).toContain(`| \`${code}\` | ${def.severity} |`);
  }
});
