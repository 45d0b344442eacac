import { describe, expect, it } from 'vitest';
import { linearTruncate } from '../../src/report/table-speed.js';

describe('linearTruncate (cli-table3 truncate without the quadratic cost)', () => {
  it('keeps text that fits, counting CJK as two columns', () => {
    expect(linearTruncate('abc', 3)).toBe('abc');
    expect(linearTruncate('双师型', 6)).toBe('双师型');
  });
  it('cuts text that does not fit and appends the mark within the width', () => {
    expect(linearTruncate('abcdef', 4)).toBe('abc…');
    expect(linearTruncate('双师型教师', 6)).toBe('双师…');
    expect(linearTruncate('a双师型', 4)).toBe('a双…');
  });
  it('measures as cli-table3 does (✔ is one column there)', () => {
    expect(linearTruncate('✔ abc', 5)).toBe('✔ abc');
  });
  it('does not split a surrogate pair', () => {
    expect(linearTruncate('😀😀😀', 4)).toBe('😀…');
  });
});
