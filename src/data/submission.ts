// Orchestration: stream each file through the readers, map headers, parse
// values, run the checks. A row is either accepted or rejected with at least
// one diagnostic (or a header error) naming its file; never dropped silently.
// No console output here: `validate` and `report` both call readSubmission.
import { diag, sortDiagnostics } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Dictionary, FieldDef } from '../plan/types.js';
import { cmp, type Fraction, frac, parseDecimal } from '../util/fraction.js';
import {
  checkConstraints,
  IndicatorKeys,
  type Located,
  type Period,
  PeriodTracker,
  parsePeriod,
} from './checks.js';
import { FastRecordReader } from './fast-records.js';
import {
  detectKind,
  type HeaderMap,
  HeaderMatcher,
  type HeaderTarget,
  indicatorColumns,
  KeyMapper,
  labelParams,
  mapHeader,
} from './headers.js';
import { toRecord } from './read/csv.js';
import { finishReads, openSource } from './read/index.js';
import {
  caseOf,
  countRecord,
  DEFAULT_ID_BUDGET,
  detectRecordKind,
  duplicateRecord,
  fingerprint,
  groupRow,
  RecordAggregator,
  type RecordAt,
  type RecordGroup,
  RecordIds,
  type RecordKind,
  recordFieldBits,
  recordKinds,
  sharedFieldLabels,
} from './records.js';
import { type OpenFn, type Registry, readRegistry } from './registry.js';
import type { Cell, OpenedSource, SourceRecord } from './source.js';
import type { IndicatorRow, InputFile, InstitutionRow, Submission, Value } from './types.js';
import { parseByType, parseCount, parseMoney, parseRatio, parseString, parseYear } from './values.js';

/** Options of `readSubmission`. */
export interface ReadSubmissionOptions {
  /** Force an encoding for every file. */
  encoding?: string;
  /** XLSX sheet name. */
  sheet?: string;
  /** Registry file of the institutions expected to submit. */
  institutions?: string;
  /** `YYYY` or `YYYYQn`: every expected institution must have an accepted row for it. */
  period?: string;
  /** Stock-field jump factor for `data/jump` (default 3: more than 3× or less than 1/3). */
  jumpFactor?: number | string;
  /** Keep at most this many errors; the rest are counted in one `data/too-many-errors`. */
  maxErrors?: number;
  /** Collect accepted rows (default true); `validate` turns it off to keep memory bounded. */
  keepRows?: boolean;
  /** Called with each accepted institution row as it streams (e.g. the report's roll-up). */
  onRow?: (row: InstitutionRow) => void;
  /** Data dictionary (default: the built-in one). */
  dictionary?: Dictionary;
  /** Reader (default: src/data/read's openSource). */
  open?: OpenFn;
  /** Memory for the duplicate-id check of record-level files, in bytes (default 4 MiB; the rest spills to a temporary file). */
  recordIdBudget?: number;
  /**
   * Told how far the reading has got, for a progress bar: when each file is
   * about to be opened (rows 0), at most once per batch of a record-level CSV
   * or every 4096 rows otherwise, and once when the file has been read.
   */
  onProgress?: (p: ReadProgress) => void;
}

/** How far the reading of one file has got (`onProgress`). */
export interface ReadProgress {
  /** The path as given to readSubmission. */
  file: string;
  /** Rows of this file read so far. */
  rows: number;
  /** Bytes of the file read so far, when the reader counts them (not XLSX). */
  bytesRead?: number;
  /** Size of the file in bytes, when known. */
  size?: number;
}

/** Rows between two progress calls on the record-by-record path (a power of two). */
const PROGRESS_ROWS = 4096;

/** The default jump factor. */
export const DEFAULT_JUMP_FACTOR = 3;

/** Opens a file with src/data/read's openSource. */
export const defaultOpen: OpenFn = openSource;

/** Parse a jump factor (> 1) from a number or decimal text; null when invalid. */
export function parseJumpFactor(x: number | string): Fraction | null {
  const f = parseDecimal(String(x).trim());
  return f && cmp(f, frac(1n)) > 0 ? f : null;
}

