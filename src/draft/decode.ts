// Strict decoding of a policy document's bytes: UTF-8 (with or without BOM),
// UTF-16 with BOM, or GB18030 (a superset of GBK). Never replaces a bad byte
// with U+FFFD: a byte that is invalid in the encoding read is an error.
import { firstInvalidUtf8 } from '../data/decode.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { iconvLite } from '../util/iconv.js';
import { DraftError, draftDiag } from './diag.js';

/** Encodings a document may be in. */
export type DocumentEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

/** Decoded text, the encoding it was read in, and what is worth telling the user. */
export interface DecodedText {
  text: string;
  encoding: DocumentEncoding;
  diagnostics: Diagnostic[];
}

const FFFD_GB = Buffer.from([0x84, 0x31, 0xa4, 0x37]);

function hex(b: number | undefined): string {
  return b === undefined ? 'EOF' : `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** Decode a document's bytes strictly; throws DraftError on invalid bytes or an empty text. */
export function decodeDocument(bytes: Uint8Array, file?: string): DecodedText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const diagnostics: Diagnostic[] = [];
  let text: string;
  let encoding: DocumentEncoding;
  const strict = (enc: string, b: Buffer): string => {
    try {
      return new TextDecoder(enc, { fatal: true, ignoreBOM: true }).decode(b);
    } catch {
      throw new DraftError(
        draftDiag('draft/invalid-encoding', { offset: 0, byte: '?', encoding: enc }, file),
      );
    }
  };
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    encoding = 'utf-8-bom';
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf.subarray(3));
    } catch {
      const at = 3 + firstInvalidUtf8(buf.subarray(3));
      throw new DraftError(
        draftDiag('draft/invalid-encoding', { offset: at, byte: hex(buf[at]), encoding: 'utf-8' }, file),
      );
    }
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    encoding = 'utf-16le';
    text = strict('utf-16le', buf.subarray(2));
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    encoding = 'utf-16be';
    text = strict('utf-16be', buf.subarray(2));
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
      encoding = 'utf-8';
    } catch {
      const at = firstInvalidUtf8(buf);
      const prefix = buf.subarray(0, at);
      // GBK bytes often pass as a few odd UTF-8 characters (D2 BB → U+04BB); real UTF-8 text before
      // the bad byte shows as Chinese characters.
      const cjk = (new TextDecoder('utf-8').decode(prefix).match(/[\u4e00-\u9fff]/g) ?? []).length;
      if (cjk >= 4) {
        throw new DraftError(draftDiag('draft/mixed-encoding', { offset: at, byte: hex(buf[at]) }, file));
      }
      text = iconvLite().decode(buf, 'gb18030');
      encoding = 'gb18030';
      const fffd = [...text].filter((c) => c === '\ufffd').length;
      let encoded = 0;
      for (let i = buf.indexOf(FFFD_GB); i !== -1; i = buf.indexOf(FFFD_GB, i + 4)) encoded++;
      if (fffd > encoded) {
        const bad = text.indexOf('\ufffd');
        const at2 = iconvLite().encode(text.slice(0, bad), 'gb18030').length;
        throw new DraftError(
          draftDiag(
            'draft/invalid-encoding',
            { offset: at2, byte: hex(buf[at2]), encoding: 'gb18030' },
            file,
          ),
        );
      }
      diagnostics.push(draftDiag('draft/encoding-detected', {}, file));
    }
  }
  if (text.trim() === '') throw new DraftError(draftDiag('draft/empty-document', {}, file));
  return { text, encoding, diagnostics };
}
