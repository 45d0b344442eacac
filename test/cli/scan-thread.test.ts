// VET_CHECK_THREAD=1 reads, decodes and tokenizes CSV files on a second
// thread (src/data/read/scan-thread.ts). Whatever the file, the installed
// command must then print exactly what it prints on one thread: the same
// records, diagnostics with the same positions, encoding, hash and counts.
// The files are larger than one read (1 MiB), so the thread is used.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { rng } from '../helpers/rng.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'vet-thread-'));

function vet(thread: '0' | '1', argv: string[]) {
  const r = spawnSync(process.execPath, [join(repo, 'bin/vet-check.js'), ...argv], {
    cwd: dir,
    env: {
      PATH: process.env['PATH'] ?? '',
      LANG: 'en_US.UTF-8',
      CI: '1',
      SOURCE_DATE_EPOCH: '1767225600',
      VET_CHECK_THREAD: thread,
    },
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A roster of `rows` teachers, grouped as exported, with odd cells at `oddRate`. */
function roster(seed: number, rows: number, oddRate: number): string {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const odd = ['', ' 是', '吧', 'NA', '"否"', '是否'];
  const lines = ['院校代码,所在区县,年度,教师工号,是否专任,是否双师型'];
  for (let i = 0; i < rows; i++) {
    const inst = `50010${String(Math.floor(i / 700) % 40).padStart(5, '0')}`;
    const year = 2022 + (Math.floor(i / 28000) % 6);
    const id = r() < oddRate ? pick(['T1', '', '"T,2"', 'NA']) : `T${i % 700}`;
    const ft = r() < oddRate ? pick(odd) : r() < 0.85 ? '是' : '否';
    const dq = r() < oddRate ? pick(odd) : r() < 0.7 ? '是' : '否';
    lines.push(`${inst},${i % 2 ? '大足区' : '永川区'},${year},${id},${ft},${dq}`);
  }
  return `${lines.join('\n')}\n`;
}

function same(file: string, ...more: string[]) {
  for (const cmd of [
    ['validate', file, '--format', 'json', ...more],
    ['report', file, '--format', 'json', ...more],
  ]) {
    const one = vet('0', cmd);
    const two = vet('1', cmd);
    expect(two.err).toBe(one.err);
    expect(two.out).toBe(one.out);
    expect(two.code).toBe(one.code);
  }
  return JSON.parse(vet('1', ['validate', file, '--format', 'json', ...more]).out);
}

describe('scanning on a second thread (VET_CHECK_THREAD=1)', () => {
  it('a clean roster of 120,000 records: the same report, counts and hash', () => {
    writeFileSync(join(dir, 'clean.csv'), roster(1, 120_000, 0));
    const v = same('clean.csv');
    expect(v.files[0]).toMatchObject({ rowsRead: 120_000, rowsAccepted: 120_000 });
  });

  it('odd cells everywhere: the same diagnostics at the same lines and columns', () => {
    writeFileSync(join(dir, 'odd.csv'), roster(2, 80_000, 0.02));
    const v = same('odd.csv');
    expect(v.diagnostics.length).toBeGreaterThan(100);
  });

  it('GB18030 detected, CRLF line ends, quoted cells with line breaks', () => {
    const text = roster(3, 60_000, 0.01).replace(/\n/g, '\r\n').replace(/T17,/g, '"T\n17",');
    writeFileSync(join(dir, 'gbk.csv'), iconv.encode(text, 'gb18030'));
    const v = same('gbk.csv');
    expect(v.files[0].encoding).toBe('gb18030');
  });

  it('a read that stops: a stray quote and a bad byte far into the file', () => {
    const text = roster(4, 60_000, 0);
    writeFileSync(join(dir, 'quote.csv'), text.replace('T650,', 'T6"50,'));
    expect(same('quote.csv').diagnostics.map((d: { code: string }) => d.code)).toContain('read/bad-quote');
    const bytes = Buffer.from(text, 'utf8');
    bytes[bytes.length - 1000] = 0xff;
    writeFileSync(join(dir, 'byte.csv'), bytes);
    expect(same('byte.csv').diagnostics.map((d: { code: string }) => d.code)).toContain('read/invalid-utf8');
  });

  it('a large file of institution totals: the thread started ahead is not needed, and the run ends as usual', () => {
    const lines = ['院校代码,院校名称,所在区县,办学层次,年度,季度,专任教师数,双师型教师数'];
    for (let i = 0; i < 30_000; i++)
      lines.push(
        `${String(i).padStart(7, '0')},职校${i},永川区,中职,2025,${(i % 4) + 1},300,${200 + (i % 90)}`,
      );
    writeFileSync(join(dir, 'totals.csv'), `${lines.join('\n')}\n`);
    const v = same('totals.csv');
    expect(v.files[0]).toMatchObject({ rowsRead: 30_000 });
  });
});
