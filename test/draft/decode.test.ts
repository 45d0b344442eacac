import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeDocument } from '../../src/draft/decode.js';
import { DraftError } from '../../src/draft/diag.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/draft/${name}`, import.meta.url));
const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (err) {
    if (err instanceof DraftError) return err.diagnostic.code;
    throw err;
  }
  return 'no error';
};

describe('decodeDocument', () => {
  it('reads UTF-8, UTF-8 with BOM (BOM dropped) and GBK as GB18030', () => {
    expect(decodeDocument(Buffer.from('一、目标\n')).encoding).toBe('utf-8');
    const bom = decodeDocument(fixture('bom-policy.txt'));
    expect(bom.encoding).toBe('utf-8-bom');
    expect(bom.text.startsWith('一、目标')).toBe(true);
    const gbk = decodeDocument(fixture('gbk-policy.txt'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.text).toContain('毕业生就业率不低于95%');
    expect(gbk.diagnostics.map((d) => d.code)).toEqual(['draft/encoding-detected']);
  });

  it('reads GB18030 four-byte characters', () => {
    const text = '一、目标\n𠀀建成基地2个。\n';
    expect(decodeDocument(iconv.encode(text, 'gb18030')).text).toBe(text);
  });

  it('rejects mixed UTF-8 and a stray byte, bytes invalid in GB18030, and empty documents', () => {
    expect(codeOf(() => decodeDocument(fixture('bad-bytes.txt')))).toBe('draft/mixed-encoding');
    expect(codeOf(() => decodeDocument(Buffer.from([0xd2, 0xbb, 0x81, 0x30, 0x0a])))).toBe(
      'draft/invalid-encoding',
    );
    expect(codeOf(() => decodeDocument(fixture('empty.txt')))).toBe('draft/empty-document');
    expect(codeOf(() => decodeDocument(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xff])))).toBe(
      'draft/invalid-encoding',
    );
  });
});
