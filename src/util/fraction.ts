/**
 * Exact rational numbers on bigint, for thresholds and ratios. No floating
 * point ever decides a comparison: 400/500 >= 8/10 is decided as
 * 400 × 10 >= 500 × 8.
 */
export interface Fraction {
  /** Numerator; carries the sign. */
  n: bigint;
  /** Denominator; always > 0. */
  d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** A reduced fraction n/d; throws on d = 0 (callers check zero denominators first). */
export function frac(n: bigint | number, d: bigint | number = 1n): Fraction {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('zero denominator');
  if (dd === 1n) return { n: nn, d: 1n }; // integers (counts, sums of them): nothing to reduce
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

const DECIMAL = /^([+-]?)(\d+)(?:\.(\d+))?$/;

/**
 * Parse a plain decimal text ("0.8", "30", "-1.25") exactly. Returns null for
 * anything else (exponents, hex, "Infinity", "85.", " 85").
 */
export function parseDecimal(text: string): Fraction | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const [, sign, int, dec = ''] = m;
  const n = BigInt(int! + dec) * (sign === '-' ? -1n : 1n);
  return frac(n, 10n ** BigInt(dec.length));
}

/** Compare a and b: -1, 0 or 1. */
export function cmp(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function add(a: Fraction, b: Fraction): Fraction {
  if (a.d === 1n && b.d === 1n) return { n: a.n + b.n, d: 1n }; // summing counts
  return frac(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function sub(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function mul(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.n, a.d * b.d);
}

/** a / b; throws when b is zero. */
export function div(a: Fraction, b: Fraction): Fraction {
  return frac(a.n * b.d, a.d * b.n);
}

/** Smallest integer >= f. */
export function ceil(f: Fraction): bigint {
  const q = f.n / f.d;
  return f.n % f.d === 0n || f.n < 0n ? q : q + 1n;
}

/** Largest integer <= f. */
export function floor(f: Fraction): bigint {
  const q = f.n / f.d;
  return f.n % f.d === 0n || f.n >= 0n ? q : q - 1n;
}

/** Nearest float, for charts and JSON; never for decisions. */
export function toNumber(f: Fraction): number {
  return Number(f.n) / Number(f.d);
}

/**
 * Decimal text of f with `digits` places, rounded toward zero (truncated) so
 * that a value below a threshold never prints as the threshold: 0.79995 with
 * 2 places of percent prints 79.99, not 80.00. Exact values print exactly.
 */
export function toFixedTruncated(f: Fraction, digits: number): string {
  const scale = 10n ** BigInt(digits);
  const neg = f.n < 0n;
  const abs = neg ? -f.n : f.n;
  const scaled = (abs * scale) / f.d;
  const int = scaled / scale;
  const dec = (scaled % scale).toString().padStart(digits, '0');
  const body = digits > 0 ? `${int}.${dec}` : `${int}`;
  return neg && scaled !== 0n ? `-${body}` : body;
}

/** Shortest exact decimal text when f has a finite decimal expansion within 12 places, else null. */
export function toExactDecimal(f: Fraction): string | null {
  for (let k = 0; k <= 12; k++) {
    const scale = 10n ** BigInt(k);
    if ((f.n * scale) % f.d === 0n) {
      const scaled = (f.n * scale) / f.d;
      const neg = scaled < 0n;
      const abs = (neg ? -scaled : scaled).toString().padStart(k + 1, '0');
      const body = k === 0 ? abs : `${abs.slice(0, -k)}.${abs.slice(-k)}`;
      return neg ? `-${body}` : body;
    }
  }
  return null;
}
