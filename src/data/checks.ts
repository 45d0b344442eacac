// Row and cross-row checks. Row checks are pure functions of a parsed row;
// cross-row state (keys, periods, stock values) is held per institution-period,
// never per row, so memory is bounded by institution-periods.
import { diag } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Constraint, FieldDef } from '../plan/types.js';
import { cmp, type Fraction, frac, toExactDecimal } from '../util/fraction.js';
import type { Value } from './types.js';

/** A parsed value with the position of its cell. */
export interface Located {
  value: Value | number;
  line: number;
  column: number;
}

const OP_WORDS: Record<Constraint['op'], { zh: string; en: string }> = {
  '<=': { zh: '大于', en: 'is greater than' },
  '>=': { zh: '小于', en: 'is less than' },
  '==': { zh: '不等于', en: 'differs from' },
};

function asFraction(v: Value | number | undefined): Fraction | null {
  if (typeof v === 'bigint') return frac(v);
  if (typeof v === 'object' && v !== null && 'n' in v) return v;
  return null;
}

/** Display a parsed number: a count as digits, a fraction as its exact decimal. */
export function showNumber(v: Value | number): string {
  if (typeof v === 'object' && v !== null) return toExactDecimal(v) ?? `${v.n}/${v.d}`;
  return String(v);
}

/**
 * Cross-field constraints on one row (`data/constraint`), reported at the
 * left field's cell; a constraint is checked only where both fields are present.
 */
export function checkConstraints(
  row: ReadonlyMap<string, Located>,
  constraints: readonly Constraint[],
  fields: ReadonlyMap<string, FieldDef>,
  file: string,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of constraints) {
    const l = row.get(c.left);
    const r = row.get(c.right);
    const lv = asFraction(l?.value);
    const rv = asFraction(r?.value);
    if (!l || !r || !lv || !rv) continue;
    const k = cmp(lv, rv);
    const holds = c.op === '<=' ? k <= 0 : c.op === '>=' ? k >= 0 : k === 0;
    if (holds) continue;
    const lf = fields.get(c.left);
    const rf = fields.get(c.right);
    const op = OP_WORDS[c.op];
    out.push(
      diag(
        'data/constraint',
        {
          constraint: c.id,
          leftZh: lf?.label.zh ?? c.left,
          leftEn: lf?.label.en ?? c.left,
          rightZh: rf?.label.zh ?? c.right,
          rightEn: rf?.label.en ?? c.right,
          leftValue: showNumber(l.value),
          rightValue: showNumber(r.value),
          opZh: op.zh,
          opEn: op.en,
        },
        { file, line: l.line, column: l.column, field: c.left, value: showNumber(l.value) },
      ),
    );
  }
  return out;
}

/** A period: a year, with a quarter or null for the whole year. */
export interface Period {
  year: number;
  quarter: number | null;
}

/** `2025` or `2025Q3`. */
export function formatPeriod(p: Period): string {
  return p.quarter === null ? String(p.year) : `${p.year}Q${p.quarter}`;
}

/** Parse `YYYY` or `YYYYQn` (n = 1–4); null when malformed. */
export function parsePeriod(text: string): Period | null {
  const m = /^(\d{4})(?:[Qq]([1-4]))?$/.exec(text.trim());
  return m ? { year: Number(m[1]), quarter: m[2] ? Number(m[2]) : null } : null;
}

function previousPeriod(p: Period): Period {
  if (p.quarter === null) return { year: p.year - 1, quarter: null };
  return p.quarter === 1 ? { year: p.year - 1, quarter: 4 } : { year: p.year, quarter: p.quarter - 1 };
}

interface Entry {
  /** Where the key first appeared: file index and line. */
  file: number;
  line: number;
  accepted: boolean;
  /**
   * Stock values of the accepted row by stock field index, -1 when absent.
   * Numbers, not bigints, to keep memory small: counts are at most 2^53-1, exact as doubles.
   */
  stock?: number[];
  /** Columns of those cells, for the warning's position. */
  columns?: number[];
  /** Bits of the record-producible fields this row gave (see records.ts), for `data/mixed-sources`. */
  fields?: number;
}