/** Keeps diagnostics, up to `max` errors. */
class Sink {
  readonly list: Diagnostic[] = [];
  errors = 0;
  omitted = 0;
  constructor(private readonly max: number | undefined) {}
  push(d: Diagnostic): void {
    if (d.severity === 'error') {
      this.errors++;
      if (this.max !== undefined && this.errors > this.max) {
        this.omitted++;
        return;
      }
    }
    this.list.push(d);
  }
}

const REQUIRED = ['institution_id', 'year'];
const KEY_FIELDS = new Set(['institution_id', 'institution_name', 'district', 'level', 'year', 'quarter']);

interface Shared {
  dict: Dictionary;
  fields: Map<string, FieldDef>;
  institutionMatcher: HeaderMatcher;
  indicatorMatcher: HeaderMatcher;
  indicatorTargets: Map<string, HeaderTarget>;
  indicatorNames: HeaderMatcher;
  tracker: PeriodTracker;
  indicatorKeys: IndicatorKeys;
  registry: Registry | undefined;
  sink: Sink;
  keepRows: boolean;
  onRow: ((row: InstitutionRow) => void) | undefined;
  rows: InstitutionRow[];
  indicators: IndicatorRow[];
  recordKinds: RecordKind[];
  /** Bit of each record-producible field. */
  recordBits: Map<string, number>;
  aggregator: RecordAggregator;
  recordIds: RecordIds;
  onProgress: ((p: ReadProgress) => void) | undefined;
}

/** Per-file state: how cells map to targets. */
interface FileState {
  path: string;
  fileIndex: number;
  kind: 'institutions' | 'indicators' | 'records';
  header: HeaderMap | null;
  keys: KeyMapper;
  recordKind?: RecordKind;
}

/**
 * Read, check and normalise submission files. Returns the accepted rows, one
 * InputFile per path (rowsRead = rowsAccepted + rowsRejected) and every
 * diagnostic, sorted by file, line and column.
 */
export async function readSubmission(paths: string[], opts: ReadSubmissionOptions = {}): Promise<Submission> {
  // the dictionary module is imported only when the caller did not pass one
  const dict: Dictionary = opts.dictionary ?? (await (await import('../plan/builtin.js')).getDictionary());
  const open = opts.open ?? defaultOpen;
  const period = opts.period === undefined ? undefined : parsePeriod(opts.period);
  if (period === null) throw new RangeError(`invalid period ${opts.period}: write YYYY or YYYYQn`);
  const factor = parseJumpFactor(opts.jumpFactor ?? DEFAULT_JUMP_FACTOR);
  if (!factor) throw new RangeError(`invalid jump factor ${opts.jumpFactor}: write a number greater than 1`);
  const fields = new Map(dict.fields.map((f) => [f.id, f]));
  const indicatorTargets = indicatorColumns(dict);
  const sh: Shared = {
    dict,
    fields,
    institutionMatcher: new HeaderMatcher(dict.fields),
    indicatorMatcher: new HeaderMatcher(indicatorTargets),
    indicatorTargets: new Map(indicatorTargets.map((t) => [t.id, t])),
    indicatorNames: new HeaderMatcher(dict.indicators),
    tracker: new PeriodTracker(dict.fields.filter((f) => f.type === 'count' && f.aggregation === 'stock')),
    indicatorKeys: new IndicatorKeys(),
    registry: undefined,
    sink: new Sink(opts.maxErrors),
    keepRows: opts.keepRows !== false,
    onRow: opts.onRow,
    rows: [],
    indicators: [],
    recordKinds: recordKinds(dict),
    recordBits: new Map(),
    aggregator: new RecordAggregator(),
    recordIds: new RecordIds(opts.recordIdBudget ?? DEFAULT_ID_BUDGET),
    onProgress: opts.onProgress,
  };
  sh.recordBits = recordFieldBits(sh.recordKinds);
  const openOpts = {
    ...(opts.encoding ? { encoding: opts.encoding } : {}),
    ...(opts.sheet ? { sheet: opts.sheet } : {}),
  };
  if (opts.institutions) {
    // the registry comes from elsewhere than the submissions: its encoding is always detected
    sh.registry = await readRegistry(opts.institutions, dict, open);
    for (const d of sh.registry.diagnostics) sh.sink.push(d);
  }
  const files: InputFile[] = [];
  try {
    for (const path of paths) {
      sh.onProgress?.({ file: path, rows: 0 });
      files.push(await readFile(path, await open(path, openOpts), sh));
    }
  } finally {
    sh.recordIds.close();
    finishReads();
  }
  finishRecords(sh);
  for (const d of sh.tracker.jumps(factor)) sh.sink.push(d);
  if (period) for (const d of sh.tracker.incomplete(period, sh.registry, sh.aggregator)) sh.sink.push(d);
  const diagnostics = sortDiagnostics(sh.sink.list);
  if (sh.sink.omitted > 0)
    diagnostics.push(diag('data/too-many-errors', { more: sh.sink.omitted, max: opts.maxErrors }));
  return { files, rows: sh.rows, indicators: sh.indicators, diagnostics };
}

