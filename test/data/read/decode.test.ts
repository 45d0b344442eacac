import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodedFixtures } from './encoded-fixtures.js';
import { cells, readAll, tempFile } from './helpers.js';

const file = (name: string) => tempFile(name, encodedFixtures[name]!);

describe('encodings', () => {
  it.each([
    ['utf8.csv', 'utf-8'],
    ['utf8-bom.csv', 'utf-8-bom'],
    ['gb18030.csv', 'gb18030'],
  ])('reads %s as %s without losing 䶮 or €', async (name, encoding) => {
    const { source, records, codes } = await readAll(file(name));
    expect(source.encoding).toBe(encoding);
    expect(source.detected).toBe(true);
    expect(source.header?.map((h) => [h.text, h.column])).toEqual([
      ['id', 1],
      ['name', 4],
      ['note', 9],
    ]);
    expect(cells(records[0])).toEqual([
      ['id', '1', 2, 1],
      ['name', '学校', 2, 3],
      ['note', '䶮€', 2, 6],
    ]);
    expect(codes).toEqual(encoding === 'gb18030' ? [['read/encoding-detected']] : []);
  });

  it.each([
    ['utf16le-tabs.txt', 'utf-16le'],
    ['utf16be-tabs.txt', 'utf-16be'],
  ])('reads %s (BOM, tabs) as %s', async (name, encoding) => {
    const { source, records, codes } = await readAll(file(name));
    expect(codes).toEqual([]);
    expect(source.encoding).toBe(encoding);
    expect(source.format).toBe('tsv');
    expect(source.header?.map((h) => h.text)).toEqual(['id', 'name', 'note']);
    expect(cells(records[0])).toEqual([
      ['id', '1', 2, 1],
      ['name', '学校', 2, 3],
      ['note', '😀x', 2, 6],
    ]);
  });

  it('reports valid UTF-8 mixed with an invalid byte at that byte, keeping the rows before it', async () => {
    const { source, records, codes } = await readAll(file('mixed.csv'));
    expect(codes).toEqual([['read/invalid-utf8', 3, 3]]);
    expect(source.diagnostics[0]?.params['byte']).toBe('0xFF');
    expect(records.map((r) => r.line)).toEqual([2]);
  });

  it('reports bytes invalid in GB18030 instead of decoding them to U+FFFD', async () => {
    const { codes } = await readAll(file('gb-invalid.csv'));
    expect(codes).toEqual([['read/encoding-detected'], ['read/invalid-encoding', 3, 3]]);
  });

  it('warns about a U+FFFD already in the file (UTF-8 or GB18030) but reads it', async () => {
    const u = await readAll(file('fffd-utf8.csv'));
    expect(u.codes).toEqual([['read/replacement-char', 2, 4]]);
    expect(u.source.diagnostics[0]?.params['count']).toBe(2);
    expect(u.records[0]?.cells[1]?.raw).toBe('x\ufffdy');
    const g = await readAll(file('fffd-gb.csv'));
    expect(g.codes).toEqual([['read/encoding-detected'], ['read/replacement-char', 2, 4]]);
    expect(g.records[0]?.cells[1]?.raw).toBe('x\ufffdy');
  });

  it('reports an unpaired UTF-16 surrogate', async () => {
    const { codes } = await readAll(file('utf16-lone.txt'));
    expect(codes).toEqual([['read/invalid-encoding', 2, 2]]);
  });

  it('honours a forced encoding: gbk reads as gb18030, a wrong one is an error at the first bad byte', async () => {
    const gbk = await readAll(file('gb18030.csv'), { encoding: 'GBK' });
    expect(gbk.source.encoding).toBe('gb18030');
    expect(gbk.source.detected).toBe(false);
    expect(gbk.codes).toEqual([]);
    expect(gbk.records[0]?.cells[2]?.raw).toBe('䶮€');
    const wrong = await readAll(file('gb18030.csv'), { encoding: 'utf-8' });
    // GBK 学校 (D1 A7 D0 A3) happens to be valid UTF-8; 䶮 is where the bytes stop being UTF-8.
    expect(wrong.codes).toEqual([['read/invalid-encoding', 2, 6]]);
    const unknown = await readAll(file('utf8.csv'), { encoding: 'latin-9' });
    expect(unknown.codes).toEqual([['read/unknown-encoding']]);
  });

  it('decodes characters split across read chunks (1 MiB) in every encoding', async () => {
    // 𠀀 is four bytes in GB18030 and a surrogate pair in UTF-16; the cell spans two chunks
    const text = `a,b\n${'x'.repeat(65535)},${'学😀𠀀'.repeat(100000)}\n1,䶮\n`;
    for (const [name, bytes] of [
      ['u.csv', Buffer.from(text, 'utf8')],
      ['g.csv', iconv.encode(text, 'gb18030')],
      ['l.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ] as const) {
      const { records, codes } = await readAll(tempFile(name, bytes), { maxRecordBytes: 4 << 20 });
      expect(
        codes.filter((c) => c[0] !== 'read/encoding-detected'),
        name,
      ).toEqual([]);
      expect(records[0]?.cells[1]?.raw, name).toBe('学😀𠀀'.repeat(100000));
      expect(cells(records[1]), name).toEqual([
        ['a', '1', 3, 1],
        ['b', '䶮', 3, 3],
      ]);
    }
  });

  it('switches to GB18030 at the first invalid byte after a long ASCII prefix', async () => {
    const text = `a,b\n${'1,2\n'.repeat(40000)}中文,3\n`;
    const { source, records } = await readAll(tempFile('late.csv', iconv.encode(text, 'gb18030')));
    expect(source.encoding).toBe('gb18030');
    expect(records.at(-1)?.cells[0]?.raw).toBe('中文');
    expect(records.at(-1)?.line).toBe(40002);
  });
});
