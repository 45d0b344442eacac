import type { Lang } from '../diagnostics/types.js';
import type { Target, Unit } from './types.js';

const UNIT_WORDS: Record<Unit, { zh: string; en: string }> = {
  ratio: { zh: '', en: '' },
  persons: { zh: '人', en: 'persons' },
  'person-times': { zh: '人次', en: 'person-times' },
  institutions: { zh: '所', en: 'institutions' },
  items: { zh: '个', en: 'items' },
  CNY: { zh: '元', en: 'CNY' },
  times: { zh: '次', en: 'times' },
};

const OPS = { '>=': '≥', '<=': '≤', '==': '=' } as const;

/** A plain decimal multiplied by 100, exactly: "0.8" → "80", "0.825" → "82.5". */
export function ratioToPercent(text: string): string {
  const [int = '0', dec = ''] = text.split('.');
  const digits = int + dec.padEnd(2, '0');
  const point = int.length + 2;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '');
  const rest = digits.slice(point).replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : whole;
}

function amount(value: string, unit: Unit): string {
  return unit === 'ratio' ? `${ratioToPercent(value)}%` : value;
}

/**
 * A target for people: "≥ 80%", "2–3 所" / "2–3 institutions", "逐年递增".
 * With lang omitted the text is language-neutral (no unit word), for message parameters.
 */
export function describeTarget(target: Target, unit: Unit, lang?: Lang): string {
  const word = lang && unit !== 'ratio' ? UNIT_WORDS[unit][lang] : '';
  const suffix = word ? ` ${word}` : '';
  switch (target.kind) {
    case 'compare':
      return `${OPS[target.op]} ${amount(target.value, unit)}${suffix}`;
    case 'range':
      return unit === 'ratio'
        ? `${ratioToPercent(target.min)}–${ratioToPercent(target.max)}%`
        : `${target.min}–${target.max}${suffix}`;
    case 'increase':
      return lang === 'zh' ? '逐年递增' : 'increase every year';
  }
}
