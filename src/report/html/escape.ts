import { visible } from '../../util/visible.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escape untrusted text for HTML text and quoted attribute values alike:
 * control and invisible characters are first made visible (`\x1b`), then
 * `& < > " '` become entities, so no data string can open a tag, end an
 * attribute or hide itself.
 */
export function escapeHtml(text: string): string {
  return visible(text).replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}
