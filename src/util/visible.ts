/**
 * Make untrusted text safe to print: C0/C1 controls (ESC, NUL, CR …), bidi
 * overrides and isolates, zero-width characters, BOMs and other invisible
 * format characters become visible escapes such as `\x1b` or `\u202E`.
 * Tabs and newlines are escaped too, so one value stays on one line.
 */
export function visible(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) {
      out += `\\x${cp.toString(16).padStart(2, '0')}`;
    } else if (isInvisible(cp)) {
      out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    } else {
      out += ch;
    }
  }
  return out;
}

/** True for code points that render as nothing or reorder text. */
export function isInvisible(cp: number): boolean {
  return (
    cp === 0x00ad || // soft hyphen
    cp === 0x034f ||
    cp === 0x061c || // Arabic letter mark
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x180e ||
    (cp >= 0x200b && cp <= 0x200f) || // zero-width space/joiners, LRM, RLM
    (cp >= 0x202a && cp <= 0x202e) || // bidi embeddings and overrides
    (cp >= 0x2060 && cp <= 0x206f) || // word joiner, bidi isolates, invisible operators
    cp === 0x3164 ||
    cp === 0xfeff || // BOM / zero-width no-break space
    cp === 0xffa0 ||
    (cp >= 0xfff9 && cp <= 0xfffb) ||
    (cp >= 0xe0000 && cp <= 0xe007f) // tags
  );
}

/** True when the text holds any character that `visible` would escape. */
export function hasInvisible(text: string): boolean {
  return visible(text) !== text;
}
