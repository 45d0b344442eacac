import { describe, expect, it } from 'vitest';
import { cells, fixture, readAll, tempFile } from './helpers.js';

describe('CSV reader', () => {
  it('handles quoted commas, doubled quotes, mixed CRLF/LF, newlines in quotes and a trailing empty line', async () => {
    const { source, records, codes } = await readAll(fixture('edge.csv'));
    expect(codes).toEqual([]);
    expect(source.format).toBe('csv');
    expect(source.header?.map((h) => [h.text, h.index, h.line, h.column])).toEqual([
      ['name', 0, 1, 1],
      ['score', 1, 1, 6],
      ['note', 2, 1, 12],
    ]);
    expect(records.map((r) => [r.line, r.column])).toEqual([
      [2, 1],
      [3, 1],
      [5, 1],
    ]);
    // Quoted cells: the position is where the content starts, after the quote.
    expect(cells(records[0])).toEqual([
      ['name', 'Smith, J', 2, 2],
      ['score', '85', 2, 12],
      ['note', 'say "hi"', 2, 16],
    ]);
    // After a newline inside quotes, the next cell is on the physical line where it starts.
    expect(cells(records[1])).toEqual([
      ['name', 'two\nlines', 3, 2],
      ['score', '90', 4, 8],
      ['note', 'x', 4, 11],
    ]);
    expect(cells(records[2])).toEqual([
      ['name', 'last', 5, 1],
      ['score', '70', 5, 6],
      ['note', 'a,b', 5, 10],
    ]);
    expect(records.every((r) => r.ragged === undefined)).toBe(true);
    expect(source.sha256()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports an unclosed quote at the line and column where it opened', async () => {
    const { records, codes } = await readAll(fixture('unclosed-quote.csv'));
    expect(codes).toEqual([['read/unclosed-quote', 3, 3]]);
    expect(records.map((r) => r.line)).toEqual([2]);
  });

  it('reports a misplaced quote where it is', async () => {
    const { codes } = await readAll(fixture('bad-quote.csv'));
    expect(codes).toEqual([['read/bad-quote', 2, 6]]);
    const inner = await readAll(tempFile('q.csv', 'a,b\n1,x"y\n'));
    expect(inner.codes).toEqual([['read/bad-quote', 2, 4]]);
  });

  it('reads a header-only file as no records without an error', async () => {
    const { source, records, codes } = await readAll(fixture('header-only.csv'));
    expect(records).toEqual([]);
    expect(codes).toEqual([]);
    expect(source.header?.map((h) => h.text)).toEqual(['id', 'name']);
  });

  it('reports an empty file, a BOM-only file and a file of blank lines', async () => {
    expect((await readAll(fixture('empty.csv'))).codes).toEqual([['read/empty-file']]);
    expect((await readAll(tempFile('bom.csv', Buffer.from([0xef, 0xbb, 0xbf])))).codes).toEqual([
      ['read/empty-file'],
    ]);
    expect((await readAll(tempFile('blank.csv', '\r\n\n'))).codes).toEqual([['read/empty-file']]);
  });

  it('marks ragged rows and counts columns in code points', async () => {
    const { records } = await readAll(tempFile('r.csv', 'a,b\n学校😀,2,3\nx\n'));
    expect(records[0]?.ragged).toEqual({ expected: 2, actual: 3 });
    expect(cells(records[0])).toEqual([
      ['a', '学校😀', 2, 1],
      ['b', '2', 2, 5],
      ['', '3', 2, 7],
    ]);
    expect(records[1]?.ragged).toEqual({ expected: 2, actual: 1 });
  });

  it('counts a lone CR as a line break and an empty last cell', async () => {
    const { records } = await readAll(tempFile('cr.csv', 'a,b\r1,\r2,3'));
    expect(cells(records[0])).toEqual([
      ['a', '1', 2, 1],
      ['b', '', 2, 3],
    ]);
    expect(cells(records[1])).toEqual([
      ['a', '2', 3, 1],
      ['b', '3', 3, 3],
    ]);
  });

  it('detects tab-separated text from the header line or the .tsv extension', async () => {
    const txt = await readAll(fixture('tabs.txt'));
    expect(txt.source.format).toBe('tsv');
    expect(cells(txt.records[0])).toEqual([
      ['id', '1', 2, 1],
      ['name', '学校', 2, 3],
      ['score', '85', 2, 6],
    ]);
    const tsv = await readAll(tempFile('a.tsv', 'a,b\tc\n1,2\t3\n'));
    expect(tsv.source.format).toBe('tsv');
    expect(tsv.source.header?.map((h) => h.text)).toEqual(['a,b', 'c']);
  });

  it('stops at a record larger than maxRecordBytes', async () => {
    const long = 'x'.repeat(5000);
    const { records, codes } = await readAll(tempFile('big.csv', `a,b\n1,2\n3,${long}\n4,5\n`), {
      maxRecordBytes: 1000,
    });
    expect(codes).toEqual([['read/record-too-large', 3, 1]]);
    expect(records.length).toBeLessThanOrEqual(1);
    const closed = await readAll(tempFile('bigc.csv', `a,b\n1,2\n3,"${long}"\n`), { maxRecordBytes: 1000 });
    expect(closed.codes).toEqual([['read/record-too-large', 3, 1]]);
    const open = await readAll(tempFile('bigq.csv', `a,b\n1,2\n3,"${long}\n4,5\n`), { maxRecordBytes: 1000 });
    expect(open.codes).toEqual([['read/quote-too-long', 3, 3]]);
  });

  it('refuses a workbook renamed to .csv and an old .xls', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect((await readAll(tempFile('x.csv', zip))).codes).toEqual([['read/looks-like-xlsx']]);
    expect((await readAll(tempFile('x.xls', 'whatever'))).codes).toEqual([['read/unsupported-format']]);
  });

  it('reports a missing file as a diagnostic, not a crash', async () => {
    expect((await readAll('/nonexistent/x.csv')).codes).toEqual([['read/cannot-open']]);
  });

  it('lets the caller stop early and still gives the whole-file hash', async () => {
    const path = tempFile('s.csv', 'a\n1\n2\n3\n');
    const whole = await readAll(path);
    const { openSource } = await import('../../../src/data/read/index.js');
    const src = await openSource(path);
    for await (const _ of src.records()) break;
    expect(src.sha256()).toBe(whole.source.sha256());
  });

  it('hashes every byte of a file larger than one read: read whole, stopped early, or stopped by a bad byte', async () => {
    const { createHash } = await import('node:crypto');
    const { openSource } = await import('../../../src/data/read/index.js');
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const big = Buffer.from(`a,b\n${'12345,永川区\n'.repeat(200_000)}`);
    const bad = Buffer.from(big);
    bad[bad.length - 100] = 0xff;
    for (const [name, bytes, stop] of [
      ['whole', big, false],
      ['early', big, true],
      ['bad-byte', bad, false],
    ] as const) {
      const path = tempFile(`${name}.csv`, bytes);
      for (const read of ['records', 'batches'] as const) {
        const src = await openSource(path);
        for await (const _ of src[read]!()) if (stop) break;
        expect(src.sha256(), `${name} ${read}`).toBe(sha(bytes));
      }
    }
  });
});

