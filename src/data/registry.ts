// The institution registry (`--institutions REGISTRY.csv`): the institutions
// expected to submit, with optional names and districts.
import { diag } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { Dictionary } from '../plan/types.js';
import { HeaderMatcher, KeyMapper, labelParams, mapHeader } from './headers.js';
import type { OpenedSource, OpenOptions } from './source.js';
import { parseString } from './values.js';

/** Opens a source for streaming (src/data/read's `openSource`, or a test double). */
export type OpenFn = (path: string, opts: OpenOptions) => Promise<OpenedSource>;

/** One registered institution. */
export interface RegistryEntry {
  id: string;
  name?: string;
  district?: string;
  /** Line in the registry file. */
  line: number;
}

/** The registry as read, with the problems found in it. */
export interface Registry {
  path: string;
  entries: Map<string, RegistryEntry>;
  diagnostics: Diagnostic[];
}

const REGISTRY_FIELDS = ['institution_id', 'institution_name', 'district'];

/**
 * Read a registry file (院校代码/institution_id required; 院校名称 and 所在区县
 * optional; other columns are ignored). Empty or duplicated codes are errors.
 */
export async function readRegistry(
  path: string,
  dict: Dictionary,
  open: OpenFn,
  opts: OpenOptions = {},
): Promise<Registry> {
  const src = await open(path, opts);
  const matcher = new HeaderMatcher(dict.fields.filter((f) => REGISTRY_FIELDS.includes(f.id)));
  const diagnostics: Diagnostic[] = [];
  const entries = new Map<string, RegistryEntry>();
  const header = src.header ? mapHeader(src.header, matcher, ['institution_id'], path) : null;
  if (header)
    diagnostics.push(
      ...header.diagnostics.filter((d) => d.code !== 'data/unknown-column' && d.code !== 'data/blank-header'),
    );
  const keys = new KeyMapper(matcher, path, () => {});
  for await (const rec of src.records()) {
    const got = new Map<string, string>();
    let idCell: (typeof rec.cells)[number] | undefined;
    rec.cells.forEach((cell, i) => {
      const id = header ? header.fields[i] : keys.field(cell);
      if (!id || got.has(id)) return;
      if (id === 'institution_id') idCell = cell;
      const v = parseString(cell);
      if (v.kind === 'value') got.set(id, v.value);
    });
    const code = got.get('institution_id');
    const where = { file: path, line: idCell?.line ?? rec.line, column: idCell?.column ?? rec.column };
    if (code === undefined) {
      if (!header?.fatal) {
        const t = matcher.targets.get('institution_id');
        diagnostics.push(
          diag('data/missing-value', labelParams(t, 'institution_id'), { ...where, field: 'institution_id' }),
        );
      }
      continue;
    }
    const first = entries.get(code);
    if (first) {
      diagnostics.push(
        diag(
          'data/duplicate-row',
          { key: code, first: `${path}:${first.line}` },
          { ...where, field: 'institution_id', value: code },
        ),
      );
      continue;
    }
    const e: RegistryEntry = { id: code, line: rec.line };
    const name = got.get('institution_name');
    const district = got.get('district');
    if (name !== undefined) e.name = name;
    if (district !== undefined) e.district = district;
    entries.set(code, e);
  }
  for (const d of src.diagnostics) diagnostics.push(d.file === src.path ? { ...d, file: path } : d);
  return { path, entries, diagnostics };
}
