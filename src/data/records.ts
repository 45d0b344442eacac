// Record-level inputs (a teacher roster, graduate destinations): one row per
// person, counted into institution-year fields as the data dictionary's
// `records` section says. Memory grows with institution-years (the counts);
// the duplicate check's id fingerprints stay within a fixed budget
// (RecordIds spills the rest to a temporary file); never with the records' text.
import {
  closeSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  unlinkSync,
  writeSync,
  writevSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diag } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Dictionary, FieldDef, RecordColumnDef, RecordDef } from '../plan/types.js';
import { type HeaderMatcher, type HeaderTarget, HeaderMatcher as Matcher } from './headers.js';
import type { InstitutionRow } from './types.js';

/** Key fields a record file may carry besides its own columns. */
export const RECORD_KEY_FIELDS = ['institution_id', 'institution_name', 'district', 'level', 'year'];

/** A record kind prepared for reading: its header matcher and its counting rules as bitmasks. */
export interface RecordKind {
  index: number;
  def: RecordDef;
  matcher: HeaderMatcher;
  /** Key fields and record columns, by id. */
  targets: Map<string, HeaderTarget>;
  columns: Map<string, RecordColumnDef>;
  /** Required on every record: institution_id, year and every column of the kind. */
  required: string[];
  /** Aggregated field ids, in the order of `def.aggregates`. */
  fields: string[];
  /**
   * Records are counted by case, not by aggregate: per column (in the order of
   * `def.columns`), the values the aggregates' conditions name. A record's
   * class in a column is its value's index in `named`, or `named.length` for
   * any other value; its case is the sum of class × `weight` over the columns.
   */
  classes: { named: readonly (boolean | string)[]; weight: number }[];
  /** Number of cases (the product of the columns' class counts). */
  cases: number;
  /** Per aggregate, the cases whose records it counts. */
  counted: number[][];
}

/** Most cases a record kind may have (each group keeps a count per case). */
const MAX_CASES = 256;

/** The case of a record whose column values (in the order of `def.columns`) are `vals`. */
export function caseOf(kind: RecordKind, vals: readonly unknown[]): number {
  let c = 0;
  kind.classes.forEach(({ named, weight }, j) => {
    const i = named.indexOf(vals[j] as boolean | string);
    c += (i < 0 ? named.length : i) * weight;
  });
  return c;
}

/** Count a record of case `c` into a group. */
export function countRecord(g: RecordGroup, c: number): void {
  g.records++;
  g.cases[c]!++;
}

/** A group's count for each aggregate of its kind: the sum over the cases it counts. */
export function aggregateCounts(g: RecordGroup): number[] {
  return g.kind.counted.map((cases) => cases.reduce((n, c) => n + g.cases[c]!, 0));
}

/** Prepare the dictionary's record kinds. */
export function recordKinds(dict: Dictionary): RecordKind[] {
  const keyFields = dict.fields.filter((f) => RECORD_KEY_FIELDS.includes(f.id));
  return (dict.records ?? []).map((def, index) => {
    const targets: HeaderTarget[] = [...keyFields, ...def.columns];
    const wants = def.aggregates.map((a) =>
      Object.entries(a.where ?? {}).map(([col, want]) => ({
        col: def.columns.findIndex((c) => c.id === col),
        values: (typeof want === 'boolean' ? [want] : want) as readonly (boolean | string)[],
      })),
    );
    let cases = 1;
    const classes = def.columns.map((_, j) => {
      const named = [...new Set(wants.flat().flatMap((w) => (w.col === j ? [...w.values] : [])))];
      const weight = cases;
      cases *= named.length + 1;
      return { named, weight };
    });
    if (cases > MAX_CASES)
      throw new Error(`record kind ${def.id}: its conditions make ${cases} cases (at most ${MAX_CASES})`);
    // the class of column j in case c
    const classIn = (c: number, j: number) =>
      Math.floor(c / classes[j]!.weight) % (classes[j]!.named.length + 1);
    const all = Array.from({ length: cases }, (_, c) => c);
    return {
      index,
      def,
      matcher: new Matcher(targets),
      targets: new Map(targets.map((t) => [t.id, t])),
      columns: new Map(def.columns.map((c) => [c.id, c])),
      required: ['institution_id', 'year', ...def.columns.map((c) => c.id)],
      fields: def.aggregates.map((a) => a.field),
      classes,
      cases,
      counted: wants.map((conds) =>
        all.filter((c) =>
          conds.every((w) => w.values.some((v) => classIn(c, w.col) === classes[w.col]!.named.indexOf(v))),
        ),
      ),
    };
  });
}

