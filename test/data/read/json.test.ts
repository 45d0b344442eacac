import { describe, expect, it } from 'vitest';
import { fixture, readAll, tempFile } from './helpers.js';

const kinds = (
  r: { cells: { key: string; raw: string | null; kind: string; line: number; column: number }[] } | undefined,
) => r?.cells.map((c) => [c.key, c.raw, c.kind, c.line, c.column]);

describe('JSON reader', () => {
  it('reads an array of objects, keeping number tokens as written', async () => {
    const { source, records, codes } = await readAll(fixture('array.json'));
    expect(codes).toEqual([]);
    expect(source.format).toBe('json');
    expect(source.header).toBeNull();
    expect(records.map((r) => [r.line, r.column])).toEqual([
      [2, 3],
      [3, 3],
    ]);
    expect(kinds(records[0])).toEqual([
      ['id', 'A1', 'text', 2, 10],
      ['score', '1e2', 'number', 2, 25],
      ['ratio', '85.0', 'number', 2, 39],
      ['ok', 'true', 'boolean', 2, 51],
      ['none', null, 'null', 2, 65],
      ['tags', '["x", {"y": 1}]', 'object', 2, 79],
    ]);
    expect(records[0]?.cells[1]).toMatchObject({ keyLine: 2, keyColumn: 16 });
    expect(kinds(records[1])?.[1]).toEqual(['score', '-0.5', 'number', 3, 25]);
  });

  it('reads {"rows": [...]} and warns about other top-level keys', async () => {
    const { records, codes } = await readAll(fixture('rows.json'));
    expect(codes).toEqual([]);
    expect(kinds(records[0])).toEqual([
      ['id', 'B1', 'text', 2, 10],
      ['n', '7', 'number', 2, 21],
    ]);
    const extra = await readAll(tempFile('x.json', '{"meta": {"a": 1}, "rows": []}'));
    expect(extra.codes).toEqual([['read/json-ignored-key', 1, 10]]);
  });

  it('reports a syntax error at its line and column and keeps the records before it', async () => {
    const { records, codes } = await readAll(fixture('syntax-error.json'));
    expect(codes).toEqual([['read/json-syntax', 3, 15]]);
    expect(records.map((r) => r.cells[0]?.raw)).toEqual(['E1']);
  });

  it('rejects comments and trailing commas (strict JSON)', async () => {
    expect((await readAll(tempFile('c.json', '[{"a": 1} // x\n]'))).codes[0]?.[0]).toBe('read/json-syntax');
    expect((await readAll(tempFile('t.json', '[{"a": 1,}]'))).codes).toEqual([['read/json-syntax', 1, 10]]);
  });

  it('makes a duplicate key an error at the second key, and drops that record', async () => {
    const { source, records, codes } = await readAll(fixture('dup-key.json'));
    expect(codes).toEqual([['read/duplicate-key', 3, 24]]);
    expect(source.diagnostics[0]?.params).toMatchObject({ key: 'n', firstLine: 3 });
    expect(records.map((r) => r.cells[0]?.raw)).toEqual(['D1']);
  });

  it('reports a wrong shape and non-object rows', async () => {
    expect((await readAll(tempFile('s.json', '"x"'))).codes).toEqual([['read/json-shape', 1, 1]]);
    expect((await readAll(tempFile('o.json', '{"data": []}'))).codes).toEqual([
      ['read/json-ignored-key', 1, 10],
      ['read/json-shape', 1, 1],
    ]);
    const mixed = await readAll(tempFile('m.json', '[{"a": 1}, 5, [1]]'));
    expect(mixed.codes).toEqual([
      ['read/json-row-not-object', 1, 12],
      ['read/json-row-not-object', 1, 15],
    ]);
    expect(mixed.records).toHaveLength(1);
  });

  it('reports an empty file', async () => {
    expect((await readAll(tempFile('e.json', ''))).codes).toEqual([['read/empty-file']]);
    expect((await readAll(tempFile('e.jsonl', '\n\n'))).codes).toEqual([['read/empty-file']]);
  });
});

describe('JSON Lines reader', () => {
  it('reads one object per line, skipping blank lines, with CRLF', async () => {
    const { source, records, codes } = await readAll(fixture('records.jsonl'));
    expect(codes).toEqual([]);
    expect(source.format).toBe('jsonl');
    expect(records.map((r) => [r.line, r.column])).toEqual([
      [1, 1],
      [3, 1],
      [4, 1],
    ]);
    expect(kinds(records[1])).toEqual([
      ['id', 'C2', 'text', 3, 8],
      ['n', '2.50', 'number', 3, 19],
    ]);
  });

  it('reports a bad line at its position and goes on with the next lines', async () => {
    const { records, codes } = await readAll(
      tempFile('b.ndjson', '{"a": 1}\n{"a": 2,}\n[1]\n{"a": 3, "a": 4}\n{"a": 5}\n'),
    );
    expect(codes).toEqual([
      ['read/json-syntax', 2, 9],
      ['read/json-row-not-object', 3, 1],
      ['read/duplicate-key', 4, 10],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 5]);
  });

  it('stops at a line longer than maxRecordBytes', async () => {
    const { codes } = await readAll(tempFile('l.jsonl', `{"a": 1}\n{"a": "${'x'.repeat(5000)}"}\n`), {
      maxRecordBytes: 1000,
    });
    expect(codes).toEqual([['read/record-too-large', 2, 1]]);
  });
});
