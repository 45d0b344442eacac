// JSON Lines (.jsonl, .ndjson): one object per line, blank lines allowed; streamed line by line.
import { diag } from '../../diagnostics/diagnostic.js';
import type { Diagnostic } from '../../diagnostics/types.js';
import type { SourceRecord } from '../source.js';

const LF = 10;
const CR = 13;

/**
 * Read JSON Lines from validated UTF-8 chunks. Each line is parsed on its own,
 * so a bad line is reported and the next lines are still read; a line longer
 * than `maxRecordBytes` stops reading without buffering it whole.
 */
export async function* readJsonl(
  chunks: AsyncIterable<Buffer>,
  opts: { file: string; maxRecordBytes: number },
  sink: { diagnostics: Diagnostic[] },
): AsyncGenerator<SourceRecord> {
  // jsonc-parser loads only when a JSON file is read (it is not needed for CSV)
  const { parseJsonRecords } = await import('./json-records.js');
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let lineNo = 1;
  let nonBlank = 0;
  const tooLarge = () =>
    sink.diagnostics.push(
      diag(
        'read/record-too-large',
        { limit: opts.maxRecordBytes },
        { file: opts.file, line: lineNo, column: 1 },
      ),
    );
  const parseLine = (bytes: Buffer): SourceRecord[] => {
    const end = bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    const text = bytes.toString('utf8', 0, end);
    if (text.trim() === '') return [];
    nonBlank++;
    const result = parseJsonRecords(text, 'line', opts.file, lineNo);
    sink.diagnostics.push(...result.diagnostics);
    return result.records;
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(LF); nl !== -1; nl = chunk.indexOf(LF, start)) {
      const piece = chunk.subarray(start, nl);
      const line = pendingLength ? Buffer.concat([...pending, piece]) : piece;
      pending = [];
      pendingLength = 0;
      if (line.length > opts.maxRecordBytes) {
        tooLarge();
        return;
      }
      yield* parseLine(line);
      lineNo++;
      start = nl + 1;
    }
    if (start < chunk.length) {
      pending.push(chunk.subarray(start));
      pendingLength += chunk.length - start;
      if (pendingLength > opts.maxRecordBytes) {
        tooLarge();
        return;
      }
    }
  }
  if (pendingLength) yield* parseLine(Buffer.concat(pending));
  if (nonBlank === 0) sink.diagnostics.push(diag('read/empty-file', {}, { file: opts.file }));
}
