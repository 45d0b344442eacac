import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSource } from '../../../src/data/read/index.js';
import type { OpenedSource, OpenOptions, SourceRecord } from '../../../src/data/source.js';

/** Path of a checked-in fixture of the readers. */
export const fixture = (name: string): string => join(import.meta.dirname, '../../../fixtures/read', name);

/** Write bytes to a fresh temp file and return its path. */
export function tempFile(name: string, content: Buffer | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vet-read-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Open and read a whole source. */
export async function readAll(
  path: string,
  opts?: OpenOptions,
): Promise<{ source: OpenedSource; records: SourceRecord[]; codes: [string, number?, number?][] }> {
  const source = await openSource(path, opts);
  const records: SourceRecord[] = [];
  for await (const r of source.records()) records.push(r);
  const codes = source.diagnostics.map((d): [string, number?, number?] =>
    d.line === undefined ? [d.code] : [d.code, d.line, d.column],
  );
  return { source, records, codes };
}

/** [key, raw, line, column] of each cell of a record. */
export const cells = (r: SourceRecord | undefined) => r?.cells.map((c) => [c.key, c.raw, c.line, c.column]);
