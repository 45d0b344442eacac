import { diag } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { cmp, frac, parseDecimal } from '../util/fraction.js';
import { readablePath } from './explain.js';
import type { NodeInfo, YamlValue } from './yaml.js';

/** Most significant digits a target may have: what a double holds exactly in decimal (DBL_DIG). */
export const MAX_SIGNIFICANT_DIGITS = 15;

const PLAIN_DECIMAL = /^\d+(?:\.\d+)?$/;

/** Significant digits of a plain decimal text ("0.0800" → 3, "300000" → 1). */
export function significantDigits(text: string): number {
  const digits = text.replace('.', '').replace(/^0+/, '');
  const trimmed = text.includes('.') ? digits : digits.replace(/0+$/, '');
  return Math.max(1, trimmed.length);
}

/** A plain decimal divided by 100, keeping at least two decimals: "80" → "0.80", "82.5" → "0.825". */
export function percentToRatio(text: string): string {
  const [int = '0', dec = ''] = text.split('.');
  let digits = (int + dec).replace(/^0+(?=\d)/, '');
  let point = digits.length - dec.length - 2;
  if (point < 1) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  const fraction = digits.slice(point).padEnd(2, '0');
  return `${digits.slice(0, point)}.${fraction}`;
}

/** The result of checking the numbers of a plan's targets. */
export interface NumberCheck {
  diagnostics: Diagnostic[];
  /** Instance paths already reported: schema errors at them are dropped. */
  reported: Set<string>;
}

/**
 * Check that every target number of a plan is written as a plain decimal that
 * can be kept exactly (no .nan, .inf, exponent, hex, octal, excess digits)
 * and that a ratio target is not written as a percentage.
 */
export function checkTargetNumbers(root: YamlValue, nodes: Map<string, NodeInfo>, file: string): NumberCheck {
  const diagnostics: Diagnostic[] = [];
  const reported = new Set<string>();
  const rules = root && typeof root === 'object' && !Array.isArray(root) ? root['rules'] : undefined;
  if (!Array.isArray(rules)) return { diagnostics, reported };
  rules.forEach((rule, i) => {
    if (!rule || typeof rule !== 'object' || Array.isArray(rule)) return;
    const target = rule['target'];
    if (!target || typeof target !== 'object' || Array.isArray(target)) return;
    for (const key of ['value', 'min', 'max']) {
      const v = target[key];
      if (typeof v !== 'number') continue;
      const ptr = `/rules/${i}/target/${key}`;
      const info = nodes.get(ptr);
      const text = info?.source ?? String(v);
      const where = readablePath(ptr, root);
      const at = { file, line: info?.pos.line, column: info?.pos.column, field: ptr };
      if (!PLAIN_DECIMAL.test(text)) {
        diagnostics.push(diag('plan/bad-number', { where, value: text }, at));
        reported.add(ptr);
        continue;
      }
      const digits = significantDigits(text);
      if (digits > MAX_SIGNIFICANT_DIGITS) {
        diagnostics.push(
          diag('plan/too-precise', { where, value: text, digits, limit: MAX_SIGNIFICANT_DIGITS }, at),
        );
        reported.add(ptr);
        continue;
      }
      const exact = parseDecimal(text);
      if (rule['unit'] === 'ratio' && exact && cmp(exact, frac(1n)) > 0) {
        diagnostics.push(
          diag('plan/ratio-above-one', { where, value: text, suggestion: percentToRatio(text) }, at),
        );
      }
    }
  });
  return { diagnostics, reported };
}