/** The record kind a header row (or a JSON record's keys) announces: it names the kind's key column and 院校代码. */
export function detectRecordKind(
  texts: readonly string[],
  kinds: readonly RecordKind[],
): RecordKind | undefined {
  return kinds.find((k) => {
    const ids = new Set(texts.map((t) => k.matcher.match(t)));
    return ids.has(k.def.key) && ids.has('institution_id');
  });
}

/** The fields any record kind produces, each with a bit (for the mixed-sources check). */
export function recordFieldBits(kinds: readonly RecordKind[]): Map<string, number> {
  const bits = new Map<string, number>();
  for (const k of kinds)
    for (const f of k.fields) if (!bits.has(f) && bits.size < 31) bits.set(f, 1 << bits.size);
  return bits;
}

/** Where a record sits, for diagnostics. */
export interface RecordAt {
  file: string;
  line: number;
  column: number;
}

/** The counts of one record kind for one institution-year. */
export interface RecordGroup extends IdTable {
  kind: RecordKind;
  /** Small integer naming this group in the id fingerprints. */
  index: number;
  institutionId: string;
  year: number;
  institutionName: string | undefined;
  district: string | undefined;
  level: string | undefined;
  /** Records counted (accepted). */
  records: number;
  /** Records counted per case of the kind (RecordKind.classes). */
  cases: Int32Array;
  /** The first record, where group-level problems are reported. */
  first: RecordAt;
  /** The institution is not in the registry: every record of the group is rejected (said once). */
  unknown?: boolean;
  /** A totals row gives some of the same fields (`data/mixed-sources`): the group is not used. */
  mixed?: boolean;
}

/** Counts records into institution-years, per record kind. */
export class RecordAggregator {
  /** Each institution's groups (a few: years × record kinds), found without building a key string. */
  private readonly byInstitution = new Map<string, RecordGroup[]>();
  private readonly list: RecordGroup[] = [];
  private last: RecordGroup | undefined;

  /** The group of (kind, institution, year), created on first use; consecutive records of one group are found without a Map lookup. */
  group(kind: RecordKind, institutionId: string, year: number, at: RecordAt): RecordGroup {
    const l = this.last;
    if (l && l.kind === kind && l.year === year && l.institutionId === institutionId) return l;
    let mine = this.byInstitution.get(institutionId);
    if (!mine) {
      mine = [];
      this.byInstitution.set(institutionId, mine);
    }
    let g = mine.find((x) => x.year === year && x.kind === kind);
    if (!g) {
      // every property set up front: one hidden class for all groups keeps the hot path monomorphic
      g = {
        kind,
        index: this.list.length,
        institutionId,
        year,
        institutionName: undefined,
        district: undefined,
        level: undefined,
        records: 0,
        cases: new Int32Array(kind.cases),
        first: at,
        unknown: false,
        mixed: false,
        ids: undefined,
        idMask: 7,
        idSize: 0,
        spillAt: undefined,
        spillSlots: 0,
      };
      mine.push(g);
      this.list.push(g);
    }
    this.last = g;
    return g;
  }

  /** Every group, in the order first seen. */
  all(): readonly RecordGroup[] {
    return this.list;
  }

  /** True when some record kind gave a group for the institution and year. */
  has(institutionId: string, year: number): boolean {
    return this.byInstitution.get(institutionId)?.some((g) => g.year === year) ?? false;
  }

  /** Each institution seen in records, with its first record. */
  *ids(): Iterable<[string, RecordAt]> {
    for (const [id, groups] of this.byInstitution) yield [id, groups[0]!.first];
  }
}

