// Whole-file JSON: an array of row objects, or { "rows": [...] }.
import { diag } from '../../diagnostics/diagnostic.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { SourceRecord } from '../source.js';

/** Largest whole-file JSON accepted (decoded bytes); larger files should be JSON Lines. */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** Read a JSON document from validated UTF-8 chunks and yield its records. */
export async function* readJson(
  chunks: AsyncIterable<Buffer>,
  opts: { file: string; maxBytes?: number },
  sink: { diagnostics: Diagnostic[] },
): AsyncGenerator<SourceRecord> {
  // jsonc-parser loads only when a JSON file is read (it is not needed for CSV)
  const { parseJsonRecords } = await import('./json-records.js');
  const limit = opts.maxBytes ?? MAX_JSON_BYTES;
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limit) {
      sink.diagnostics.push(diag('read/file-too-large', { format: 'JSON', limit }, { file: opts.file }));
      return;
    }
    parts.push(chunk);
  }
  const text = Buffer.concat(parts).toString('utf8');
  if (text.trim() === '') {
    sink.diagnostics.push(diag('read/empty-file', {}, { file: opts.file }));
    return;
  }
  const result = parseJsonRecords(text, 'document', opts.file);
  sink.diagnostics.push(...result.diagnostics);
  yield* result.records;
}
