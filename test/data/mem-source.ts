// In-memory sources for tests: a small quote-aware CSV splitter with physical
// positions, and JSON records, both honouring the contract of src/data/source.ts.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { OpenFn } from '../../src/data/registry.js';
import type { Cell, HeaderCell, OpenedSource, SourceRecord } from '../../src/data/source.js';
import type { Dictionary, FieldDef, IndicatorDef, RecordDef } from '../../src/plan/types.js';

interface RawCell {
  text: string;
  line: number;
  column: number;
}

/** Split CSV text into rows of cells with positions (RFC 4180 quotes, CRLF or LF). */
export function splitCsv(text: string): RawCell[][] {
  const rows: RawCell[][] = [];
  let row: RawCell[] = [];
  let i = 0;
  let line = 1;
  let col = 1;
  const at = () => ({ line, column: col });
  while (i <= text.length) {
    if (i === text.length) break;
    let start = at();
    let value = '';
    if (text[i] === '"') {
      i++;
      col++;
      start = at(); // like the real reader: the content starts after the quote
      for (;;) {
        if (i >= text.length) break;
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i += 2;
          col += 2;
        } else if (text[i] === '"') {
          i++;
          col++;
          break;
        } else {
          if (text[i] === '\n') {
            line++;
            col = 1;
          } else col++;
          value += text[i++];
        }
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        value += text[i++];
        col++;
      }
    }
    row.push({ text: value, ...start });
    if (text[i] === ',') {
      i++;
      col++;
      if (i === text.length || text[i] === '\n' || text[i] === '\r')
        row.push({ text: '', line, column: col });
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n' || i >= text.length) {
      rows.push(row);
      row = [];
      if (i < text.length) {
        i++;
        line++;
        col = 1;
      }
    }
  }
  if (row.length) rows.push(row);
  return rows;
}

/** An OpenedSource over CSV text (header on the first line). */
export function csvSource(path: string, text: string): OpenedSource {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows = splitCsv(body);
  const diagnostics: OpenedSource['diagnostics'] = [];
  const headerRow = rows[0];
  const header: HeaderCell[] | null = headerRow
    ? headerRow.map((c, index) => ({ text: c.text, index, line: c.line, column: c.column }))
    : null;
  return {
    path,
    format: 'csv',
    encoding: 'utf-8',
    detected: true,
    header,
    diagnostics,
    sha256: () => '0'.repeat(64),
    async *records(): AsyncGenerator<SourceRecord> {
      for (const r of rows.slice(1)) {
        if (r.length === 1 && r[0]!.text === '') continue; // blank line
        const cells: Cell[] = r.map((c, i) => {
          const h = header![i];
          return {
            key: h?.text ?? '',
            keyLine: h?.line ?? 1,
            keyColumn: h?.column ?? 0,
            raw: c.text,
            kind: 'text',
            line: c.line,
            column: c.column,
          };
        });
        const rec: SourceRecord = { line: r[0]!.line, column: 1, cells };
        if (r.length !== header!.length) rec.ragged = { expected: header!.length, actual: r.length };
        yield rec;
      }
    },
  };
}

/** An OpenedSource over JSON records, one per line (JSONL-like positions). */
export function jsonSource(path: string, records: Record<string, unknown>[]): OpenedSource {
  return {
    path,
    format: 'jsonl',
    encoding: 'utf-8',
    detected: true,
    header: null,
    diagnostics: [],
    sha256: () => '0'.repeat(64),
    async *records(): AsyncGenerator<SourceRecord> {
      let line = 0;
      for (const r of records) {
        line++;
        let column = 2;
        const cells: Cell[] = Object.entries(r).map(([key, v]) => {
          const keyColumn = column;
          const raw = v === null ? null : typeof v === 'string' ? v : JSON.stringify(v);
          const kind: Cell['kind'] =
            v === null
              ? 'null'
              : typeof v === 'number'
                ? 'number'
                : typeof v === 'boolean'
                  ? 'boolean'
                  : typeof v === 'object'
                    ? 'object'
                    : 'text';
          column += JSON.stringify(key).length + 1;
          const cell: Cell = { key, keyLine: line, keyColumn, raw, kind, line, column };
          column += JSON.stringify(v).length + 1;
          return cell;
        });
        yield { line, column: 1, cells };
      }
    },
  };
}

/** An OpenFn serving in-memory files: CSV text or JSON record arrays, by path. */
export function memOpen(files: Record<string, string | Record<string, unknown>[]>): OpenFn {
  return async (path) => {
    const f = files[path];
    if (f === undefined)
      throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
    return typeof f === 'string' ? csvSource(path, f) : jsonSource(path, f);
  };
}

/**
 * The built-in dictionary read straight from the YAML files, so these tests do
 * not depend on the plan loader's state; `indicators` adds test indicators.
 */
export function testDictionary(indicators: Dictionary['indicators'] = []): Dictionary {
  const dir = new URL('../../plans/catalogue/', import.meta.url);
  const f = parse(readFileSync(new URL('fields.yaml', dir), 'utf8'));
  const i = parse(readFileSync(new URL('indicators.yaml', dir), 'utf8'));
  return {
    fields: (f.fields ?? []).map((x: FieldDef) => ({ ...x, aliases: x.aliases ?? [] })),
    constraints: f.constraints ?? [],
    indicators: [
      ...(i.indicators ?? []).map((x: IndicatorDef) => ({ ...x, aliases: x.aliases ?? [] })),
      ...indicators,
    ],
    records: (f.records ?? []).map((r: RecordDef) => ({
      ...r,
      columns: r.columns.map((c) => ({ ...c, aliases: c.aliases ?? [] })),
    })),
  };
}
