// The installed command runs the bundle (dist/bundle/vet-check.cjs, made by
// `npm run build`, which `npm test` runs first) from a vm.Script with V8's code
// cache (src/cli/launch.ts). These tests hold the bundle to the source: the
// same output for the same command, the lazily loaded packages included, and
// a code cache that V8 accepts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { captureIo } from '../helpers/io.js';
import { SAMPLE } from '../helpers/sample.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ENV = { SOURCE_DATE_EPOCH: '1767225600', LANG: 'zh_CN.UTF-8', NO_COLOR: '1' };

/** The installed command, as a user runs it. */
function bin(argv: string[], cwd = repo) {
  const r = spawnSync(process.execPath, [join(repo, 'bin/vet-check.js'), ...argv], {
    cwd,
    env: { PATH: process.env['PATH'] ?? '', ...ENV },
    encoding: 'utf8',
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** The same command run from the TypeScript source, in this process. */
async function source(argv: string[], cwd = repo) {
  const io = captureIo(cwd, ENV);
  const code = await run(argv, io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

async function same(argv: string[], cwd = repo) {
  const [a, b] = [bin(argv, cwd), await source(argv, cwd)];
  expect(a.err).toBe(b.err);
  expect(a.out).toBe(b.out);
  expect(a.code).toBe(b.code);
  return a;
}

describe('the bundle', () => {
  it('is run with a code cache that V8 accepts', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { loadBundle } = await import(${JSON.stringify(join(repo, 'dist/cli/launch.js'))});
         const b = loadBundle();
         console.log(JSON.stringify({ offered: b.cacheOffered, rejected: b.script.cachedDataRejected }));`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ offered: true, rejected: false });
  });

  it('answers --version and -V (before loading the bundle) as the CLI does', async () => {
    for (const flag of ['--version', '-V']) expect((await same([flag])).out).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('reports the sample as the source does: table, JSON and HTML (Vega loaded on demand)', async () => {
    expect((await same(['report', ...SAMPLE])).code).toBe(1);
    await same(['report', ...SAMPLE, '--format', 'json', '--lang', 'en']);
    const html = await same(['report', ...SAMPLE, '--format', 'html']);
    expect(html.out).toContain('<svg');
  });

  it('reads XLSX (ExcelJS) and GBK (iconv-lite) submissions as the source does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vet-bundle-'));
    const csv = readFileSync(join(repo, 'fixtures/sample/dazu-annual.csv'), 'utf8').replace(/^\uFEFF/, '');
    writeFileSync(join(dir, 'gbk.csv'), iconv.encode(csv, 'gbk'));
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('数据');
    for (const line of csv.trim().split(/\r?\n/)) sheet.addRow(line.split(','));
    writeFileSync(join(dir, 'book.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const gbk = await same(['validate', 'gbk.csv'], dir);
    expect(gbk.out).toMatch(/GB18030|GBK/);
    const xlsx = await same(['validate', 'book.xlsx'], dir);
    expect(xlsx.code).toBe(0);
  });

  it('drafts a plan from .docx (mammoth loaded on demand) as the source does', async () => {
    const r = await same(['draft', 'docx-policy.docx'], join(repo, 'fixtures/draft'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('rules:');
  });
});