async function readFile(path: string, src: OpenedSource, sh: Shared): Promise<InputFile> {
  const input: InputFile = {
    path,
    sha256: '',
    encoding: src.encoding,
    kind: 'institutions',
    rowsRead: 0,
    rowsAccepted: 0,
    rowsRejected: 0,
  };
  const keys = new KeyMapper(sh.institutionMatcher, path, (d) => sh.sink.push(d));
  let state: FileState | undefined;
  if (src.header) {
    const texts = src.header.map((h) => h.text);
    const recordKind = detectRecordKind(texts, sh.recordKinds);
    const kind = recordKind ? 'records' : detectKind(texts, sh.institutionMatcher, sh.indicatorMatcher);
    const matcher =
      recordKind?.matcher ?? (kind === 'indicators' ? sh.indicatorMatcher : sh.institutionMatcher);
    const required =
      recordKind?.required ?? (kind === 'indicators' ? ['district', 'year', 'indicator', 'value'] : REQUIRED);
    const header = mapHeader(src.header, matcher, required, path);
    for (const d of header.diagnostics) sh.sink.push(d);
    state = { path, fileIndex: sh.tracker.fileIndex(path), kind, header, keys };
    if (recordKind) state.recordKind = recordKind;
  }
  const fast = state?.recordKind && state.header && !state.header.fatal && src.batches ? state : undefined;
  if (fast) await fastRecordFile(src, fast, sh, input);
  else
    for await (const rec of src.records()) {
      input.rowsRead++;
      if (!state) {
        const texts = rec.cells.map((c) => c.key);
        const recordKind = detectRecordKind(texts, sh.recordKinds);
        const kind = recordKind ? 'records' : detectKind(texts, sh.institutionMatcher, sh.indicatorMatcher);
        const matcher = recordKind?.matcher ?? (kind === 'indicators' ? sh.indicatorMatcher : undefined);
        const km = matcher ? new KeyMapper(matcher, path, (d) => sh.sink.push(d)) : keys;
        state = { path, fileIndex: sh.tracker.fileIndex(path), kind, header: null, keys: km };
        if (recordKind) state.recordKind = recordKind;
      }
      input.kind = state.kind;
      const ok =
        state.kind === 'indicators'
          ? indicatorRecord(rec, state, sh)
          : state.kind === 'records'
            ? recordRecord(rec, state, sh)
            : institutionRecord(rec, state, sh);
      if (ok) input.rowsAccepted++;
      else input.rowsRejected++;
      if (sh.onProgress && (input.rowsRead & (PROGRESS_ROWS - 1)) === 0)
        tellProgress(sh.onProgress, path, src, input.rowsRead);
    }
  if (sh.onProgress) tellProgress(sh.onProgress, path, src, input.rowsRead);
  if (state) input.kind = state.kind;
  if (state?.recordKind) input.record = state.recordKind.def.id;
  // the reader names the file by the path it opened; name it as the user wrote it
  for (const d of src.diagnostics) sh.sink.push(d.file === src.path ? { ...d, file: path } : d);
  if (input.rowsRead === 0 && !src.diagnostics.some((d) => d.severity === 'error')) {
    const line = src.header ? (src.header[0]?.line ?? 1) + 1 : 1;
    sh.sink.push(diag('data/no-rows', {}, { file: path, line, column: 1 }));
  }
  input.sha256 = src.sha256();
  // known only once the file is read: detection may switch to GB18030 at any byte
  input.encoding = src.encoding;
  return input;
}

