// Builds and renders `draft/...` diagnostics from their own catalogue file, so
// the command works before the codes are merged into the shared catalogue.
import { draftCodes } from '../diagnostics/draft-codes.js';
import type { Diagnostic, Lang, Params } from '../diagnostics/types.js';
import { visible } from '../util/visible.js';

/** A `draft/...` diagnostic; throws on an unknown code (a programming error). */
export function draftDiag(code: string, params: Params = {}, file?: string): Diagnostic {
  const def = draftCodes[code];
  if (!def) throw new Error(`unknown diagnostic code ${code}`);
  const d: Diagnostic = { code, severity: def.severity, params };
  if (file !== undefined) d.file = file;
  return d;
}

/** Render a `draft/...` diagnostic's message; parameters are made visible (they echo the document). */
export function renderDraft(d: Diagnostic, lang: Lang): string {
  const def = draftCodes[d.code];
  const template = def ? def.message[lang] : d.code;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = d.params[name];
    return v === undefined || v === null ? whole : visible(String(v));
  });
}

/** A problem that stops drafting, carrying its diagnostic. */
export class DraftError extends Error {
  override name = 'DraftError';
  constructor(readonly diagnostic: Diagnostic) {
    super(d2s(diagnostic));
  }
}

function d2s(d: Diagnostic): string {
  return `${d.code}: ${renderDraft(d, 'en')}`;
}
