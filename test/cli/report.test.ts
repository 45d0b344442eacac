import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { captureIo } from '../helpers/io.js';
import { SAMPLE } from '../helpers/sample.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

async function report(args: string[], env: Record<string, string> = {}) {
  const io = captureIo(repo, env);
  const code = await run(['report', ...args], io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

/** Sum a column over the sample rows that match, straight from the CSV (the hand computation). */
function sumSample(file: string, column: string, where: (r: Record<string, string>) => boolean): bigint {
  const rows = parse(readFileSync(join(repo, 'fixtures/sample', file)), {
    columns: true,
    bom: true,
  }) as Record<string, string>[];
  return rows.filter(where).reduce((s, r) => s + BigInt(r[column]!), 0n);
}

describe('vet-check report on the bundled sample', () => {
  it('agrees with figures computed by hand from the CSV', async () => {
    const { code, out } = await report([...SAMPLE, '--plan', 'yongchuan-2024-2027', '--format', 'json']);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    const dual = (year: number) =>
      json.results.find(
        (r: { ruleId: string; year: number }) => r.ruleId === 'yc-dual-qualified-teachers' && r.year === year,
      );
    // 2025: annual rows, pooled over the six schools
    const n2025 = sumSample('yongchuan-annual.csv', '双师型教师数', (r) => r['年度'] === '2025');
    const d2025 = sumSample('yongchuan-annual.csv', '专任教师数', (r) => r['年度'] === '2025');
    expect([dual(2025).numerator, dual(2025).denominator]).toEqual([Number(n2025), Number(d2025)]);
    // 2027: quarterly, a stock takes the latest quarter (Q2 of a year in progress) and the year is partial
    const q2 = (r: Record<string, string>) => r['年度'] === '2027' && r['季度'] === '2';
    const n2027 = sumSample('yongchuan-quarterly.csv', '双师型教师数', q2);
    const d2027 = sumSample('yongchuan-quarterly.csv', '专任教师数', q2);
    const r2027 = dual(2027);
    expect([r2027.numerator, r2027.denominator]).toEqual([Number(n2027), Number(d2027)]);
    expect(r2027.partial).toBe(true);
    // judged exactly at the deadline, with the gap in whole teachers: ⌈0.8·D − N⌉
    const needed = (8n * d2027 - 10n * n2027 + 9n) / 10n;
    expect(r2027.status).toBe(needed > 0n ? 'fail' : 'pass');
    if (needed > 0n) expect(r2027.gap.amount).toBe(Number(needed));
    // flows sum the quarters: training 2026 = Q1+Q2+Q3+Q4
    const training = json.results.find(
      (r: { ruleId: string; year: number }) => r.ruleId === 'yc-training-yearly' && r.year === 2026,
    );
    const t2026 = sumSample('yongchuan-quarterly.csv', '技能培训人次', (r) => r['年度'] === '2026');
    expect(training.numerator).toBe(Number(t2026));
    // rows of 大足区 are left out of this plan and said so once
    expect(
      json.diagnostics.filter((d: { code: string }) => d.code === 'engine/other-district-rows'),
    ).toHaveLength(1);
  });

  it('without --plan evaluates every built-in plan whose district is in the data', async () => {
    const { out } = await report([...SAMPLE, '--format', 'json']);
    const json = JSON.parse(out);
    expect(Array.isArray(json)).toBe(true);
    expect(json.map((p: { plan: { id: string } }) => p.plan.id).sort()).toEqual([
      'dazu-2022-2025',
      'yongchuan-2024-2027',
    ]);
  });

  it('exits 0 when no required rule fails in the reported years', async () => {
    const { code, out } = await report([
      ...SAMPLE,
      '--plan',
      'dazu-2022-2025',
      '--year',
      '2023',
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(out).years).toEqual([2023]);
  });

  it('prints the table golden file (en, no colour)', async () => {
    const { code, out, err } = await report([...SAMPLE, '--plan', 'yongchuan-2024-2027', '--lang', 'en']);
    expect(code).toBe(1);
    expect(err).toBe('');
    expect(out).not.toContain('\u001b[');
    const golden = join(repo, 'test/golden/cli/report-yongchuan.en.txt');
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(golden)) writeFileSync(golden, out);
    expect(out).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('vet-check report: invalid input and usage exit 2', () => {
  it('stops on invalid data with the validate messages and writes no report', async () => {
    const { code, out, err } = await report(['fixtures/data/constraint/data.csv', '--lang', 'en']);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/fixtures\/data\/constraint\/data\.csv:\d+:\d+ error data\/constraint/);
    expect(err).toContain('no report was made');
  });

  it.each([
    [['--plan', 'no-such-plan'], /no-such-plan/],
    [['--year', '25'], /not a year/],
    [['--years', '2027-2024'], /first year is after the last/],
    [['--year', '2025', '--years', '2024-2025'], /--year or --years/],
    [['--format', 'pdf'], /pdf/],
  ])('%j', async (args, message) => {
    const { code, err } = await report([...SAMPLE, ...args, '--lang', 'en']);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('says which districts have no plan instead of reporting nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vet-check-report-'));
    const file = join(dir, 'jiangjin.csv');
    writeFileSync(file, '院校代码,所在区县,年度,专任教师数\nX1,江津区,2025,10\n');
    const io = captureIo(dir);
    expect(await run(['report', file, '--lang', 'en'], io)).toBe(2);
    expect(io.stderrText()).toContain('江津');
    expect(io.stderrText()).toContain('--plan');
  });

  it('a missing input file is a clear error, not a stack trace', async () => {
    const { code, err } = await report(['fixtures/sample/nope.csv', '--lang', 'en']);
    expect(code).toBe(2);
    expect(err).toContain('nope.csv');
    expect(err).not.toMatch(/at .*\.js:\d+/);
  });
});
