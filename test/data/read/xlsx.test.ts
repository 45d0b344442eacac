import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readAll, tempFile } from './helpers.js';

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const first = wb.addWorksheet('学校');
  first.addRow(['id', 'name', 'ratio', 'date', 'calc', 'bad']);
  first.addRow([
    'A1',
    '学校一',
    0.1 + 0.2,
    new Date(Date.UTC(2024, 8, 1)),
    { formula: 'C2*2', result: 0.6 },
    1,
  ]);
  first.addRow([]);
  first.addRow([
    'A2',
    { richText: [{ text: '富' }, { text: '文本' }] },
    85,
    true,
    { formula: 'C4*2' },
    { error: '#DIV/0!' },
  ]);
  first.addRow(['A3', 'x', 1, 2, 3, 4, 'extra']);
  const second = wb.addWorksheet('Other');
  second.addRow(['k']);
  second.addRow(['v']);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return tempFile('book.xlsx', buf);
}

describe('XLSX reader', () => {
  it('reads the first sheet with row/column positions, number text and cached formula values', async () => {
    const path = await workbook();
    const { source, records, codes } = await readAll(path);
    expect(source.format).toBe('xlsx');
    expect(source.encoding).toBe('xlsx');
    expect(source.header?.map((h) => [h.text, h.line, h.column])).toEqual([
      ['id', 1, 1],
      ['name', 1, 2],
      ['ratio', 1, 3],
      ['date', 1, 4],
      ['calc', 1, 5],
      ['bad', 1, 6],
    ]);
    expect(records.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(records[0]?.cells.map((c) => [c.raw, c.kind, c.line, c.column])).toEqual([
      ['A1', 'text', 2, 1],
      ['学校一', 'text', 2, 2],
      ['0.30000000000000004', 'number', 2, 3],
      ['2024-09-01', 'text', 2, 4],
      ['0.6', 'number', 2, 5],
      ['1', 'number', 2, 6],
    ]);
    expect(records[1]?.cells.map((c) => c.raw)).toEqual(['A2', '富文本', '85', 'true', '', '#DIV/0!']);
    expect(codes).toEqual([
      ['read/xlsx-formula-no-value', 4, 5],
      ['read/xlsx-error-value', 4, 6],
    ]);
    expect(records[2]?.ragged).toEqual({ expected: 6, actual: 7 });
    expect(source.sha256()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads a sheet chosen by name, and reports an unknown one with the names it has', async () => {
    const path = await workbook();
    const other = await readAll(path, { sheet: 'Other' });
    expect(other.source.header?.map((h) => h.text)).toEqual(['k']);
    expect(other.records[0]?.cells[0]?.raw).toBe('v');
    const missing = await readAll(path, { sheet: 'Nope' });
    expect(missing.codes).toEqual([['read/xlsx-no-sheet']]);
    expect(missing.source.diagnostics[0]?.params['sheets']).toBe('学校, Other');
  });

  it('reports a file that is not a workbook', async () => {
    expect((await readAll(tempFile('x.xlsx', 'not a zip'))).codes).toEqual([['read/xlsx-unreadable']]);
  });
});