/** The institution-year row a group adds up to: an annual row whose values are the counts, carrying how many records it came from. */
export function groupRow(g: RecordGroup): InstitutionRow {
  const values: InstitutionRow['values'] = {};
  const counts = aggregateCounts(g);
  g.kind.fields.forEach((f, i) => {
    values[f] = BigInt(counts[i]!);
  });
  const row: InstitutionRow = {
    file: g.first.file,
    line: g.first.line,
    institutionId: g.institutionId,
    year: g.year,
    quarter: null,
    values,
    records: g.records,
  };
  if (g.institutionName !== undefined) row.institutionName = g.institutionName;
  if (g.district !== undefined) row.district = g.district;
  if (g.level !== undefined) row.level = g.level;
  return row;
}

/** A group's own table of id fingerprints (kept on the group, see RecordIds). */
export interface IdTable {
  ids?: Uint32Array | undefined;
  idMask?: number;
  idSize?: number;
  /** Where the table was last written to the spill file, while it is not in memory. */
  spillAt?: number;
  spillSlots?: number;
}

/**
 * Sets of 64-bit fingerprints of record ids, one small open-addressing table
 * per institution-year (a typed array, 8 bytes per slot, both halves side by
 * side): records usually come grouped, so the table in use stays in the CPU
 * cache. A hit means the same id was seen in the same institution-year with
 * probability 1 − n²/2⁶⁵ (n ids of that year: below 1 in 10¹¹ at 10,000); a
 * real duplicate is never missed. Tables in memory are bounded by
 * `budgetBytes`: beyond it, the least recently used tables are written to an
 * unlinked temporary file and read back when their institution-year comes
 * again, so memory stays bounded whatever the number of records.
 */
export class RecordIds {
  private size = 0;
  private used = 0;
  /** Tables in memory, least recently used first (a Set keeps insertion order). */
  private readonly resident = new Set<IdTable>();
  private last: IdTable | undefined;
  private spill: { fd: number; dir: string; end: number } | undefined;
  /** Bytes written to the spill file (for the benchmark). */
  spilled = 0;
  /** Slots of a new group's table: the size the last grown table reached (at most MAX_START_SLOTS). */
  private startSlots = 8;
  /**
   * Tables written out (or outgrown), kept for the next ones of their length,
   * at most a quarter of the budget: a grouped export retires a table per
   * institution-year, and allocating each anew cost ~0.1 s of garbage
   * collection on 12,000 institution-years.
   */
  private readonly pool = new Map<number, Uint32Array[]>();
  private pooled = 0;

  constructor(readonly budgetBytes = DEFAULT_ID_BUDGET) {}

  /** Add the fingerprint fp[0], fp[1] (fingerprintInto) to group g's table; true when it was already there. */
  add(g: IdTable, fp: Uint32Array): boolean {
    const a = fp[0]!;
    let b = fp[1]!;
    if (a === 0 && b === 0) b = 1; // (0, 0) marks an empty slot
    if (g !== this.last) this.touch(g);
    const tab = g.ids!;
    const mask = g.idMask!;
    let i = (b ^ Math.imul(a, 0x9e3779b1)) & mask;
    for (;;) {
      const x = tab[2 * i]!;
      const y = tab[2 * i + 1]!;
      if (x === 0 && y === 0) break;
      if (x === a && y === b) return true;
      i = (i + 1) & mask;
    }
    tab[2 * i] = a;
    tab[2 * i + 1] = b;
    this.size++;
    g.idSize = g.idSize! + 1;
    if (g.idSize > (mask + 1) * 0.75) {
      this.used -= tab.byteLength;
      grow(g, this.take(2 * tab.length, true));
      this.give(tab);
      this.startSlots = Math.min(MAX_START_SLOTS, g.idMask! + 1);
      this.used += g.ids!.byteLength;
      this.evict(g);
    }
    return false;
  }

  /** Ids remembered. */
  get count(): number {
    return this.size;
  }

  /** Close and remove the spill file. */
  close(): void {
    if (!this.spill) return;
    closeSync(this.spill.fd);
    rmSync(this.spill.dir, { recursive: true, force: true });
    this.spill = undefined;
  }

