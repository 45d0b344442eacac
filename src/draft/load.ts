// The I/O of drafting: reading a document (.txt in any supported encoding, or
// .docx), the metric catalogue, and an existing plan's quotes.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Unit } from '../plan/types.js';
import { importPackage } from '../util/import-package.js';
import type { QuotedRule } from './against.js';
import { type DecodedText, decodeDocument } from './decode.js';
import { DraftError, draftDiag } from './diag.js';
import type { MetricEntry } from './match.js';

/** Formats that are documents but not ones we can read: say so instead of decoding garbage. */
const UNSUPPORTED = new Set(['.doc', '.pdf', '.wps', '.rtf', '.odt', '.xls', '.xlsx', '.html', '.htm']);

/** Read a document as text: .docx through mammoth, anything else as strictly decoded text. */
export async function readDocument(path: string): Promise<DecodedText> {
  const ext = extname(path).toLowerCase();
  if (UNSUPPORTED.has(ext))
    throw new DraftError(draftDiag('draft/unsupported-format', { format: ext }, path));
  const bytes = await readFile(path);
  if (ext === '.docx') {
    const mammoth = (await importPackage<{ default: typeof import('mammoth') }>('mammoth')).default;
    let text: string;
    try {
      text = (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch (err) {
      throw new DraftError(draftDiag('draft/docx-unreadable', { reason: (err as Error).message }, path));
    }
    if (text.trim() === '') throw new DraftError(draftDiag('draft/empty-document', {}, path));
    return { text, encoding: 'utf-8', diagnostics: [] as Diagnostic[] };
  }
  return decodeDocument(bytes, path);
}

type Loose = Record<string, unknown>;
const str = (v: unknown): string[] => (typeof v === 'string' && v ? [v] : []);
const strs = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const zh = (v: unknown): string[] => str((v as Loose | undefined)?.['zh']);

/**
 * The metric catalogue as the matcher sees it: each metric with its title and
 * the labels and aliases of the indicator or field it is computed from. Read
 * leniently (only names are needed); a missing file gives an empty list.
 */
export async function loadMetricEntries(catalogueDir: string): Promise<MetricEntry[]> {
  const read = async (name: string): Promise<Loose> => {
    try {
      return (parse(await readFile(join(catalogueDir, name), 'utf8')) ?? {}) as Loose;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw err;
    }
  };
  const [metrics, indicators, fields] = await Promise.all([
    read('metrics.yaml'),
    read('indicators.yaml'),
    read('fields.yaml'),
  ]);
  const byId = (list: unknown): Map<string, Loose> => {
    const m = new Map<string, Loose>();
    for (const x of Array.isArray(list) ? (list as Loose[]) : [])
      if (typeof x?.['id'] === 'string') m.set(x['id'], x);
    return m;
  };
  const ind = byId(indicators['indicators']);
  const fld = byId(fields['fields']);
  const names = (x: Loose | undefined): string[] => (x ? [...zh(x['label']), ...strs(x['aliases'])] : []);
  const out: MetricEntry[] = [];
  for (const m of Array.isArray(metrics['metrics']) ? (metrics['metrics'] as Loose[]) : []) {
    if (typeof m?.['id'] !== 'string' || typeof m['unit'] !== 'string') continue;
    const n = [...zh(m['title'])];
    if (m['kind'] === 'indicator') n.push(...names(ind.get(String(m['indicator']))));
    if (m['kind'] === 'sum') n.push(...names(fld.get(String(m['field']))));
    if (m['kind'] === 'share') n.push(...names(fld.get(String(m['flag']))));
    out.push({ id: m['id'], unit: m['unit'] as Unit, names: n });
  }
  return out;
}

/** Each rule's id and quotes from a plan file (read leniently: only quotes are needed). */
export async function readPlanQuotes(path: string): Promise<QuotedRule[]> {
  let doc: Loose;
  try {
    doc = (parse(await readFile(path, 'utf8')) ?? {}) as Loose;
  } catch (err) {
    throw new DraftError(draftDiag('draft/plan-unreadable', { plan: path, reason: (err as Error).message }));
  }
  const rules = Array.isArray(doc['rules']) ? (doc['rules'] as Loose[]) : [];
  return rules.map((r, i) => ({
    id: typeof r?.['id'] === 'string' ? r['id'] : `#${i + 1}`,
    quotes: (Array.isArray(r?.['source']) ? (r['source'] as Loose[]) : [])
      .map((s) => s?.['quote'])
      .filter((q): q is string => typeof q === 'string'),
  }));
}
