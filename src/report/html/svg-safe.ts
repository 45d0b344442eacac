/** Elements a static Vega chart is made of; anything else (script, foreignObject, a, image, use …) is refused. */
const ELEMENTS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'line',
  'circle',
  'text',
  'tspan',
  'title',
  'desc',
  'defs',
  'clipPath',
]);

const TAG = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<>]*")*)\s*(\/?)>/y;
const ATTR = /\s+([\w:-]+)="([^"<>]*)"/g;

/**
 * Throw unless `svg` is inert markup: only the elements of a static chart,
 * no event handler (`on…`), no link or reference to a resource (`href`,
 * `src`, `url(` other than a local `#id`), and no `<` outside a tag (text is
 * escaped). It guards the one piece of markup the report does not build
 * itself, Vega's SVG, against a regression upstream.
 */
export function assertSafeSvg(svg: string): void {
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf('<', i);
    if (lt === -1) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(svg);
    if (!m) throw new Error(`unsafe SVG: malformed markup at offset ${lt}`);
    const name = m[2]!;
    if (!ELEMENTS.has(name)) throw new Error(`unsafe SVG: element <${name}> at offset ${lt}`);
    for (const a of m[3]!.matchAll(ATTR)) {
      const attr = a[1]!.toLowerCase();
      const value = a[2]!;
      if (
        attr.startsWith('on') ||
        attr === 'href' ||
        attr.endsWith(':href') ||
        attr === 'src' ||
        attr === 'style'
      ) {
        throw new Error(`unsafe SVG: attribute ${attr} on <${name}>`);
      }
      if (/url\(\s*(?!['"]?#)/i.test(value)) throw new Error(`unsafe SVG: external url() in ${attr}`);
    }
    i = TAG.lastIndex;
  }
}
