// Byte fixtures in the encodings the readers accept. They are generated here
// (and written to a temp dir by the tests) rather than checked in, so the
// exact bytes are visible in review.
import iconv from 'iconv-lite';

const BOM8 = Buffer.from([0xef, 0xbb, 0xbf]);

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

/** Text of the comma-separated fixtures: 䶮 and € are the characters a plain GBK decoder loses. */
export const CSV_TEXT = 'id,name,note\n1,学校,䶮€\n';
/** Text of the tab-separated fixtures (Excel's "Unicode text"). */
export const TSV_TEXT = 'id\tname\tnote\r\n1\t学校\t😀x\r\n';

/** File name → bytes. */
export const encodedFixtures: Record<string, Buffer> = {
  'utf8.csv': Buffer.from(CSV_TEXT, 'utf8'),
  'utf8-bom.csv': Buffer.concat([BOM8, Buffer.from(CSV_TEXT, 'utf8')]),
  'gb18030.csv': iconv.encode(CSV_TEXT, 'gb18030'),
  'utf16le-tabs.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TSV_TEXT, 'utf16le')]),
  'utf16be-tabs.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TSV_TEXT)]),
  // Valid multi-byte UTF-8, then a bad byte at line 3, column 3.
  'mixed.csv': Buffer.concat([
    Buffer.from('名,b\n中,1\nab', 'utf8'),
    Buffer.from([0xff]),
    Buffer.from(',2\n'),
  ]),
  // GB18030 text containing a byte pair that is invalid in GB18030 (0x81 0x20) at line 3, column 3.
  'gb-invalid.csv': Buffer.concat([
    iconv.encode('a,b\n中,1\nxy', 'gb18030'),
    Buffer.from([0x81, 0x20]),
    Buffer.from(',2\n'),
  ]),
  // A real U+FFFD in UTF-8 (EF BF BD) and in GB18030 (84 31 A4 37).
  'fffd-utf8.csv': Buffer.from('a,b\n1,x\ufffdy\n2,\ufffd\n', 'utf8'),
  'fffd-gb.csv': iconv.encode('a,b\n中,x\ufffdy\n', 'gb18030'),
  // An unpaired surrogate (D800) at line 2, column 2.
  'utf16-lone.txt': Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('a\tb\n1', 'utf16le'),
    Buffer.from([0x00, 0xd8]),
    Buffer.from('\t2\n', 'utf16le'),
  ]),
};