describe('the tokenizer and its source', () => {
  /** Chunks from a source that records whether it was closed (return() called) or read to the end. */
  function source(chunks: string[]) {
    const seen = { closed: false, ended: false };
    let i = 0;
    const it: AsyncIterableIterator<Buffer> = {
      [Symbol.asyncIterator]: () => it,
      next: async () => {
        if (i < chunks.length) return { done: false, value: Buffer.from(chunks[i++]!) };
        seen.ended = true;
        return { done: true, value: undefined };
      },
      return: async () => {
        seen.closed = true;
        return { done: true, value: undefined };
      },
    };
    return { it, seen };
  }
  const opts = { file: 'f.csv', delimiter: ',' as const, maxRecordBytes: 1 << 20 };

  it('closes the source when it stops at a problem, and when its caller stops', async () => {
    const { scanCsv } = await import('../../../src/data/read/csv-scan.js');
    const bad = source(['a,b\n1,2\n', '3,x"y\n', '5,6\n', '7,8\n']);
    const sink = { diagnostics: [] as { code: string }[] };
    for await (const _ of scanCsv(bad.it, opts, sink as never));
    expect(sink.diagnostics.map((d) => d.code)).toEqual(['read/bad-quote']);
    expect(bad.seen).toEqual({ closed: true, ended: false });

    const early = source(['a,b\n1,2\n', '3,4\n', '5,6\n']);
    for await (const _ of scanCsv(early.it, opts, { diagnostics: [] })) break;
    expect(early.seen).toEqual({ closed: true, ended: false });
  });
});