function tellProgress(onProgress: (p: ReadProgress) => void, file: string, src: OpenedSource, rows: number) {
  const p: ReadProgress = { file, rows };
  const bytes = src.bytesRead?.();
  if (bytes !== undefined) p.bytesRead = bytes;
  if (src.size !== undefined) p.size = src.size;
  onProgress(p);
}

/** The record's cells keyed by target id; duplicates and invisible keys make it unusable. */
function resolveCells(
  rec: SourceRecord,
  st: FileState,
  sh: Shared,
  targets: ReadonlyMap<string, HeaderTarget>,
): { cells: Map<string, Cell>; usable: boolean } {
  const cells = new Map<string, Cell>();
  let usable = !st.header?.fatal;
  rec.cells.forEach((cell, i) => {
    const id = st.header ? (st.header.fields[i] ?? null) : st.keys.field(cell);
    if (!st.header && st.keys.isBad(cell.key)) usable = false;
    if (id === null) return;
    const first = cells.get(id);
    if (first) {
      // only JSON gets here: a header row's duplicates were mapped to null
      sh.sink.push(
        diag(
          'data/duplicate-header',
          { header: cell.key, firstColumn: first.keyColumn, ...labelParams(targets.get(id), id) },
          { file: st.path, line: cell.keyLine, column: cell.keyColumn, field: id, value: cell.key },
        ),
      );
      usable = false;
      return;
    }
    cells.set(id, cell);
  });
  return { cells, usable };
}

function raggedError(rec: SourceRecord, st: FileState, sh: Shared): boolean {
  if (!rec.ragged) return false;
  sh.sink.push(
    diag(
      'data/ragged-row',
      { expected: rec.ragged.expected, actual: rec.ragged.actual },
      { file: st.path, line: rec.line, column: rec.column },
    ),
  );
  return true;
}

/** Report a problem of a cell, with its field, raw value and position. */
function cellProblem(
  code: string,
  params: Record<string, unknown>,
  cell: Cell,
  id: string,
  target: HeaderTarget | undefined,
  st: FileState,
  sh: Shared,
): void {
  sh.sink.push(
    diag(
      code,
      { ...(params as Record<string, string>), ...labelParams(target, id), value: cell.raw ?? '' },
      { file: st.path, line: cell.line, column: cell.column, field: id, value: cell.raw ?? '' },
    ),
  );
}

function replacementWarning(
  cell: Cell,
  id: string,
  target: HeaderTarget | undefined,
  st: FileState,
  sh: Shared,
) {
  if (cell.raw?.includes('\uFFFD')) cellProblem('data/replacement-char', {}, cell, id, target, st, sh);
}

function missingValue(
  rec: SourceRecord,
  cell: Cell | undefined,
  id: string,
  target: HeaderTarget | undefined,
  st: FileState,
  sh: Shared,
): void {
  sh.sink.push(
    diag('data/missing-value', labelParams(target, id), {
      file: st.path,
      line: cell?.line ?? rec.line,
      column: cell?.column ?? rec.column,
      field: id,
    }),
  );
}

