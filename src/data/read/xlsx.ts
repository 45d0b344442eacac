// XLSX through exceljs (imported lazily: other formats do not pay its load
// time). The workbook is read whole, so the file size is capped.
import { diag } from '../../diagnostics/diagnostic.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import { importPackage } from '../../util/import-package.js';
import type { Cell, HeaderCell, SourceRecord } from '../source.js';

/** Largest .xlsx file read (bytes); bigger workbooks should be exported as CSV. */
export const MAX_XLSX_BYTES = 100 * 1024 * 1024;

type Sheet = import('exceljs').Worksheet;

/** One cell's text as the workbook stores it, or the problem that prevents that. */
type CellText = { raw: string; kind: Cell['kind'] } | { formula: string } | { error: string };

function dateText(d: Date): string {
  const iso = d.toISOString(); // exceljs gives spreadsheet dates as UTC instants
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}

function plain(v: unknown): CellText | null {
  if (v === null || v === undefined) return { raw: '', kind: 'text' };
  // String(n) is the shortest text that reads back as the same double: no 0.1+0.2 artefacts.
  if (typeof v === 'number') return { raw: String(v), kind: 'number' };
  if (typeof v === 'string') return { raw: v, kind: 'text' };
  if (typeof v === 'boolean') return { raw: String(v), kind: 'boolean' };
  if (v instanceof Date) return { raw: dateText(v), kind: 'text' };
  if (typeof v === 'object' && 'error' in v) return { error: String((v as { error: unknown }).error) };
  return null;
}

/** The text of a cell value of any exceljs type; formulas give their cached result. */
export function cellText(v: unknown): CellText {
  const simple = plain(v);
  if (simple) return simple;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o['richText'])) {
    return { raw: (o['richText'] as { text: string }[]).map((r) => r.text).join(''), kind: 'text' };
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const result = o['result'];
    const formula = String(o['formula'] ?? o['sharedFormula'] ?? '');
    if (result === undefined || result === null) return { formula };
    return plain(result) ?? { raw: String(result), kind: 'text' };
  }
  if ('hyperlink' in o) return { raw: String(o['text'] ?? ''), kind: 'text' };
  return { raw: JSON.stringify(v), kind: 'object' };
}

/** An opened worksheet, or the diagnostic explaining why there is none. */
export async function loadSheet(
  bytes: Buffer,
  file: string,
  sheetName: string | undefined,
): Promise<{ sheet: Sheet } | { diagnostic: Diagnostic }> {
  const ExcelJS = (await importPackage<{ default: typeof import('exceljs') }>('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    return { diagnostic: diag('read/xlsx-unreadable', { reason: (e as Error).message }, { file }) };
  }
  // Tab order (exceljs keeps it in the undeclared `orderNo`).
  const order = (s: Sheet) => (s as unknown as { orderNo?: number }).orderNo ?? 0;
  const sheets = [...wb.worksheets].sort((a, b) => order(a) - order(b));
  const sheet = sheetName === undefined ? sheets[0] : sheets.find((s) => s.name === sheetName);
  if (!sheet) {
    const names = sheets.map((s) => s.name).join(', ');
    return { diagnostic: diag('read/xlsx-no-sheet', { sheet: sheetName ?? '', sheets: names }, { file }) };
  }
  return { sheet };
}

/** The header (first non-empty row) and the data rows of a worksheet; empty rows are skipped. */
export function* sheetRecords(
  sheet: Sheet,
  file: string,
  sink: { header: HeaderCell[] | null; diagnostics: Diagnostic[] },
): Generator<SourceRecord> {
  let header: HeaderCell[] | null = null;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    if (row.actualCellCount === 0) continue;
    const last = row.cellCount;
    const texts: CellText[] = [];
    for (let c = 1; c <= last; c++) texts.push(cellText(row.getCell(c).value));
    // Formatted but empty cells at the end of a row are not data.
    while (texts.length > 0) {
      const t = texts[texts.length - 1]!;
      if (!('raw' in t) || t.raw !== '') break;
      texts.pop();
    }
    if (!header) {
      header = texts.map((t, i) => ({ text: 'raw' in t ? t.raw : '', index: i, line: r, column: i + 1 }));
      sink.header = header;
      continue;
    }
    const width = Math.max(header.length, texts.length);
    const cells: Cell[] = [];
    for (let c = 1; c <= width; c++) {
      const t = texts[c - 1] ?? { raw: '', kind: 'text' as const };
      const h = header[c - 1];
      const cell: Cell = {
        key: h ? h.text : '',
        keyLine: h ? h.line : r,
        keyColumn: c,
        raw: '',
        kind: 'text',
        line: r,
        column: c,
      };
      if ('raw' in t) {
        cell.raw = t.raw;
        cell.kind = t.kind;
      } else if ('formula' in t) {
        sink.diagnostics.push(
          diag('read/xlsx-formula-no-value', { formula: t.formula }, { file, line: r, column: c }),
        );
      } else {
        cell.raw = t.error;
        sink.diagnostics.push(
          diag('read/xlsx-error-value', { error: t.error }, { file, line: r, column: c }),
        );
      }
      cells.push(cell);
    }
    const rec: SourceRecord = { line: r, column: 1, cells };
    if (texts.length > header.length) rec.ragged = { expected: header.length, actual: texts.length };
    yield rec;
  }
  if (!header) sink.diagnostics.push(diag('read/empty-file', {}, { file }));
}
