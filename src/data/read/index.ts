// openSource: pick the format and encoding, then stream the file's records
// through decode.ts and the reader of its format.
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { diag } from '../../diagnostics/diagnostic.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { type DecodeState, decodeToUtf8, type EncodingName, normalizeEncoding, ReadStop } from '../decode.js';
import type { HeaderCell, OpenedSource, OpenOptions, SourceFormat, SourceRecord } from '../source.js';
import {
  CHUNK,
  errorReason,
  FIRST_READ,
  fileBytes,
  hashRest,
  pooledFileBytes,
  type ReadProgress,
} from './bytes.js';
import { type CsvSink, readCsv, readCsvBatches, sniffDelimiter, withHeader } from './csv.js';
import type { CsvBatch } from './csv-scan.js';
import { readJson } from './json.js';
import { readJsonl } from './jsonl.js';
import {
  type EndMessage,
  prestartScanThread,
  releaseScanThread,
  scanInThread,
  useScanThread,
} from './scan-thread.js';
import { loadSheet, MAX_XLSX_BYTES, sheetRecords } from './xlsx.js';

/** Default largest record (1 MiB). */
export const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

/** The format an extension announces; null for an unsupported one (e.g. .xls). */
export function formatOf(path: string): SourceFormat | null {
  const ext = extname(path).toLowerCase();
  if (ext === '.tsv' || ext === '.tab') return 'tsv';
  if (ext === '.json') return 'json';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx';
  if (ext === '.xls' || ext === '.et' || ext === '.ods' || ext === '.numbers') return null;
  return 'csv'; // .csv, .txt (Excel "Unicode text"), or no extension: the delimiter is sniffed
}

/**
 * Start the scanning thread early when one of `paths` (of the given sizes,
 * undefined for a file that is not there) is a CSV/TSV file that will be
 * scanned on it (see useScanThread): called before plans and the dictionary
 * load, it is ready when the file is.
 */
export function prepareReads(paths: readonly string[], sizes: readonly (number | undefined)[]): void {
  const i = paths.findIndex((path, k) => {
    const format = formatOf(path);
    const size = sizes[k];
    // as in openSource: a file smaller than one read is read whole, on this thread
    return (
      (format === 'csv' || format === 'tsv') && size !== undefined && size >= CHUNK && useScanThread(size)
    );
  });
  if (i >= 0) prestartScanThread();
}

/** After the last file: a thread started ahead by prepareReads and not needed is stopped. */
export function finishReads(): void {
  releaseScanThread();
}

/** The bytes of a file already read whole (smaller than one chunk), hashed as they pass. */
async function* memoryBytes(whole: Buffer, hash: Hash, progress: { offset: number }) {
  hash.update(whole);
  progress.offset += whole.length;
  if (whole.length > 0) yield whole;
}

/**
 * The bytes of the header peek (not hashed): the head of the file, already
 * read, in pieces of a first read (a short header is decoded alone), then the
 * rest of the file if the header is longer.
 */
async function* headThenRest(head: Buffer, path: string): AsyncGenerator<Buffer> {
  for (let at = 0; at < head.length; at += FIRST_READ) yield head.subarray(at, at + FIRST_READ);
  if (head.length < CHUNK) return;
  for await (const chunk of createReadStream(path, { start: head.length, highWaterMark: CHUNK }))
    yield chunk as Buffer;
}

