import type { Formatter } from './types.js';

/**
 * Output formats, each loaded on demand so that no format pays for
 * another's imports (cli-table3 and chalk only for `table`, csv-stringify
 * only for `csv`).
 */
const loaders = {
  table: () => import('./table.js').then((m) => m.format),
  json: () => import('./json.js').then((m) => m.format),
  csv: () => import('./csv.js').then((m) => m.format),
  markdown: () => import('./markdown.js').then((m) => m.format),
  junit: () => import('./junit.js').then((m) => m.format),
  html: () => import('./html/index.js').then((m) => m.format),
} satisfies Record<string, () => Promise<Formatter>>;

/** Name of an output format (`--format`). */
export type FormatName = keyof typeof loaders;

/** The format names, in the order help and errors list them. */
export const FORMATS = Object.keys(loaders) as FormatName[];

/** True when `name` is a known format. */
export function isFormat(name: string): name is FormatName {
  return Object.hasOwn(loaders, name);
}

/** Load the formatter of a format. */
export function loadFormatter(name: FormatName): Promise<Formatter> {
  return loaders[name]();
}