function institutionRecord(rec: SourceRecord, st: FileState, sh: Shared): boolean {
  if (raggedError(rec, st, sh)) return false;
  const { cells, usable } = resolveCells(rec, st, sh, sh.fields);
  const before = sh.sink.errors;
  const parsed = new Map<string, Located>();
  const failed = new Set<string>();
  for (const [id, cell] of cells) {
    const def = sh.fields.get(id)!;
    replacementWarning(cell, id, def, st, sh);
    const r = parseByType(def.type, cell, def.values);
    if (r.kind === 'error') {
      cellProblem(r.code, r.params, cell, id, def, st, sh);
      failed.add(id);
    } else if (r.kind === 'value') parsed.set(id, { value: r.value, line: cell.line, column: cell.column });
  }
  for (const id of REQUIRED) {
    // a missing column is reported once on the header, not on every row
    const columnMissing = st.header !== null && !st.header.fields.includes(id);
    if (!parsed.has(id) && !failed.has(id) && !columnMissing)
      missingValue(rec, cells.get(id), id, sh.fields.get(id), st, sh);
  }
  for (const d of checkConstraints(parsed, sh.dict.constraints, sh.fields, st.path)) sh.sink.push(d);
  const idv = parsed.get('institution_id');
  const yv = parsed.get('year');
  const institution = idv?.value as string | undefined;
  let period: Period | undefined;
  if (institution !== undefined && yv && !failed.has('quarter')) {
    const q = parsed.get('quarter');
    period = { year: yv.value as number, quarter: q ? (q.value as number) : null };
    const at = { file: st.fileIndex, line: rec.line, column: idv!.column };
    const qColumn = q?.column ?? cells.get('quarter')?.column ?? idv!.column;
    for (const d of sh.tracker.register(institution, period, at, qColumn)) sh.sink.push(d);
    if (sh.registry && !sh.registry.entries.has(institution))
      sh.sink.push(
        diag(
          'data/unknown-institution',
          { value: institution, registry: sh.registry.path },
          {
            file: st.path,
            line: idv!.line,
            column: idv!.column,
            field: 'institution_id',
            value: institution,
          },
        ),
      );
  }
  const ok = usable && sh.sink.errors === before;
  if (!ok || institution === undefined || !period) return false;
  const stock = new Map<string, { value: bigint; column: number }>();
  let fields = 0;
  for (const [id, v] of parsed) {
    if (typeof v.value === 'bigint') stock.set(id, { value: v.value, column: v.column });
    fields |= sh.recordBits.get(id) ?? 0;
  }
  sh.tracker.accept(institution, period, stock, fields);
  if (sh.keepRows || sh.onRow) {
    const row = toRow(st.path, rec.line, institution, period, parsed);
    if (sh.keepRows) sh.rows.push(row);
    sh.onRow?.(row);
  }
  return true;
}

function toRow(
  file: string,
  line: number,
  institutionId: string,
  period: Period,
  parsed: ReadonlyMap<string, Located>,
): InstitutionRow {
  const row: InstitutionRow = {
    file,
    line,
    institutionId,
    year: period.year,
    quarter: period.quarter,
    values: {},
  };
  const name = parsed.get('institution_name')?.value;
  const district = parsed.get('district')?.value;
  const level = parsed.get('level')?.value;
  if (typeof name === 'string') row.institutionName = name;
  if (typeof district === 'string') row.district = district;
  if (typeof level === 'string') row.level = level;
  for (const [id, v] of parsed) if (!KEY_FIELDS.has(id)) row.values[id] = v.value as Value;
  return row;
}

