import { describe, expect, it } from 'vitest';
import { add, cmp, frac, parseDecimal, toExactDecimal, toFixedTruncated } from '../../src/util/fraction.js';

describe('fractions', () => {
  it('parses plain decimals exactly and rejects everything else', () => {
    expect(parseDecimal('0.8')).toEqual({ n: 4n, d: 5n });
    expect(parseDecimal('300000')).toEqual({ n: 300000n, d: 1n });
    for (const bad of ['1e2', '0x10', '85.', ' 85', 'Infinity', '.5', ''])
      expect(parseDecimal(bad)).toBeNull();
  });

  it('compares without floating point', () => {
    expect(cmp(frac(400, 500), parseDecimal('0.8')!)).toBe(0);
    expect(cmp(frac(5999, 10000), parseDecimal('0.6')!)).toBe(-1);
    // 0.1 + 0.2 > 0.3 in floats; exactly equal here
    expect(cmp(frac(3, 10), parseDecimal('0.3')!)).toBe(0);
  });

  it('truncates for display so a miss never prints as the target', () => {
    // 79.995% of something: 15999/20000 = 0.79995
    expect(toFixedTruncated(frac(15999 * 100, 20000), 2)).toBe('79.99');
    expect(toFixedTruncated(frac(80), 2)).toBe('80.00');
    expect(toFixedTruncated(frac(-1, 3), 2)).toBe('-0.33');
  });

  it('prints exact decimals when they exist', () => {
    expect(toExactDecimal(frac(4, 5))).toBe('0.8');
    expect(toExactDecimal(frac(1, 3))).toBeNull();
    expect(toExactDecimal(frac(-5, 4))).toBe('-1.25');
    expect(toExactDecimal(frac(3, 100))).toBe('0.03');
  });

  it('keeps every result reduced with a positive denominator, integers included', () => {
    expect(frac(6, 1)).toEqual({ n: 6n, d: 1n });
    expect(frac(6, -1)).toEqual({ n: -6n, d: 1n });
    expect(frac(0, 7)).toEqual({ n: 0n, d: 1n });
    expect(frac(-4, -6)).toEqual({ n: 2n, d: 3n });
    expect(add(frac(3), frac(-5))).toEqual({ n: -2n, d: 1n });
    expect(add(frac(1, 3), frac(2, 3))).toEqual({ n: 1n, d: 1n });
    expect(add(frac(1, 6), frac(1, 3))).toEqual({ n: 1n, d: 2n });
    // 2^53 + 1 is not a double: bigint sums stay exact
    expect(add(frac(2n ** 53n), frac(1))).toEqual({ n: 2n ** 53n + 1n, d: 1n });
  });
});