/** An institution's periods, keyed by year × 5 + quarter (0 = the whole year). */
interface Institution {
  file: number;
  line: number;
  periods: Map<number, Entry>;
}

const code = (p: Period) => p.year * 5 + (p.quarter ?? 0);
const decode = (c: number): Period => ({ year: Math.floor(c / 5), quarter: c % 5 === 0 ? null : c % 5 });

/**
 * Cross-row state of institution rows: duplicate keys, annual/quarterly mix,
 * complete periods and jumps of stock fields between consecutive periods.
 * Held per institution and period, never per row.
 */
export class PeriodTracker {
  private readonly institutions = new Map<string, Institution>();
  /** Column layouts shared between rows (a CSV file has one or a few), to keep entries small. */
  private readonly layouts = new Map<string, number[]>();
  private readonly files: string[] = [];

  /** @param stockFields count fields with `aggregation: stock`, checked for jumps. */
  constructor(private readonly stockFields: readonly FieldDef[]) {}

  /** Index of a file path, for compact locations. */
  fileIndex(path: string): number {
    const i = this.files.indexOf(path);
    if (i >= 0) return i;
    this.files.push(path);
    return this.files.length - 1;
  }

  private where(file: number, line: number): string {
    return `${this.files[file]}:${line}`;
  }

  /**
   * Register a row's key. Returns the diagnostics it causes (duplicate key,
   * mixed annual and quarterly rows), reported at the given cell.
   */
  register(
    institution: string,
    period: Period,
    at: { file: number; line: number; column: number },
    quarterColumn: number,
  ): Diagnostic[] {
    const file = this.files[at.file]!;
    let inst = this.institutions.get(institution);
    if (!inst) {
      inst = { file: at.file, line: at.line, periods: new Map() };
      this.institutions.set(institution, inst);
    }
    const first = inst.periods.get(code(period));
    if (first) {
      return [
        diag(
          'data/duplicate-row',
          { key: `${institution} ${formatPeriod(period)}`, first: this.where(first.file, first.line) },
          { file, line: at.line, column: at.column, field: 'institution_id', value: institution },
        ),
      ];
    }
    const out: Diagnostic[] = [];
    const annual = period.quarter === null;
    for (const q of annual ? [1, 2, 3, 4] : [0]) {
      const other = inst.periods.get(period.year * 5 + q);
      if (!other) continue;
      out.push(
        diag(
          'data/mixed-periods',
          {
            institution,
            year: period.year,
            thisZh: annual ? '年度行' : '季度行',
            thisEn: annual ? 'an annual row' : 'a quarterly row',
            otherZh: annual ? '季度行' : '年度行',
            otherEn: annual ? 'a quarterly row' : 'an annual row',
            first: this.where(other.file, other.line),
          },
          { file, line: at.line, column: quarterColumn, field: 'quarter' },
        ),
      );
      break;
    }
    inst.periods.set(code(period), { file: at.file, line: at.line, accepted: false });
    return out;
  }

  /** Mark a registered row as accepted and keep its stock values for the jump check. */
  accept(
    institution: string,
    period: Period,
    stock: ReadonlyMap<string, { value: bigint; column: number }>,
    fields = 0,
  ): void {
    const e = this.institutions.get(institution)?.periods.get(code(period));
    if (!e) return;
    e.accepted = true;
    if (fields) e.fields = fields;
    if (this.stockFields.length === 0 || stock.size === 0) return;
    e.stock = this.stockFields.map((f) => {
      const v = stock.get(f.id)?.value;
      return v === undefined ? -1 : Number(v);
    });
    const columns = this.stockFields.map((f) => stock.get(f.id)?.column ?? 1);
    const layout = columns.join(',');
    const shared = this.layouts.get(layout);
    if (shared) e.columns = shared;
    else {
      if (this.layouts.size < 10_000) this.layouts.set(layout, columns);
      e.columns = columns;
    }
  }