function indicatorRecord(rec: SourceRecord, st: FileState, sh: Shared): boolean {
  if (raggedError(rec, st, sh)) return false;
  const { cells, usable } = resolveCells(rec, st, sh, sh.indicatorTargets);
  const before = sh.sink.errors;
  const t = (id: string) => sh.indicatorTargets.get(id);
  const got: { district?: string; year?: number; indicator?: string; value?: Fraction } = {};
  const failed = new Set<string>();
  const take = <T>(
    id: string,
    r: ReturnType<typeof parseString> | ReturnType<typeof parseYear>,
    set: (v: T) => void,
  ) => {
    const cell = cells.get(id)!;
    if (r.kind === 'error') {
      cellProblem(r.code, r.params, cell, id, t(id), st, sh);
      failed.add(id);
    } else if (r.kind === 'value') set(r.value as T);
  };
  for (const [id, cell] of cells) replacementWarning(cell, id, t(id), st, sh);
  if (cells.has('district'))
    take<string>('district', parseString(cells.get('district')!), (v) => (got.district = v));
  if (cells.has('year')) take<number>('year', parseYear(cells.get('year')!), (v) => (got.year = v));
  const indCell = cells.get('indicator');
  let def: (typeof sh.dict.indicators)[number] | undefined;
  if (indCell) {
    const r = parseString(indCell);
    if (r.kind === 'error') {
      cellProblem(r.code, r.params, indCell, 'indicator', t('indicator'), st, sh);
      failed.add('indicator');
    } else if (r.kind === 'value') {
      const id = sh.indicatorNames.match(r.value);
      def = sh.dict.indicators.find((i) => i.id === id);
      if (def) got.indicator = def.id;
      else {
        cellProblem('data/unknown-indicator', {}, indCell, 'indicator', t('indicator'), st, sh);
        failed.add('indicator');
      }
    }
  }
  const valCell = cells.get('value');
  if (valCell && def) {
    const r =
      def.unit === 'ratio'
        ? parseRatio(valCell)
        : def.unit === 'CNY'
          ? parseMoney(valCell)
          : parseCount(valCell);
    if (r.kind === 'error') {
      cellProblem(r.code, r.params, valCell, 'value', t('value'), st, sh);
      failed.add('value');
    } else if (r.kind === 'value') got.value = typeof r.value === 'bigint' ? frac(r.value) : r.value;
  }
  for (const id of ['district', 'year', 'indicator', 'value']) {
    const columnMissing = st.header !== null && !st.header.fields.includes(id);
    const present = (got as Record<string, unknown>)[id] !== undefined;
    // a value cannot be read without a known indicator: that error is already reported
    if (id === 'value' && !def) continue;
    if (!present && !failed.has(id) && !columnMissing) missingValue(rec, cells.get(id), id, t(id), st, sh);
  }
  if (got.district !== undefined && got.year !== undefined && got.indicator !== undefined) {
    const d = sh.indicatorKeys.register(got.district, got.year, got.indicator, {
      file: st.path,
      line: rec.line,
      column: indCell!.column,
    });
    if (d) sh.sink.push(d);
  }
  const ok = usable && sh.sink.errors === before;
  if (!ok || got.value === undefined) return false;
  // indicator rows are few (district × year × indicator): always kept, also when rows are streamed
  sh.indicators.push({
    file: st.path,
    line: rec.line,
    district: got.district!,
    year: got.year!,
    indicator: got.indicator!,
    value: got.value,
  });
  return true;
}

/** A record-level CSV through the fast path (fast-records.ts); rows it cannot read from the bytes go through recordRecord. */
async function fastRecordFile(src: OpenedSource, st: FileState, sh: Shared, input: InputFile): Promise<void> {
  const header = src.header!;
  const reader = new FastRecordReader(
    st.recordKind!,
    st.header!.fields,
    {
      slow: (b, r) => recordRecord(toRecord(b, r, header), st, sh),
      group: (institution, year, at) =>
        recordGroup(st.recordKind!, institution, year, { ...at, file: st.path }, sh),
      ids: sh.recordIds,
      duplicate: (g, id, at) =>
        sh.sink.push(duplicateRecord(st.recordKind!, g, id, { ...at, file: st.path })),
    },
    sh.fields,
  );
  for await (const { batch, first } of src.batches!()) {
    reader.batch(batch, first);
    if (sh.onProgress) tellProgress(sh.onProgress, st.path, src, reader.read);
  }
  input.rowsRead += reader.read;
  input.rowsAccepted += reader.accepted;
  input.rowsRejected += reader.read - reader.accepted;
}

