// The fast path of record-level CSV files: cells are checked straight from
// the bytes for the common shapes (an ASCII code, a four-digit year, 是/否,
// an enum value as written, the same district as the row before) without
// building strings or cell objects. Any other cell sends its whole row to
// the careful path (`slow`), which gives exactly the diagnostics it would
// anyway; positions are computed only for a diagnostic.
import type { RecordColumnDef } from '../plan/types.js';
import type { CsvBatch } from './read/csv-scan.js';
import {
  countRecord,
  fingerprintInto,
  type RecordAt,
  type RecordGroup,
  type RecordIds,
  type RecordKind,
} from './records.js';
import { parseByType } from './values.js';

// 是 and 否 in UTF-8
const YES = [0xe6, 0x98, 0xaf] as const;
const NO = [0xe5, 0x90, 0xa6] as const;

/** 1 for 是, 0 for 否, -1 for anything else. */
function yesNo(buf: Buffer, s: number, e: number): number {
  if (e - s !== 3) return -1;
  const a = buf[s]!;
  const b = buf[s + 1]!;
  const c = buf[s + 2]!;
  if (a === YES[0] && b === YES[1] && c === YES[2]) return 1;
  if (a === NO[0] && b === NO[1] && c === NO[2]) return 0;
  return -1;
}

const BOOLEAN = 0 as const;
const ENUM = 1 as const;
const CODE = 2 as const;

/** What the fast path asks of readSubmission. */
export interface FastRecordHooks {
  /** Read record `r` the careful way; true when accepted. */
  slow(batch: CsvBatch, r: number): boolean;
  /** The record's group (said once when the institution is unknown), created at `at`. */
  group(institution: string, year: number, at: RecordAt): RecordGroup;
  /** The duplicate-id check's fingerprints. */
  ids: RecordIds;
  /** Report a duplicate id. */
  duplicate(g: RecordGroup, id: string, at: RecordAt): void;
}

