// Header mapping: a column header (or JSON key) names a canonical field by its
// id, its Chinese or English label, or an alias, after a documented folding.
import { diag } from '../diagnostics/diagnostic.js';
import type { Bilingual, Diagnostic } from '../diagnostics/types.js';
import type { Dictionary } from '../plan/types.js';
import { isInvisible } from '../util/visible.js';
import type { Cell, HeaderCell } from './source.js';
import { foldWidth } from './values.js';

/** Something a header can name: a field, or a column of the indicator file. */
export interface HeaderTarget {
  id: string;
  label: Bilingual;
  aliases: readonly string[];
}

/** The columns of a region-level indicator file (long format). */
export function indicatorColumns(dict: Dictionary): HeaderTarget[] {
  const byId = (id: string) => dict.fields.find((f) => f.id === id)!;
  return [
    byId('district'),
    byId('year'),
    { id: 'indicator', label: { zh: '指标', en: 'Indicator' }, aliases: ['指标名称', '指标代码', '指标项'] },
    { id: 'value', label: { zh: '数值', en: 'Value' }, aliases: ['值', '指标值', '数量'] },
  ];
}

const QUOTES = /["'“”‘’「」『』〝〞]/g;
const TRAILING_UNIT = /\s*[([【][^()[\]【】]*[)\]】]$/;

function stripInvisible(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!isInvisible(cp) && !(cp < 0x20 || (cp >= 0x7f && cp <= 0x9f))) out += ch;
  }
  return out;
}

/**
 * The matching key of a header: invisible characters removed, full-width
 * folded, trimmed, quotes dropped, one trailing bracketed unit dropped
 * (`专任教师数（人）`), inner whitespace collapsed, Latin letters lower-cased.
 */
export function headerKey(text: string): string {
  let t = foldWidth(stripInvisible(text)).trim().replace(QUOTES, '');
  t = t.replace(TRAILING_UNIT, '').trim();
  return t.replace(/\s+/g, ' ').toLowerCase();
}

/** True when a header holds an invisible or control character (a second BOM, a zero-width space…). */
export function headerHasInvisible(text: string): boolean {
  return stripInvisible(text.replace(/^[ \t]+|[ \t]+$/g, '')) !== text.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Matches header texts to target ids. */
export class HeaderMatcher {
  private readonly byKey = new Map<string, string>();
  readonly targets = new Map<string, HeaderTarget>();

  constructor(targets: readonly HeaderTarget[]) {
    for (const t of targets) {
      this.targets.set(t.id, t);
      for (const name of [t.id, t.label.zh, t.label.en, ...t.aliases]) {
        const k = headerKey(name);
        if (k !== '' && !this.byKey.has(k)) this.byKey.set(k, t.id);
      }
    }
  }

  /** The target id a header names, or undefined. */
  match(text: string): string | undefined {
    return this.byKey.get(headerKey(text));
  }
}

/** The mapping of a header row: a target id (or null, ignored) per column index. */
export interface HeaderMap {
  fields: (string | null)[];
  diagnostics: Diagnostic[];
  /** True when the header has an error: no row of the file is used. */
  fatal: boolean;
}

/** Bilingual label params of a target, for message templates. */
export function labelParams(t: HeaderTarget | undefined, id: string): { fieldZh: string; fieldEn: string } {
  return { fieldZh: t?.label.zh ?? id, fieldEn: t?.label.en ?? id };
}

/** Map a header row to targets, reporting blank, invisible, duplicate, unknown and missing columns. */
export function mapHeader(
  header: readonly HeaderCell[],
  matcher: HeaderMatcher,
  required: readonly string[],
  file: string,
): HeaderMap {
  const fields: (string | null)[] = [];
  const diagnostics: Diagnostic[] = [];
  const firstColumn = new Map<string, number>();
  let fatal = false;
  for (const h of header) {
    const where = { file, line: h.line, column: h.column, value: h.text };
    const id = matcher.match(h.text);
    if (h.text.trim() === '') {
      diagnostics.push(diag('data/blank-header', { column: h.index + 1 }, where));
      fields[h.index] = null;
      continue;
    }
    if (headerHasInvisible(h.text)) {
      diagnostics.push(diag('data/invisible-header', { header: h.text }, where));
      fatal = true;
    }
    if (id === undefined) {
      diagnostics.push(diag('data/unknown-column', { header: h.text }, where));
      fields[h.index] = null;
      continue;
    }
    const first = firstColumn.get(id);
    if (first !== undefined) {
      diagnostics.push(
        diag(
          'data/duplicate-header',
          { header: h.text, firstColumn: first, ...labelParams(matcher.targets.get(id), id) },
          { ...where, field: id },
        ),
      );
      fields[h.index] = null;
      fatal = true;
      continue;
    }
    firstColumn.set(id, h.index + 1);
    fields[h.index] = id;
  }
  const headerLine = header[0]?.line ?? 1;
  for (const id of required) {
    if (!firstColumn.has(id)) {
      diagnostics.push(
        diag(
          'data/missing-column',
          { field: id, ...labelParams(matcher.targets.get(id), id) },
          { file, line: headerLine, column: 1, field: id },
        ),
      );
      fatal = true;
    }
  }
  return { fields, diagnostics, fatal };
}

/**
 * Maps JSON keys through the same matcher, caching per distinct key and
 * reporting each unknown, blank or invisible key once per file.
 */
export class KeyMapper {
  private readonly cache = new Map<string, string | null>();
  private readonly invisible = new Set<string>();

  constructor(
    private readonly matcher: HeaderMatcher,
    private readonly file: string,
    private readonly report: (d: Diagnostic) => void,
  ) {}

  /** The target id of a cell's key, or null when the key is ignored. */
  field(cell: Pick<Cell, 'key' | 'keyLine' | 'keyColumn'>): string | null {
    const hit = this.cache.get(cell.key);
    if (hit !== undefined) return hit;
    const where = { file: this.file, line: cell.keyLine, column: cell.keyColumn, value: cell.key };
    let id: string | null = this.matcher.match(cell.key) ?? null;
    if (cell.key.trim() === '') {
      this.report(diag('data/blank-header', { column: cell.keyColumn }, where));
      id = null;
    } else {
      if (headerHasInvisible(cell.key)) {
        this.report(diag('data/invisible-header', { header: cell.key }, where));
        this.invisible.add(cell.key);
      }
      if (id === null) this.report(diag('data/unknown-column', { header: cell.key }, where));
    }
    this.cache.set(cell.key, id);
    return id;
  }

  /** True when a key holds an invisible character: a record with it is not used. */
  isBad(key: string): boolean {
    return this.invisible.has(key);
  }
}

/** Decide whether a header row (or a JSON record's keys) is a region-level indicator file. */
export function detectKind(
  texts: readonly string[],
  institution: HeaderMatcher,
  indicator: HeaderMatcher,
): 'institutions' | 'indicators' {
  const inst = new Set(texts.map((t) => institution.match(t)));
  const ind = new Set(texts.map((t) => indicator.match(t)));
  return !inst.has('institution_id') && ind.has('indicator') && ind.has('value')
    ? 'indicators'
    : 'institutions';
}