async function readHead(path: string): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    const { bytesRead } = await fh.read(buf, 0, CHUNK, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Decode the head of a file (best effort, for sniffing the delimiter). */
async function decodedHead(head: Buffer, forced: EncodingName | undefined): Promise<Buffer> {
  const state: DecodeState = {
    file: '',
    encoding: 'utf-8',
    detected: true,
    bytes: 0,
    textBytes: 0,
    diagnostics: [],
  };
  const parts: Buffer[] = [];
  try {
    for await (const out of decodeToUtf8([head], state, forced)) parts.push(out);
  } catch {
    // A bad byte is reported by the real read; the text before it is enough to sniff.
  }
  return Buffer.concat(parts);
}

const isZip = (h: Buffer) => h[0] === 0x50 && h[1] === 0x4b && h[2] === 0x03 && h[3] === 0x04;
const isOle = (h: Buffer) => h[0] === 0xd0 && h[1] === 0xcf && h[2] === 0x11 && h[3] === 0xe0;

/**
 * Open a submission file for streaming: decide its format (opts.format, else
 * the extension) and encoding (opts.encoding, else a BOM, else strict UTF-8
 * falling back to GB18030), read its header, and return an OpenedSource whose
 * `records()` streams the rest. Never throws for bad input: problems become
 * diagnostics on the returned source.
 */
export async function openSource(path: string, opts: OpenOptions = {}): Promise<OpenedSource> {
  const diagnostics: Diagnostic[] = [];
  const file = path;
  const maxRecordBytes = opts.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const byExt = formatOf(path);
  let format: SourceFormat = opts.format ?? byExt ?? 'csv';
  let forced: EncodingName | undefined;
  const hash = createHash('sha256');
  let digest: string | null = null;
  let header: HeaderCell[] | null = null;
  const state: DecodeState = { file, encoding: 'utf-8', detected: true, bytes: 0, textBytes: 0, diagnostics };

  const source: OpenedSource = {
    path,
    get format() {
      return format;
    },
    get encoding() {
      return format === 'xlsx' ? 'xlsx' : state.encoding;
    },
    get detected() {
      return state.detected;
    },
    get header() {
      return header;
    },
    diagnostics,
    records: emptyRecords,
    sha256: () => {
      if (digest === null) digest = hash.copy().digest('hex');
      return digest;
    },
  };
  const fail = (d: Diagnostic): OpenedSource => {
    diagnostics.push(d);
    return source;
  };

  if (!opts.format && byExt === null) {
    return fail(diag('read/unsupported-format', { format: extname(path) }, { file }));
  }
  if (opts.encoding !== undefined) {
    const enc = normalizeEncoding(opts.encoding);
    if (!enc) return fail(diag('read/unknown-encoding', { encoding: opts.encoding }, { file }));
    forced = enc;
    state.encoding = enc;
    state.detected = false;
  }
  let head: Buffer;
  let size = 0;
  try {
    const st = await stat(path);
    if (!st.isFile()) return fail(diag('read/cannot-open', { reason: 'not a file' }, { file }));
    head = await readHead(path);
    size = st.size;
  } catch (e) {
    return fail(diag('read/cannot-open', { reason: errorReason(e) }, { file }));
  }
  if (format !== 'xlsx' && isZip(head)) {
    return fail(diag('read/looks-like-xlsx', { ext: extname(path) || '(none)' }, { file }));
  }
  if (isOle(head)) return fail(diag('read/unsupported-format', { format: '.xls' }, { file }));

  if (format === 'xlsx') return openXlsx(source, path, opts.sheet, diagnostics, hash, (h) => (header = h));

  let delimiter: ',' | '\t' = ',';
  if (format === 'csv' || format === 'tsv') {
    delimiter = format === 'tsv' ? '\t' : sniffDelimiter(await decodedHead(head, forced));
    format = delimiter === '\t' ? 'tsv' : 'csv';
  }

  let used = false;
  const progress: ReadProgress = { offset: 0 };
  // a file smaller than one read is already whole in `head`: no second round of I/O for it
  const whole = head.length < CHUNK ? head : null;
  // CSV/TSV reads go into reused buffers (the tokenizer keeps nothing of a chunk past the
  // next read); JSON readers may hold on to a chunk longer, so they get a new one each time
  const reuse = format === 'csv' || format === 'tsv';
  const bytes = () =>
    whole
      ? memoryBytes(whole, hash, progress)
      : reuse
        ? pooledFileBytes(path, file, hash, progress, CHUNK, FIRST_READ)
        : fileBytes(path, file, hash, progress);
  if (format === 'csv' || format === 'tsv') {
    // Read just the header now, so callers can map columns before the rows arrive:
    // a batch of two records (header and first record) from the head already read
    const peek = { header: null as HeaderCell[] | null, diagnostics: [] as Diagnostic[] };
    const peekState: DecodeState = { ...state, diagnostics: [] };
    const text = decodeToUtf8(headThenRest(head, path), peekState, forced);
    const it = readCsv(text, { file, delimiter, maxRecordBytes, batchRows: 2 }, peek);
    try {
      await it.next();
    } catch {
      // Reported again by records().
    } finally {
      await it.return(undefined);
    }
    header = peek.header;
  }

  // records() and batches() share one run over the file: the hash, the diagnostics, the empty-file check
  const sink = {
    get header() {
      return header;
    },
    set header(h: HeaderCell[] | null) {
      header = h;
    },
    diagnostics,
  };
  const claim = () => {
    if (used) throw new Error('records() can be called once per opened source');
    used = true;
  };
  /** After the run: a CSV file without even a header line (and no error that explains it) is empty. */
  const checkEmpty = (sawHeader: boolean) => {
    const hasError = diagnostics.some((d) => d.severity === 'error');
    if ((format === 'csv' || format === 'tsv') && !sawHeader && !hasError) {
      diagnostics.push(diag('read/empty-file', {}, { file }));
    }
  };
  async function* drive<T>(
    inner: (sink: CsvSink, text: AsyncIterable<Buffer>) => AsyncGenerator<T>,
  ): AsyncGenerator<T> {
    claim();
    let sawHeader = false;
    try {
      yield* inner(sink, decodeToUtf8(bytes(), state, forced));
      sawHeader = header !== null;
    } catch (e) {
      if (!(e instanceof ReadStop)) throw e;
      diagnostics.push(e.diagnostic);
    } finally {
      // Finish the hash over the bytes not read (reading stopped early or the caller stopped).
      if (!whole) {
        if (!progress.eof) await hashRest(path, hash, progress.offset);
      } else if (progress.offset === 0) hash.update(whole);
      digest = hash.digest('hex');
    }
    checkEmpty(sawHeader);
  }
  source.records = () =>
    drive((sink, text) => {
      if (format === 'json') return readJson(text, { file }, sink);
      if (format === 'jsonl') return readJsonl(text, { file, maxRecordBytes }, sink);
      return readCsv(text, { file, delimiter, maxRecordBytes }, sink);
    });
  // a large file is read on a second thread (scan-thread.ts): the same result
  async function* driveThread(): AsyncGenerator<{ batch: CsvBatch; first: number }> {
    claim();
    let end: EndMessage | undefined;
    const job = {
      path,
      file,
      ...(forced ? { forced } : {}),
      encoding: state.encoding,
      detected: state.detected,
      delimiter,
      maxRecordBytes,
    };
    try {
      yield* withHeader(
        scanInThread(job, progress, (e) => {
          end = e;
        }),
        sink,
      );
    } finally {
      if (end) {
        state.encoding = end.encoding;
        state.detected = end.detected;
        state.bytes = end.bytes;
        state.textBytes = end.textBytes;
        diagnostics.push(...end.diagnostics);
        if (end.stop) diagnostics.push(end.stop);
        digest = end.digest;
      } else {
        // the caller stopped early: the whole file is hashed here
        const h = createHash('sha256');
        await hashRest(path, h, 0);
        digest = h.digest('hex');
      }
    }
    checkEmpty(header !== null);
  }
  if (format === 'csv' || format === 'tsv')
    source.batches = () =>
      !whole && useScanThread(size)
        ? driveThread()
        : drive((sink, text) => readCsvBatches(text, { file, delimiter, maxRecordBytes }, sink));
  source.bytesRead = () => progress.offset;
  source.size = size;
  return source;
}

async function* emptyRecords(): AsyncGenerator<SourceRecord> {}

async function openXlsx(
  source: OpenedSource,
  path: string,
  sheetName: string | undefined,
  diagnostics: Diagnostic[],
  hash: Hash,
  setHeader: (h: HeaderCell[] | null) => void,
): Promise<OpenedSource> {
  const file = path;
  const st = await stat(path);
  if (st.size > MAX_XLSX_BYTES) {
    diagnostics.push(diag('read/file-too-large', { format: 'XLSX', limit: MAX_XLSX_BYTES }, { file }));
    return source;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    diagnostics.push(diag('read/cannot-open', { reason: errorReason(e) }, { file }));
    return source;
  }
  hash.update(bytes);
  const loaded = await loadSheet(bytes, file, sheetName);
  if ('diagnostic' in loaded) {
    diagnostics.push(loaded.diagnostic);
    return source;
  }
  const sink = { header: null as HeaderCell[] | null, diagnostics };
  // Rows are produced lazily; the header row is found first.
  const rows = sheetRecords(loaded.sheet, file, sink);
  const first = rows.next();
  setHeader(sink.header);
  let used = false;
  source.records = async function* () {
    if (used) throw new Error('records() can be called once per opened source');
    used = true;
    if (!first.done) yield first.value;
    for (const rec of rows) yield rec;
  };
  return source;
}