  /** Bring g's table into memory and mark it most recently used. */
  private touch(g: IdTable): void {
    this.last = g;
    if (g.ids === undefined) {
      if (g.spillAt !== undefined && this.spill) {
        const tab = this.take(2 * g.spillSlots!, false);
        readSync(this.spill.fd, tab, 0, tab.byteLength, g.spillAt);
        g.ids = tab;
      } else {
        // a new group starts at the size the last grown table reached (groups of one
        // export are alike in size), so most tables are never rehashed
        g.ids = this.take(2 * this.startSlots, true);
        g.idMask = this.startSlots - 1;
        g.idSize = 0;
      }
      this.used += g.ids.byteLength;
    }
    this.resident.delete(g);
    this.resident.add(g);
    this.evict(g);
  }

  /** A table of `length` entries: a pooled one (zeroed when asked) or a new one. */
  private take(length: number, zero: boolean): Uint32Array {
    const tab = this.pool.get(length)?.pop();
    if (!tab) return new Uint32Array(length);
    this.pooled -= tab.byteLength;
    if (zero) tab.fill(0);
    return tab;
  }

  /** Keep a table no group holds any more for reuse, while the pool is within its share. */
  private give(tab: Uint32Array): void {
    if (this.pooled + tab.byteLength > this.budgetBytes / 4) return;
    let list = this.pool.get(tab.length);
    if (!list) {
      list = [];
      this.pool.set(tab.length, list);
    }
    list.push(tab);
    this.pooled += tab.byteLength;
  }

  /**
   * Write least recently used tables out until the budget holds (never
   * `keep`). Once over budget, tables go until three quarters of it is left,
   * and those new to the file are appended with one write: a grouped export
   * retires one small table per institution-year, and a system call for each
   * cost more than the writing (~15 % of a 1 M-record roster's report).
   */
  private evict(keep: IdTable): void {
    if (this.used <= this.budgetBytes) return;
    const target = Math.floor(this.budgetBytes * 0.75);
    this.spill ??= openSpill();
    const spill = this.spill;
    const appended: Uint32Array[] = [];
    const written: Uint32Array[] = [];
    const appendAt = spill.end;
    for (const t of this.resident) {
      if (this.used <= target) break;
      if (t === keep) continue;
      const tab = t.ids!;
      if (t.spillAt !== undefined && t.spillSlots === tab.length / 2) {
        // a table that comes back with the same size is written where it was
        writeAll(spill.fd, bytesOf(tab), t.spillAt);
        written.push(tab);
      } else {
        t.spillAt = spill.end;
        spill.end += tab.byteLength;
        appended.push(tab);
      }
      this.spilled += tab.byteLength;
      t.spillSlots = tab.length / 2;
      t.ids = undefined;
      this.used -= tab.byteLength;
      this.resident.delete(t);
    }
    let at = appendAt;
    for (let i = 0; i < appended.length; i += IOV_MAX) {
      const part = appended.slice(i, i + IOV_MAX);
      const bytes = part.reduce((n, t) => n + t.byteLength, 0);
      const written = writevSync(spill.fd, part, at);
      if (written < bytes) {
        // a short write (not seen on local disks): the rest one table at a time
        let off = at;
        for (const tab of part) {
          const done = Math.max(0, Math.min(tab.byteLength, written - (off - at)));
          if (done < tab.byteLength) writeAll(spill.fd, bytesOf(tab).subarray(done), off + done);
          off += tab.byteLength;
        }
      }
      at += bytes;
    }
    for (const tab of written) this.give(tab);
    for (const tab of appended) this.give(tab);
  }
}

/** Buffers per writev (Linux's IOV_MAX). */
const IOV_MAX = 1024;

const bytesOf = (tab: Uint32Array) => new Uint8Array(tab.buffer, tab.byteOffset, tab.byteLength);

/** Write all of `bytes` at `position`. */
function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

/** The largest table a new group starts with (32 KiB; larger groups grow from there). */
const MAX_START_SLOTS = 4096;

