import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LARGE_INPUT_BYTES, totalBytes, tuneForInput } from '../../src/cli/memory.js';

describe('memory tuning for large inputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vc-mem-'));
  const small = join(dir, 'small.csv');
  const text = 'institution_id,year\n001,2025\n';
  writeFileSync(small, text);

  it('adds up the sizes of the files that exist and skips missing ones', () => {
    expect(totalBytes([small, small, join(dir, 'missing.csv')])).toBe(2 * Buffer.byteLength(text));
  });

  it('leaves small inputs with V8 defaults', () => {
    expect(totalBytes([small])).toBeLessThan(LARGE_INPUT_BYTES);
    expect(tuneForInput([small])).toBe(false);
  });
});