function recordRecord(rec: SourceRecord, st: FileState, sh: Shared): boolean {
  if (raggedError(rec, st, sh)) return false;
  const kind = st.recordKind!;
  const { cells, usable } = resolveCells(rec, st, sh, kind.targets);
  const before = sh.sink.errors;
  const values = new Map<string, unknown>();
  const failed = new Set<string>();
  for (const [id, cell] of cells) {
    const target = kind.targets.get(id);
    replacementWarning(cell, id, target, st, sh);
    const def = kind.columns.get(id) ?? sh.fields.get(id)!;
    const r = parseByType(def.type, cell, def.values);
    if (r.kind === 'error') {
      cellProblem(r.code, r.params, cell, id, target, st, sh);
      failed.add(id);
    } else if (r.kind === 'value') values.set(id, r.value);
  }
  for (const id of kind.required) {
    const columnMissing = st.header !== null && !st.header.fields.includes(id);
    if (!values.has(id) && !failed.has(id) && !columnMissing)
      missingValue(rec, cells.get(id), id, kind.targets.get(id), st, sh);
  }
  const institution = values.get('institution_id') as string | undefined;
  const year = values.get('year') as number | undefined;
  if (institution === undefined || year === undefined) return false;
  const idCell = cells.get('institution_id')!;
  const at = { file: st.path, line: idCell.line, column: idCell.column };
  const g = recordGroup(kind, institution, year, at, sh);
  const key = values.get(kind.def.key) as string | undefined;
  if (key !== undefined) checkRecordId(key, kind, g, cells.get(kind.def.key)!, st, sh);
  if (!usable || sh.sink.errors !== before || g.unknown) return false;
  countRecord(
    g,
    caseOf(
      kind,
      kind.def.columns.map((c) => values.get(c.id)),
    ),
  );
  if (g.institutionName === undefined)
    g.institutionName = values.get('institution_name') as string | undefined;
  if (g.district === undefined) g.district = values.get('district') as string | undefined;
  if (g.level === undefined) g.level = values.get('level') as string | undefined;
  return true;
}

/** The group of a record; a new group of an institution not in the registry is said once, and all its records are rejected. */
function recordGroup(
  kind: RecordKind,
  institution: string,
  year: number,
  at: RecordAt,
  sh: Shared,
): RecordGroup {
  const g = sh.aggregator.group(kind, institution, year, at);
  if (g.records === 0 && g.first === at && sh.registry && !sh.registry.entries.has(institution)) {
    g.unknown = true;
    sh.sink.push(
      diag(
        'data/unknown-institution',
        { value: institution, registry: sh.registry.path },
        { ...at, field: 'institution_id', value: institution },
      ),
    );
  }
  return g;
}

function checkRecordId(
  key: string,
  kind: RecordKind,
  g: RecordGroup,
  cell: Cell,
  st: FileState,
  sh: Shared,
): void {
  const bytes = Buffer.from(key, 'utf8');
  const at = { file: st.path, line: cell.line, column: cell.column };
  if (sh.recordIds.add(g, fingerprint(bytes, 0, bytes.length, g.index)))
    sh.sink.push(duplicateRecord(kind, g, key, at));
}

/** After every file: record groups that clash with totals rows, then the groups' rows to the caller. */
function finishRecords(sh: Shared): void {
  // each kind's fields as a mask of recordBits, worked out once per kind
  const masks = sh.recordKinds.map((k) => k.fields.reduce((m, f) => m | (sh.recordBits.get(f) ?? 0), 0));
  for (const g of sh.aggregator.all()) {
    if (g.records === 0 || g.unknown) continue;
    const mask = masks[g.kind.index]!;
    const hit = sh.tracker.fieldsIn(g.institutionId, g.year, mask);
    if (hit) {
      g.mixed = true;
      sh.sink.push(
        diag(
          'data/mixed-sources',
          {
            institution: g.institutionId,
            year: g.year,
            first: hit.at,
            ...sharedFieldLabels(hit.shared, sh.recordBits, sh.fields),
          },
          { ...g.first, field: 'institution_id', value: g.institutionId },
        ),
      );
      continue;
    }
    if (sh.keepRows || sh.onRow) {
      const row = groupRow(g);
      if (sh.keepRows) sh.rows.push(row);
      sh.onRow?.(row);
    }
  }
}