/** Default memory for record-id tables (beyond it they spill to a temporary file). */
export const DEFAULT_ID_BUDGET = 4 * 1024 * 1024;

function openSpill(): { fd: number; dir: string; end: number } {
  const dir = mkdtempSync(join(tmpdir(), 'vet-check-ids-'));
  const path = join(dir, 'ids.bin');
  const fd = openSync(path, 'w+');
  try {
    unlinkSync(path); // nothing is left behind, even if the process is killed
  } catch {
    // Windows: removed with the directory on close()
  }
  return { fd, dir, end: 0 };
}

/** Rehash g's table into `tab` (zeroed, twice its length). */
function grow(g: IdTable, tab: Uint32Array): void {
  const old = g.ids!;
  const n = old.length; // twice the slots: the new slot count
  const mask = n - 1;
  for (let j = 0; j < old.length; j += 2) {
    const a = old[j]!;
    const b = old[j + 1]!;
    if (a === 0 && b === 0) continue;
    let i = (b ^ Math.imul(a, 0x9e3779b1)) & mask;
    while (tab[2 * i] !== 0 || tab[2 * i + 1] !== 0) i = (i + 1) & mask;
    tab[2 * i] = a;
    tab[2 * i + 1] = b;
  }
  g.ids = tab;
  g.idMask = mask;
}

/**
 * Two 32-bit FNV-1a hashes (different primes and offsets) of bytes buf[start, end)
 * salted by a group index, each finalised with murmur3's fmix32, written to
 * out[0] and out[1]. A typed array, not a return value: a 32-bit value outside
 * V8's small-integer range returned or passed as an argument is boxed in a new
 * heap number, two per record (~15 % of a 1 M-record read was garbage collection).
 */
export function fingerprintInto(
  buf: Uint8Array,
  start: number,
  end: number,
  group: number,
  out: Uint32Array,
): void {
  let h1 = 0x811c9dc5 ^ group;
  let h2 = Math.imul(group + 1, 0x85ebca6b) ^ 0x27d4eb2f;
  for (let i = start; i < end; i++) {
    const c = buf[i]!;
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  // fmix32 of each, written out by hand (a call would box its argument)
  h1 ^= end - start;
  h1 ^= h1 >>> 16;
  h1 = Math.imul(h1, 0x85ebca6b);
  h1 ^= h1 >>> 13;
  h1 = Math.imul(h1, 0xc2b2ae35);
  h1 ^= h1 >>> 16;
  h2 = h2 + group;
  h2 ^= h2 >>> 16;
  h2 = Math.imul(h2, 0x85ebca6b);
  h2 ^= h2 >>> 13;
  h2 = Math.imul(h2, 0xc2b2ae35);
  h2 ^= h2 >>> 16;
  out[0] = h1;
  out[1] = h2;
}

/** `fingerprintInto` a new array. */
export function fingerprint(buf: Uint8Array, start: number, end: number, group: number): Uint32Array {
  const out = new Uint32Array(2);
  fingerprintInto(buf, start, end, group, out);
  return out;
}

/** `data/duplicate-record`: the same record id twice in one institution-year. */
export function duplicateRecord(kind: RecordKind, g: RecordGroup, id: string, at: RecordAt): Diagnostic {
  const col = kind.columns.get(kind.def.key);
  return diag(
    'data/duplicate-record',
    {
      id,
      institution: g.institutionId,
      year: g.year,
      fieldZh: col?.label.zh ?? kind.def.key,
      fieldEn: col?.label.en ?? kind.def.key,
    },
    { ...at, field: kind.def.key, value: id },
  );
}

/** Labels of the fields shared by a record kind and a totals row, for `data/mixed-sources`. */
export function sharedFieldLabels(
  mask: number,
  bits: ReadonlyMap<string, number>,
  fields: ReadonlyMap<string, FieldDef>,
) {
  const ids = [...bits].filter(([, b]) => (mask & b) !== 0).map(([id]) => id);
  return {
    fieldsZh: ids.map((id) => fields.get(id)?.label.zh ?? id).join('、'),
    fieldsEn: ids.map((id) => fields.get(id)?.label.en ?? id).join(', '),
  };
}
