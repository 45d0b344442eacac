import { readFileSync, statSync } from 'node:fs';
import { diag } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { readYaml, type YamlResult } from './yaml.js';

/** Largest plan or catalogue file read (the built-in plans are a few dozen KB). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Read a UTF-8 text file; problems become diagnostics, never exceptions. */
export function readTextFile(
  path: string,
  display: string,
): { text: string | null; diagnostics: Diagnostic[] } {
  const where = { file: display };
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      return {
        text: null,
        diagnostics: [diag('plan/file-too-large', { size, limit: MAX_FILE_BYTES }, where)],
      };
    }
    const bytes = readFileSync(path);
    try {
      const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      return { text, diagnostics: [] };
    } catch {
      return { text: null, diagnostics: [diag('plan/encoding', {}, where)] };
    }
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    return { text: null, diagnostics: [diag('plan/read-error', { detail: e.code ?? e.message }, where)] };
  }
}

/** Read and parse a YAML file safely (see readYaml). */
export function readYamlFile(path: string, display: string): YamlResult {
  const { text, diagnostics } = readTextFile(path, display);
  if (text === null) return { value: undefined, nodes: new Map(), diagnostics };
  return readYaml(text, display);
}
