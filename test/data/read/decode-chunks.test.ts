// The decoder sees a file in whatever chunks the read gives it: a character
// can be cut anywhere, and the decoder completes it from the next chunk. Any
// chunking must give the same text and, for an invalid byte, the same
// diagnostic at the same position as reading the bytes in one piece.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type DecodeState, decodeToUtf8, type EncodingName, ReadStop } from '../../../src/data/decode.js';
import { rng } from '../../helpers/rng.js';

/** Cut bytes into chunks of random sizes: mostly tiny (cutting every character), some large. */
function chunked(bytes: Buffer, r: () => number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; ) {
    const n = r() < 0.8 ? 1 + Math.floor(r() * 6) : 1 + Math.floor(r() * 200);
    out.push(bytes.subarray(i, i + n));
    i += n;
  }
  return out;
}

async function decode(chunks: Buffer[], forced?: EncodingName) {
  const state: DecodeState = {
    file: 'f.csv',
    encoding: 'utf-8',
    detected: forced === undefined,
    bytes: 0,
    textBytes: 0,
    diagnostics: [],
  };
  const parts: Buffer[] = [];
  let stop: unknown;
  try {
    for await (const out of decodeToUtf8(chunks, state, forced)) parts.push(Buffer.from(out));
  } catch (e) {
    if (!(e instanceof ReadStop)) throw e;
    stop = [e.diagnostic.code, e.diagnostic.line, e.diagnostic.column];
  }
  const diags = state.diagnostics.map((d) => [d.code, d.line, d.column]);
  return { text: Buffer.concat(parts).toString('utf8'), encoding: state.encoding, diags, stop };
}

const TEXT = `院校代码,名称,备注\n5001,学校😀,䶮€ ok\n5002,"引号,逗号",\r\n5003,𠀀,x\uFFFDy\n`.repeat(20);

describe('decoding in chunks', () => {
  it.each<[string, Buffer, EncodingName | undefined]>([
    ['UTF-8', Buffer.from(TEXT, 'utf8'), undefined],
    [
      'UTF-8 with BOM',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]),
      undefined,
    ],
    ['UTF-8, forced', Buffer.from(TEXT, 'utf8'), 'utf-8'],
    ['GB18030, detected', iconv.encode(TEXT, 'gb18030'), undefined],
    ['GB18030, forced', iconv.encode(TEXT, 'gb18030'), 'gb18030'],
    [
      'UTF-16LE with BOM',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
      undefined,
    ],
    [
      'UTF-16BE with BOM',
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, 'utf16le').swap16()]),
      undefined,
    ],
  ])('%s: every chunking gives the text of one piece', async (_, bytes, forced) => {
    const whole = await decode([bytes], forced);
    expect(whole.text).toBe(TEXT);
    const r = rng(7);
    for (let i = 0; i < 40; i++) expect(await decode(chunked(bytes, r), forced)).toEqual(whole);
  });

  it.each<[string, Buffer]>([
    [
      'a bad byte after UTF-8 text',
      Buffer.concat([Buffer.from(TEXT, 'utf8'), Buffer.from([0xe5, 0x41]), Buffer.from('tail\n')]),
    ],
    ['a cut character at the end', Buffer.concat([Buffer.from(TEXT, 'utf8'), Buffer.from([0xe5, 0xad])])],
  ])('%s: the same diagnostic at the same place for every chunking', async (_, bytes) => {
    const whole = await decode([bytes]);
    expect(whole.stop).toBeDefined();
    const r = rng(11);
    for (let i = 0; i < 40; i++) expect(await decode(chunked(bytes, r))).toEqual(whole);
  });
});
