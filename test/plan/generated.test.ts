import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
// @ts-expect-error: a plain JS script without type declarations
import { generateValidators, OUTPUT } from '../../scripts/gen-validators.mjs';

test('src/plan/generated/validators.ts is current with schemas/ (run node scripts/gen-validators.mjs)', () => {
  expect(readFileSync(OUTPUT, 'utf8') === generateValidators()).toBe(true);
});
