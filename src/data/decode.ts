// Streaming text decoding to validated UTF-8 bytes. Nothing is ever turned
// into U+FFFD silently: UTF-8 and UTF-16 are checked strictly, and GB18030
// output is checked against the bytes that really encode U+FFFD.
import { isAscii, isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type * as IconvLite from 'iconv-lite';
import { diag } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { iconvLite } from '../util/iconv.js';
import { PositionTracker } from './read/position.js';

/** Encodings the readers decode. */
export type EncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** A problem that stops reading a file, carrying its diagnostic. */
export class ReadStop extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.code);
  }
}

/** Map a user-given encoding name to one the readers support (gbk reads as its superset gb18030); null if unknown. */
export function normalizeEncoding(name: string): EncodingName | null {
  const n = name.trim().toLowerCase().replace(/_/g, '-');
  if (n === 'utf-8' || n === 'utf8') return 'utf-8';
  if (n === 'utf-8-bom' || n === 'utf8-bom' || n === 'utf-8-sig') return 'utf-8-bom';
  if (n === 'gbk' || n === 'gb2312' || n === 'gb18030' || n === 'cp936') return 'gb18030';
  if (n === 'utf-16le' || n === 'utf16le') return 'utf-16le';
  if (n === 'utf-16be' || n === 'utf16be') return 'utf-16be';
  return null;
}

/** The encoding a byte-order mark at the start of `head` announces, and the mark's length. */
export function sniffBom(head: Uint8Array): { encoding: EncodingName; length: number } | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8-bom', length: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** What the decoder found out; read it after the stream has ended. */
export interface DecodeState {
  file: string;
  /** Encoding used (switches from utf-8 to gb18030 when detection decides so). */
  encoding: EncodingName;
  /** False when the encoding was forced. */
  detected: boolean;
  /** Total bytes read from the file (BOM included). */
  bytes: number;
  /** Bytes of decoded text produced (BOM excluded); 0 means an empty file. */
  textBytes: number;
  diagnostics: Diagnostic[];
}

/** Most undecided bytes held back while detecting (then the file counts as UTF-8). */
const MAX_HELD = 1024 * 1024;

/**
 * Whether the valid UTF-8 in buf[0, end) is enough evidence of UTF-8 text.
 * GBK bytes form a valid UTF-8 pair by chance (学 = D1 A7), but rarely a
 * three-byte sequence, the form Chinese takes in UTF-8: two of those, or
 * eight non-ASCII characters of any length, decide for UTF-8.
 */
function looksUtf8(buf: Uint8Array, end: number): boolean {
  let any = 0;
  let long = 0;
  for (let i = 0; i < end; i++) {
    const b = buf[i]!;
    if (b >= 0xc0) {
      any++;
      if (b >= 0xe0) long++;
      if (long >= 2 || any >= 8) return true;
    }
  }
  return false;
}

const FFFD_UTF8 = Buffer.from([0xef, 0xbf, 0xbd]);
const FFFD_GB = Buffer.from([0x84, 0x31, 0xa4, 0x37]);

