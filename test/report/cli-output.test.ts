import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { captureIo } from '../helpers/io.js';

// `vet-check report --output` end to end, on a copy of the sample submission.

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sample = join(repo, 'fixtures', 'sample');

function workspace(): { dir: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'vet-check-cli-'));
  const files = readdirSync(sample).filter((f) => f.endsWith('.csv'));
  for (const f of files) copyFileSync(join(sample, f), join(dir, f));
  // absolute input paths: the data reader resolves against the process's cwd, not io.cwd
  return { dir, files: files.map((f) => join(dir, f)) };
}

function io(cwd: string) {
  return captureIo(cwd, { SOURCE_DATE_EPOCH: '1740816000' });
}

describe('vet-check report --output', () => {
  it('refuses to write over an input file (exit 2) and leaves it intact', async () => {
    const { dir, files } = workspace();
    const before = readFileSync(files[0]!, 'utf8');
    const name = basename(files[0]!);
    const i = io(dir);
    expect(await run(['report', ...files, '--format', 'json', '--output', `./${name}`], i)).toBe(2);
    expect(i.err.join('')).toContain(name);
    expect(readFileSync(files[0]!, 'utf8')).toBe(before);
  });

  it('writes JSON valid against the schema, and nothing else, to the file', async () => {
    const { dir, files } = workspace();
    const i = io(dir);
    const code = await run(['report', ...files, '--format', 'json', '--output', 'report.json'], i);
    expect([0, 1]).toContain(code);
    expect(i.out.join('')).toBe('');
    const schema = JSON.parse(readFileSync(join(repo, 'schemas', 'report.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);
    const data = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes CSV with a BOM to a file and well-formed JUnit', async () => {
    const { dir, files } = workspace();
    await run(['report', ...files, '--format', 'csv', '--output', 'report.csv'], io(dir));
    expect(readFileSync(join(dir, 'report.csv'), 'utf8').startsWith('\uFEFF')).toBe(true);
    await run(
      ['report', ...files, '--format', 'junit', '--output', 'report.xml', '--by-institution'],
      io(dir),
    );
    expect(XMLValidator.validate(readFileSync(join(dir, 'report.xml'), 'utf8'))).toBe(true);
  });

  it('a report from a teacher roster says how many records each figure came from, valid against the schema', async () => {
    const roster = join(repo, 'fixtures', 'data', 'records-roster', 'data.csv');
    const i = io(repo);
    const code = await run(['report', roster, '--format', 'json', '--by-institution'], i);
    expect([0, 1]).toContain(code);
    const schema = JSON.parse(readFileSync(join(repo, 'schemas', 'report.schema.json'), 'utf8'));
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);
    const data = JSON.parse(i.out.join(''));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const plans = Array.isArray(data) ? data : [data];
    const dual = plans
      .flatMap((p: { results: Record<string, unknown>[] }) => p.results)
      .find(
        (r: Record<string, unknown>) =>
          r['ruleId'] === 'yc-dual-qualified-teachers' && r['records'] !== undefined,
      );
    expect(dual, 'a dual-qualified result counted from records').toBeDefined();
    const breakdown = dual!['breakdown'] as { records?: number }[];
    expect(breakdown.reduce((a, b) => a + (b.records ?? 0), 0)).toBe(dual!['records']);
  });
});