/** An ASCII code as written: printable, no space, starts with a letter or digit, and not a short word that could be a no-data marker (NA, null …). */
function plainId(buf: Buffer, s: number, e: number): boolean {
  if (e <= s) return false;
  const c0 = buf[s]!;
  const digit = c0 >= 48 && c0 <= 57;
  const letter = (c0 | 32) >= 97 && (c0 | 32) <= 122;
  if (!digit && !letter) return false;
  if (letter && e - s <= 4) return false;
  for (let i = s + 1; i < e; i++) {
    const c = buf[i]!;
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

/** Whether buf[s, e) holds the first n bytes of ref (all of it by default). */
function same(buf: Buffer, s: number, e: number, ref: Buffer, n = ref.length): boolean {
  if (e - s !== n) return false;
  for (let i = 0; i < n; i++) if (buf[s + i] !== ref[i]) return false;
  return true;
}

/** The bytes of the last cell of a column that passed, copied into a buffer of its own (reused: rows come grouped, but a change per institution-year adds up). */
class LastCell {
  private bytes = Buffer.allocUnsafe(32);
  /** -1: none yet. */
  private length = -1;

  is(buf: Buffer, s: number, e: number): boolean {
    return same(buf, s, e, this.bytes, this.length);
  }

  set(buf: Buffer, s: number, e: number): void {
    const n = e - s;
    if (n > this.bytes.length) this.bytes = Buffer.allocUnsafe(2 * n);
    // byte by byte: Buffer#copy makes a view of the source for each call
    const to = this.bytes;
    for (let i = 0; i < n; i++) to[i] = buf[s + i]!;
    this.length = n;
  }
}

/** A key column (name, district, level): the last value that passed, as bytes and as parsed. */
interface Cached {
  field: 'institution_name' | 'district' | 'level';
  index: number;
  type: 'string' | 'enum';
  values?: string[];
  last: LastCell;
  value: string | undefined;
}

/** Reads the records of one file's batches into their groups. */
export class FastRecordReader {
  read = 0;
  accepted = 0;
  private readonly iInst: number;
  private readonly iYear: number;
  private readonly iKey: number;
  /**
   * The kind's other columns: header index, how to read them from bytes, and
   * what each value adds to the record's case (RecordKind.classes): `yes` and
   * `no` for a boolean, `adds[k]` for the k-th value of an enum.
   */
  private readonly columns: {
    index: number;
    type: typeof BOOLEAN | typeof ENUM | typeof CODE;
    def: RecordColumnDef;
    bytes: Buffer[];
    yes: number;
    no: number;
    adds: number[];
    /** For a text column: its value's class in the case. */
    classes: { named: readonly (boolean | string)[]; weight: number };
  }[];
  private readonly keys: Cached[];
  private lastInst = '';
  private readonly lastInstCell = new LastCell();
  private lastGroup: RecordGroup | undefined;
  /** The record id's fingerprint (records.ts fingerprintInto). */
  private readonly fp = new Uint32Array(2);

  constructor(
    private readonly kind: RecordKind,
    private readonly fields: readonly (string | null)[],
    private readonly hooks: FastRecordHooks,
    keyTypes: ReadonlyMap<string, { type: string; values?: string[] }>,
  ) {
    const at = (id: string) => fields.indexOf(id);
    this.iInst = at('institution_id');
    this.iYear = at('year');
    this.iKey = at(kind.def.key);
    this.columns = kind.def.columns
      .map((def, j) => {
        const classes = kind.classes[j]!;
        const add = (v: boolean | string) => {
          const i = classes.named.indexOf(v);
          return (i < 0 ? classes.named.length : i) * classes.weight;
        };
        const values = def.type === 'enum' ? (def.values ?? []) : [];
        return {
          index: at(def.id),
          type: def.type === 'boolean' ? BOOLEAN : def.type === 'enum' ? ENUM : CODE,
          def,
          bytes: values.map((v) => Buffer.from(v)),
          yes: add(true),
          no: add(false),
          adds: values.map(add),
          classes,
        };
      })
      .filter((c) => c.def.id !== kind.def.key);
    this.keys = (['institution_name', 'district', 'level'] as const)
      .filter((id) => at(id) >= 0)
      .map((field) => {
        const t = keyTypes.get(field);
        const c: Cached = {
          field,
          index: at(field),
          type: t?.type === 'enum' ? 'enum' : 'string',
          last: new LastCell(),
          value: undefined,
        };
        if (t?.values) c.values = t.values;
        return c;
      });
  }

  /** Read records `first` … of a batch. */
  batch(b: CsvBatch, first: number): void {
    const width = this.fields.length;
    const buf = b.buf;
    const { cellStart, cellEnd } = b;
    for (let r = first; r < b.rows; r++) {
      this.read++;
      if (b.rowQuoted[r] === 1 || b.rowCells[r] !== width || !this.row(b, buf, cellStart, cellEnd, r)) {
        if (this.hooks.slow(b, r)) this.accepted++;
      }
    }
  }

  /** The fast read of one record; false when it must go the careful way (nothing was counted). */
  private row(b: CsvBatch, buf: Buffer, cs: Int32Array, ce: Int32Array, r: number): boolean {
    const c0 = b.rowCell[r]!;
    // institution
    let s = cs[c0 + this.iInst]!;
    let e = ce[c0 + this.iInst]!;
    let inst = this.lastInst;
    // the same bytes as the last accepted code need no second look (rows come grouped)
    if (!this.lastInstCell.is(buf, s, e)) {
      if (!plainId(buf, s, e)) return false;
      inst = buf.toString('latin1', s, e);
      this.lastInst = inst;
      this.lastInstCell.set(buf, s, e);
    }
    // year
    s = cs[c0 + this.iYear]!;
    e = ce[c0 + this.iYear]!;
    if (e - s !== 4) return false;
    let year = 0;
    for (let i = s; i < e; i++) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) return false;
      year = year * 10 + d;
    }
    if (year < 2000 || year > 2100) return false;
    // the kind's columns, read into the record's case
    let c = 0;
    const columns = this.columns;
    for (let j = 0; j < columns.length; j++) {
      const col = columns[j]!;
      s = cs[c0 + col.index]!;
      e = ce[c0 + col.index]!;
      if (col.type === BOOLEAN) {
        const yes = yesNo(buf, s, e);
        if (yes < 0) return false;
        c += yes === 1 ? col.yes : col.no;
      } else if (col.type === ENUM) {
        let k = 0;
        while (k < col.bytes.length && !same(buf, s, e, col.bytes[k]!)) k++;
        if (k === col.bytes.length) return false;
        c += col.adds[k]!;
      } else {
        if (!plainId(buf, s, e)) return false;
        const { named, weight } = col.classes;
        if (named.length > 0) {
          const i = named.indexOf(buf.toString('latin1', s, e));
          c += (i < 0 ? named.length : i) * weight;
        }
      }
    }
    // name, district, level: parsed once per change
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i]!;
      s = cs[c0 + k.index]!;
      e = ce[c0 + k.index]!;
      if (k.last.is(buf, s, e)) continue;
      const raw = buf.toString('utf8', s, e);
      const p = parseByType(k.type, { raw, kind: 'text' }, k.values);
      if (p.kind === 'error' || raw.includes('\uFFFD')) return false;
      k.last.set(buf, s, e);
      k.value = p.kind === 'value' ? (p.value as string) : undefined;
    }
    // the record id
    const ks = cs[c0 + this.iKey]!;
    const ke = ce[c0 + this.iKey]!;
    if (!plainId(buf, ks, ke)) return false;
    let g = this.lastGroup;
    if (!g || g.year !== year || g.institutionId !== inst || g.kind !== this.kind) {
      g = this.hooks.group(inst, year, at(b, r, c0 + this.iInst));
      this.lastGroup = g;
    }
    const fp = this.fp;
    fingerprintInto(buf, ks, ke, g.index, fp);
    if (this.hooks.ids.add(g, fp)) {
      this.hooks.duplicate(g, buf.toString('utf8', ks, ke), at(b, r, c0 + this.iKey));
      return true;
    }
    if (g.unknown) return true;
    countRecord(g, c);
    this.accepted++;
    const keys = this.keys;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k.value === undefined) continue;
      if (k.field === 'district') g.district ??= k.value;
      else if (k.field === 'institution_name') g.institutionName ??= k.value;
      else g.level ??= k.value;
    }
    return true;
  }
}

/** Position of a cell of a record without quotes (file filled in by the caller). */
function at(b: CsvBatch, r: number, cell: number): RecordAt {
  let c = 1;
  const to = b.cellStart[cell]!;
  for (let i = b.rowStart[r]!; i < to; i++) if ((b.buf[i]! & 0xc0) !== 0x80) c++;
  return { file: '', line: b.rowLine[r]!, column: c };
}