  /** The accepted rows of an institution's year that gave some of `mask`'s fields: the bits shared and where the first is. */
  fieldsIn(institution: string, year: number, mask: number): { shared: number; at: string } | undefined {
    const inst = this.institutions.get(institution);
    if (!inst) return undefined;
    for (let q = 0; q <= 4; q++) {
      const e = inst.periods.get(year * 5 + q);
      if (e?.accepted && e.fields && (e.fields & mask) !== 0)
        return { shared: e.fields & mask, at: this.where(e.file, e.line) };
    }
    return undefined;
  }

  /**
   * `data/jump` warnings: a stock count above `factor` times, or below
   * 1/`factor` of, the same institution's previous period. Zero values are
   * skipped (no factor exists).
   */
  jumps(factor: Fraction): Diagnostic[] {
    const out: Diagnostic[] = [];
    const shown = toExactDecimal(factor) ?? `${factor.n}/${factor.d}`;
    for (const inst of this.institutions.values()) {
      for (const [c, e] of inst.periods) {
        if (!e.accepted || !e.stock) continue;
        const period = decode(c);
        const prev = previousPeriod(period);
        const p = inst.periods.get(code(prev));
        if (!p?.accepted || !p.stock) continue;
        this.stockFields.forEach((f, i) => {
          const cur = e.stock![i];
          const old = p.stock![i];
          if (cur === undefined || old === undefined || cur <= 0 || old <= 0) return;
          const up = BigInt(cur) * factor.d > BigInt(old) * factor.n;
          const down = BigInt(cur) * factor.n < BigInt(old) * factor.d;
          if (!up && !down) return;
          out.push(
            diag(
              'data/jump',
              {
                fieldZh: f.label.zh,
                fieldEn: f.label.en,
                previous: String(old),
                value: String(cur),
                period: formatPeriod(period),
                previousPeriod: formatPeriod(prev),
                first: this.where(p.file, p.line),
                factor: shown,
              },
              {
                file: this.files[e.file]!,
                line: e.line,
                column: e.columns?.[i] ?? 1,
                field: f.id,
                value: String(cur),
              },
            ),
          );
        });
      }
    }
    return out;
  }

  /**
   * `data/incomplete-period`: every expected institution has an accepted row
   * for the period. Expected: the registry's entries when given (reported at
   * their registry line), else every institution seen in the data (reported at
   * its first row).
   */
  incomplete(
    period: Period,
    registry?: { path: string; entries: ReadonlyMap<string, { line: number }> },
    fromRecords?: {
      has(id: string, year: number): boolean;
      ids(): Iterable<[string, { file: string; line: number }]>;
    },
  ): Diagnostic[] {
    const out: Diagnostic[] = [];
    // a year counted from records is a complete annual figure
    const has = (id: string) =>
      this.institutions.get(id)?.periods.get(code(period))?.accepted === true ||
      (period.quarter === null && fromRecords?.has(id, period.year) === true);
    const p = formatPeriod(period);
    const missing = (id: string, file: string, line: number) =>
      diag(
        'data/incomplete-period',
        { institution: id, period: p },
        { file, line, column: 1, field: 'institution_id', value: id },
      );
    if (registry) {
      for (const [id, r] of registry.entries) if (!has(id)) out.push(missing(id, registry.path, r.line));
      return out;
    }
    for (const [id, at] of this.institutions)
      if (!has(id)) out.push(missing(id, this.files[at.file]!, at.line));
    for (const [id, at] of fromRecords?.ids() ?? [])
      if (!this.institutions.has(id) && !has(id)) out.push(missing(id, at.file, at.line));
    return out;
  }
}

const SEP = '\u0000';

/** Duplicate keys of indicator rows (district, year, indicator). */
export class IndicatorKeys {
  private readonly seen = new Map<string, string>();

  /** A `data/duplicate-row` diagnostic when the key was seen before, else undefined. */
  register(
    district: string,
    year: number,
    indicator: string,
    at: { file: string; line: number; column: number },
  ): Diagnostic | undefined {
    const key = district + SEP + year + SEP + indicator;
    const first = this.seen.get(key);
    if (first !== undefined)
      return diag(
        'data/duplicate-row',
        { key: `${district} ${year} ${indicator}`, first },
        { ...at, field: 'indicator', value: indicator },
      );
    this.seen.set(key, `${at.file}:${at.line}`);
    return undefined;
  }
}
