// Reads a policy document's metadata from its head: the 印发 notice title, the
// 文号, the issuing office, the date line and the district. Pure.
import { HORIZON_IN_TITLE } from './patterns.js';

/** What the text says about itself; null where it says nothing recognisable. */
export interface DocumentMeta {
  title: string | null;
  documentNumber: string | null;
  issuer: string | null;
  /** ISO date, YYYY-MM-DD. */
  issued: string | null;
  district: string | null;
  /** From the title, e.g. （2024-2027年）. */
  horizon: { from: number; to: number } | null;
}

const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔[［(（]\s*\d{4}\s*[〕\]］)）]\s*\d+\s*号/g;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const CN_DATE_LINE =
  /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;
const ORG = /(人民政府|政府|办公室|办公厅|委员会|管委会|领导小组|局|委|厅|部)$/;
/** How far into the document the head (notice, number, signature) may reach. */
const HEAD_CHARS = 3000;

const CN_DIGITS: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function cnSmall(s: string): number {
  if (s === '十') return 10;
  const i = s.indexOf('十');
  if (i === -1) return CN_DIGITS[s] ?? Number.NaN;
  const tens = i === 0 ? 1 : (CN_DIGITS[s[0]!] ?? Number.NaN);
  const ones = i === s.length - 1 ? 0 : (CN_DIGITS[s[i + 1]!] ?? Number.NaN);
  return tens * 10 + ones;
}

function isoDate(y: number, m: number, d: number): string | null {
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A date line (2024年12月27日 or 二〇二四年十二月二十七日) as YYYY-MM-DD, else null. */
export function parseDateLine(line: string): string | null {
  const t = line.trim();
  let m = DATE_LINE.exec(t);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = CN_DATE_LINE.exec(t);
  if (m) {
    const y = Number([...m[1]!].map((c) => CN_DIGITS[c]).join(''));
    return isoDate(y, cnSmall(m[2]!), cnSmall(m[3]!));
  }
  return null;
}

/** The district (区/县) named in an issuer or title: 重庆市永川区人民政府办公室 → 永川区. */
export function districtOf(name: string): string | null {
  const m = /(?:^|[省市州])([^省市州\s]{1,8}?(?:自治县|区|县|旗))/.exec(name);
  return m ? m[1]! : null;
}

/** Read title, 文号, issuer, date, district and horizon from the document text. */
export function readMetadata(text: string): DocumentMeta {
  const head = text.slice(0, HEAD_CHARS);
  const lines = head.split(/\r?\n/).map((l) => l.replace(/\[bookmark:[^\]]*\]/g, '').trim());
  const flat = head.replace(/\s+/g, '');

  let title: string | null = null;
  const notice = /关于印发《(.+?)》的通知/.exec(flat) ?? /关于印发(.+?)的通知/.exec(flat);
  if (notice) title = notice[1]!;
  else {
    const book = /《([^《》]{4,80})》/.exec(flat);
    title = book ? book[1]! : (lines.find((l) => l.length >= 4) ?? null);
  }

  let documentNumber: string | null = null;
  for (const l of lines) {
    const m = l.match(DOC_NUMBER);
    if (m && m[0].length === l.length) {
      documentNumber = m[0];
      break;
    }
  }
  if (!documentNumber) {
    const first = DOC_NUMBER.exec(head.slice(0, 600));
    DOC_NUMBER.lastIndex = 0;
    if (first) documentNumber = first[0];
  }

  let issued: string | null = null;
  let issuer: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const d = parseDateLine(lines[i]!);
    if (!d) continue;
    issued = d;
    for (let j = i - 1; j >= 0; j--) {
      if (!lines[j]) continue;
      if (ORG.test(lines[j]!) && lines[j]!.length <= 40) issuer = lines[j]!;
      break;
    }
    break;
  }
  if (!issuer) issuer = lines.find((l) => l.length <= 40 && ORG.test(l)) ?? null;

  const district = (issuer && districtOf(issuer)) || (title && districtOf(title)) || null;
  const h = title ? HORIZON_IN_TITLE.exec(title) : null;
  const horizon = h ? { from: Number(h[1]), to: Number(h[2]) } : null;
  return { title, documentNumber, issuer, issued, district, horizon };
}