function hex(b: number | undefined): string {
  return b === undefined ? 'EOF' : `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Length of the longest prefix of buf that ends on a UTF-8 character boundary (an incomplete last character is cut off). */
function utf8Boundary(buf: Uint8Array): number {
  const n = buf.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = buf[n - back]!;
    if ((b & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/**
 * Length of the longest prefix of `buf` made of whole GB18030 sequences (one
 * byte below 0x80; a lead byte 0x81–0xFE with a second byte 0x30–0x39 starts
 * four bytes, with any other second byte two), `buf` starting at a sequence.
 * iconv-lite 0.7's streaming decoder turns a four-byte sequence of a
 * character beyond U+FFFF that is split between two writes into a lone
 * surrogate, so it is only ever given whole sequences.
 */
export function gb18030Boundary(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  for (;;) {
    const b = buf[i]!;
    const len = b < 0x81 || b === 0xff ? 1 : i + 1 < n && buf[i + 1]! >= 0x30 && buf[i + 1]! <= 0x39 ? 4 : 2;
    if (i + len > n) return i;
    i += len;
    if (i === n) return n;
  }
}

/** Offset of the first byte of `buf` that is not valid UTF-8 (buf is known to be invalid). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const s = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
  let byteOffset = 0;
  let from = 0;
  for (let i = s.indexOf('\ufffd'); i !== -1; i = s.indexOf('\ufffd', i + 1)) {
    byteOffset += Buffer.byteLength(s.slice(from, i), 'utf8');
    from = i;
    // A U+FFFD whose bytes really are EF BF BD was in the file; any other one marks the bad byte.
    if (!Buffer.from(buf.buffer, buf.byteOffset + byteOffset, 3).equals(FFFD_UTF8)) return byteOffset;
  }
  return buf.length;
}

/** Offset (in code units) of the first U+FFFD of `s` not explained by an encoded U+FFFD in `buf` (UTF-16). */
function firstInvalidUtf16(buf: Uint8Array, le: boolean): number {
  const s = new TextDecoder(le ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(buf);
  for (let i = s.indexOf('\ufffd'); i !== -1; i = s.indexOf('\ufffd', i + 1)) {
    const a = buf[2 * i];
    const b = buf[2 * i + 1];
    if (!(le ? a === 0xfd && b === 0xff : a === 0xff && b === 0xfd)) return 2 * i;
  }
  return buf.length - (buf.length % 2);
}

function countOccurrences(buf: Uint8Array, needle: Uint8Array): number {
  let n = 0;
  const b = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  for (let i = b.indexOf(needle); i !== -1; i = b.indexOf(needle, i + needle.length)) n++;
  return n;
}

/**
 * Decode a byte stream into validated UTF-8 chunks without a BOM. `forced` is
 * the --encoding choice; otherwise a BOM decides, else the stream is read as
 * strict UTF-8 and, if an invalid byte comes before any multi-byte character,
 * as GB18030 from there on (what came before was ASCII, identical in both).
 * Throws ReadStop at the first byte that is invalid in the encoding used.
 */
export async function* decodeToUtf8(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  state: DecodeState,
  forced?: EncodingName,
): AsyncGenerator<Buffer> {
  const pos = new PositionTracker();
  let fffdCount = 0;
  const emit = (out: Buffer): Buffer => {
    if (out.length === 0) return out;
    const at = out.indexOf(FFFD_UTF8);
    if (at !== -1) {
      if (fffdCount === 0) {
        const t = pos.clone();
        t.advance(out, 0, at);
        state.diagnostics.push(
          diag('read/replacement-char', { count: 0 }, { file: state.file, ...t.position }),
        );
      }
      fffdCount += countOccurrences(out, FFFD_UTF8);
    }
    pos.advance(out);
    state.textBytes += out.length;
    return out;
  };
  // A bad byte ends decoding: the valid text before it is still emitted, then
  // ReadStop is thrown with the position right after that text.
  let failure: { code: string; byte: string } | null = null;
  const stop = (code: string, prefix: Buffer, badByte: number | undefined): Buffer => {
    failure = { code, byte: hex(badByte) };
    return prefix;
  };
  const failed = (): ReadStop =>
    new ReadStop(
      diag(
        failure!.code,
        { byte: failure!.byte, encoding: state.encoding },
        { file: state.file, ...pos.position },
      ),
    );

  let mode: EncodingName | 'sniff' = forced ?? 'sniff';
  const EMPTY: Buffer = Buffer.alloc(0);
  let carry: Buffer = EMPTY;
  // Detection: 'ascii' until the first non-ASCII byte; then 'holding' those bytes
  // (not yet emitted) until enough valid UTF-8 characters decide for UTF-8, or
  // an invalid byte comes first and they are decoded as GB18030 instead.
  let phase: 'ascii' | 'holding' | 'utf8' = 'ascii';
  let held: Buffer[] = [];
  let gb: ReturnType<typeof IconvLite.getDecoder> | null = null;
  let gbFffdIn = 0;
  let gbFffdOut = 0;
  let gbTail: Buffer = Buffer.alloc(0);
  let gbCarry: Buffer = Buffer.alloc(0);
  let utf16: TextDecoder | null = null;

  const gbWrite = (bytes: Buffer, end: boolean): Buffer => {
    if (!gb) gb = iconvLite().getDecoder('gb18030');
    // Count encoded U+FFFD, including ones split across chunks (keep the last 3 bytes).
    const scan = Buffer.concat([gbTail, bytes]);
    gbFffdIn += countOccurrences(scan, FFFD_GB) - countOccurrences(gbTail, FFFD_GB);
    gbTail = scan.subarray(Math.max(0, scan.length - 3));
    // whole sequences only (gb18030Boundary); an incomplete last one waits for the next bytes
    const data = gbCarry.length > 0 ? Buffer.concat([gbCarry, bytes]) : bytes;
    const cut = end || data.length === 0 ? data.length : gb18030Boundary(data);
    gbCarry = data.subarray(cut);
    let text = cut > 0 ? gb.write(data.subarray(0, cut)) : '';
    if (end) text += gb.end() ?? '';
    let i = text.indexOf('\ufffd');
    while (i !== -1) {
      gbFffdOut++;
      if (gbFffdOut > gbFffdIn) {
        failure = { code: 'read/invalid-encoding', byte: '?' };
        return Buffer.from(text.slice(0, i), 'utf8');
      }
      i = text.indexOf('\ufffd', i + 1);
    }
    return Buffer.from(text, 'utf8');
  };

  const switchToGb = (): void => {
    mode = 'gb18030';
    state.encoding = 'gb18030';
    state.diagnostics.push(diag('read/encoding-detected', { encoding: 'gb18030' }, { file: state.file }));
  };

  /** Decode `buf` (carry already prepended); returns the UTF-8 output, keeps an incomplete tail in `carry`. */
  const step = (buf: Buffer, end: boolean): Buffer => {
    if (mode === 'gb18030') return gbWrite(buf, end);
    if (mode === 'utf-16le' || mode === 'utf-16be') {
      const le = mode === 'utf-16le';
      if (!utf16) utf16 = new TextDecoder(mode, { fatal: true, ignoreBOM: true });
      let cut = buf.length - (buf.length % 2);
      if (!end && cut >= 2) {
        const last = le ? buf[cut - 2]! | (buf[cut - 1]! << 8) : (buf[cut - 2]! << 8) | buf[cut - 1]!;
        if (last >= 0xd800 && last <= 0xdbff) cut -= 2; // high surrogate: wait for its pair
      }
      const part = buf.subarray(0, end ? buf.length : cut);
      carry = end ? Buffer.alloc(0) : buf.subarray(cut);
      try {
        if (part.length % 2 === 1) throw new Error('odd');
        return Buffer.from(utf16.decode(part), 'utf8');
      } catch {
        const bad = firstInvalidUtf16(part, le);
        const ok = new TextDecoder(mode, { ignoreBOM: true }).decode(part.subarray(0, bad));
        return stop('read/invalid-encoding', Buffer.from(ok, 'utf8'), part[bad]);
      }
    }
    // UTF-8 (forced, BOM, or being detected).
    const cut = end ? buf.length : utf8Boundary(buf);
    const part = buf.subarray(0, cut);
    carry = buf.subarray(cut);
    if (mode !== 'sniff' || phase === 'utf8') {
      if (isUtf8(part)) return part;
      const bad = firstInvalidUtf8(part);
      const code = mode === 'sniff' ? 'read/invalid-utf8' : 'read/invalid-encoding';
      return stop(code, Buffer.from(part.subarray(0, bad)), part[bad]);
    }
    let ascii: Buffer = Buffer.alloc(0);
    if (phase === 'ascii') {
      if (isAscii(part)) return part;
      const at = part.findIndex((b) => b >= 0x80);
      ascii = part.subarray(0, at);
      held = [Buffer.from(part.subarray(at))]; // a copy: the reader may reuse its buffers
      phase = 'holding';
    } else {
      held.push(part);
    }
    const h = held.length === 1 ? held[0]! : Buffer.concat(held);
    held = [h];
    if (isUtf8(h)) {
      if (looksUtf8(h, h.length) || h.length > MAX_HELD || end) {
        phase = 'utf8';
        held = [];
        return ascii.length ? Buffer.concat([ascii, h]) : h;
      }
      return ascii;
    }
    const bad = firstInvalidUtf8(h);
    held = [];
    if (looksUtf8(h, bad)) {
      phase = 'utf8';
      return stop('read/invalid-utf8', Buffer.concat([ascii, h.subarray(0, bad)]), h[bad]);
    }
    // Too little UTF-8 before the bad byte to be UTF-8 text: GB18030 from the first non-ASCII byte.
    switchToGb();
    return Buffer.concat([ascii, gbWrite(h, end)]);
  };

  let first = true;
  let head: Buffer = Buffer.alloc(0);
  for await (const raw of chunks) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    state.bytes += chunk.length;
    let buf: Buffer = chunk;
    if (first) {
      // Need three bytes to see a BOM.
      head = head.length ? Buffer.concat([head, chunk]) : chunk;
      if (head.length < 3) continue;
      first = false;
      buf = stripBom(head);
    }
    if (carry.length && buf.length > 0) {
      // the few bytes of a character cut by the chunk boundary are completed with the
      // chunk's first bytes (any chunking decodes the same), not prepended to a copy of it
      // (`carry` is emptied once prepended: in GB18030 mode step() does not set it again)
      const k = Math.min(buf.length, 4);
      const head = Buffer.concat([carry, buf.subarray(0, k)]);
      carry = EMPTY;
      const joined = emit(step(head, false));
      if (joined.length) yield joined;
      if (failure) throw failed();
      buf = buf.subarray(k);
      if (carry.length) {
        buf = Buffer.concat([carry, buf]);
        carry = EMPTY;
      }
    }
    const out = emit(step(buf, false));
    if (out.length) yield out;
    if (failure) throw failed();
  }
  if (first) {
    first = false;
    const rest = stripBom(head);
    carry = carry.length ? Buffer.concat([carry, rest]) : rest;
  }
  const out = emit(step(carry, true));
  if (out.length) yield out;
  if (failure) throw failed();
  if (fffdCount > 0) {
    const d = state.diagnostics.find((x) => x.code === 'read/replacement-char');
    if (d) d.params.count = fffdCount;
  }

  function stripBom(h: Buffer): Buffer {
    const bom = sniffBom(h);
    if (!bom) {
      if (mode === 'sniff') state.encoding = 'utf-8';
      return h;
    }
    if (mode === 'sniff') {
      mode = bom.encoding === 'utf-8-bom' ? 'utf-8' : bom.encoding;
      state.encoding = bom.encoding;
      return h.subarray(bom.length);
    }
    // A forced encoding whose own BOM is present: drop the BOM (it is not text).
    const same = forced === bom.encoding || (forced === 'utf-8' && bom.encoding === 'utf-8-bom');
    if (same) {
      if (forced === 'utf-8-bom' || forced === 'utf-8') mode = 'utf-8';
      return h.subarray(bom.length);
    }
    if (forced === 'utf-8-bom') mode = 'utf-8';
    return h;
  }
}
