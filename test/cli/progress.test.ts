import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Progress, progressWanted, withProgress } from '../../src/cli/progress.js';
import { run } from '../../src/cli/run.js';
import { type ReadProgress, readSubmission } from '../../src/data/submission.js';
import { captureIo } from '../helpers/io.js';

const CLEAR = '\r\x1b[2K';

/** A Progress on a fake clock that captures what it writes. */
function fake(opts: { lang?: 'zh' | 'en'; columns?: number } = {}) {
  let t = 0;
  const out: string[] = [];
  const bar = new Progress({
    lang: opts.lang ?? 'zh',
    write: (s) => out.push(s),
    now: () => t,
    ...(opts.columns !== undefined ? { columns: () => opts.columns } : {}),
  });
  return {
    bar,
    out,
    at: (ms: number) => {
      t = ms;
    },
  };
}

const update = (rows: number, extra: Partial<ReadProgress> = {}): ReadProgress => ({
  file: '/data/big.csv',
  rows,
  bytesRead: rows * 100,
  size: 10_000_000,
  ...extra,
});

describe('Progress', () => {
  it('writes nothing during the first second', () => {
    const { bar, out, at } = fake();
    for (let ms = 0; ms <= 1000; ms += 10) {
      at(ms);
      bar.update(update(ms * 10));
    }
    bar.done();
    expect(out).toEqual([]);
  });

  it('after a second draws one line in place: name, percent, MB, rows, rows/s', () => {
    const { bar, out, at } = fake({ lang: 'en' });
    bar.update(update(0));
    at(2000);
    bar.update(update(25_000));
    expect(out).toEqual([`${CLEAR}reading big.csv  25%  2.5 MB  25,000 rows  12,500 rows/s`]);
    expect(out[0]).not.toContain('\n');
  });

  it('speaks Chinese by default', () => {
    const { bar, out, at } = fake();
    at(1500);
    bar.update(update(3000));
    expect(out).toEqual([`${CLEAR}读取 big.csv  3%  0.3 MB  3,000 行  2,000 行/秒`]);
  });

  it('redraws at most ten times a second however often it is told', () => {
    const { bar, out, at } = fake();
    let rows = 0;
    for (let ms = 0; ms <= 11_000; ms++) {
      at(ms);
      rows += 7;
      bar.update(update(rows));
    }
    // 10 s shown (1 s to 11 s), at most one redraw per 100 ms
    expect(out.length).toBeGreaterThan(50);
    expect(out.length).toBeLessThanOrEqual(101);
  });

  it('clears its line at the end, and draws nothing after', () => {
    const { bar, out, at } = fake();
    at(1200);
    bar.update(update(100));
    bar.done();
    expect(out.at(-1)).toBe(CLEAR);
    const n = out.length;
    at(5000);
    bar.update(update(200));
    bar.done();
    expect(out.length).toBe(n);
  });

  it('clears nothing when it never drew', () => {
    const { bar, out, at } = fake();
    at(500);
    bar.update(update(100));
    bar.done();
    expect(out).toEqual([]);
  });

  it('escapes control characters of the file name', () => {
    const { bar, out, at } = fake({ lang: 'en' });
    at(1500);
    bar.update(update(10, { file: '/tmp/a\u001b[31m.csv' }));
    const text = out.join('');
    expect(text.split(CLEAR).join('')).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(text).toContain('a\\x1b[31m.csv');
  });

  it('without a size shows no percent; without bytes (XLSX) rows only', () => {
    const { bar, out, at } = fake({ lang: 'en' });
    at(2000);
    bar.update({ file: 'x.jsonl', rows: 2000, bytesRead: 3_000_000 });
    at(3000);
    bar.update({ file: 'y.xlsx', rows: 1000 });
    expect(out).toEqual([
      `${CLEAR}reading x.jsonl  3.0 MB  2,000 rows  1,000 rows/s`,
      // the rate counts every file's rows over the whole read
      `${CLEAR}reading y.xlsx  1,000 rows  1,000 rows/s`,
    ]);
  });

  it('fits a narrow terminal: drops the rate, then MB, and shortens the name in the middle', () => {
    const { bar, out, at } = fake({ lang: 'en', columns: 40 });
    at(2000);
    bar.update(update(25_000, { file: '/d/一个非常非常长的文件名-2025年第三季度-全部学校.csv' }));
    const line = out[0]!.slice(CLEAR.length);
    expect(stringWidth(line)).toBeLessThanOrEqual(39);
    expect(line).toMatch(/^reading 一.*….*\.csv {2}25% {2}25,000 rows$/);
  });
});

describe('progressWanted / withProgress', () => {
  const tty = (env: Record<string, string> = {}) => ({ ...captureIo('/', env), stderrIsTTY: true });

  it('wants a bar only on a terminal, outside CI, with a capable TERM, without --no-progress', () => {
    expect(progressWanted(tty(), undefined)).toBe(true);
    expect(progressWanted(tty({ CI: '' }), true)).toBe(true);
    expect(progressWanted(captureIo('/'), true)).toBe(false);
    expect(progressWanted(tty({ CI: '1' }), true)).toBe(false);
    expect(progressWanted(tty({ CI: 'true' }), true)).toBe(false);
    expect(progressWanted(tty({ TERM: 'dumb' }), true)).toBe(false);
    expect(progressWanted(tty(), false)).toBe(false);
  });

  /** Feed a read of 30 000 rows over 3 s through withProgress; what reached stderr. */
  async function fakeRead(io: ReturnType<typeof captureIo>, progress?: boolean) {
    let t = 0;
    let given: unknown = 'not called';
    const result = await withProgress(io, { lang: 'en', progress, now: () => t }, async (onProgress) => {
      given = onProgress;
      for (let rows = 0; rows <= 30_000; rows += 1000) {
        t = rows / 10;
        onProgress?.(update(rows));
      }
      return 42;
    });
    expect(result).toBe(42);
    return { err: io.stderrText(), given };
  }

  it('draws on a terminal and clears at the end', async () => {
    const { err } = await fakeRead(tty());
    expect(err).toContain('reading big.csv');
    expect(err.endsWith(CLEAR)).toBe(true);
  });

  it.each([
    ['stderr is not a terminal', captureIo('/'), undefined],
    ['CI=1', tty({ CI: '1' }), undefined],
    ['TERM=dumb', tty({ TERM: 'dumb' }), undefined],
    ['--no-progress', tty(), false],
  ])('writes nothing and asks for no progress when %s', async (_, io, progress) => {
    const { err, given } = await fakeRead(io, progress);
    expect(err).toBe('');
    expect(given).toBeUndefined();
  });

  it('clears the line when the read throws', async () => {
    const io = tty();
    let t = 0;
    await expect(
      withProgress(io, { lang: 'zh', now: () => t }, async (onProgress) => {
        t = 5000;
        onProgress?.(update(10));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(io.stderrText().endsWith(CLEAR)).toBe(true);
  });
});

describe("readSubmission's onProgress", () => {
  const dir = mkdtempSync(join(tmpdir(), 'vet-progress-'));
  const institutions = join(dir, 'institutions.csv');
  writeFileSync(
    institutions,
    `院校代码,院校名称,年度,专任教师数,双师型教师数\n${Array.from(
      { length: 10_000 },
      (_, i) => `${String(i).padStart(5, '0')},学校${i},2025,390,300\n`,
    ).join('')}`,
  );
  const roster = join(dir, 'roster.csv');
  writeFileSync(
    roster,
    `院校代码,院校名称,所在区县,年度,教师工号,是否专任,是否双师型\n${Array.from(
      { length: 30_000 },
      (_, i) => `001,甲职校,永川区,2025,T${i},是,${i % 3 ? '是' : '否'}\n`,
    ).join('')}`,
  );

  async function calls(path: string) {
    const seen: ReadProgress[] = [];
    const sub = await readSubmission([path], { keepRows: false, onProgress: (p) => seen.push({ ...p }) });
    return { seen, rowsRead: sub.files[0]!.rowsRead };
  }

  it('row by row: at the start, every 4096 rows, and at the end with every byte read', async () => {
    const { seen, rowsRead } = await calls(institutions);
    expect(rowsRead).toBe(10_000);
    expect(seen.map((p) => p.rows)).toEqual([0, 4096, 8192, 10_000]);
    expect(seen[0]).toEqual({ file: institutions, rows: 0 });
    const size = statSync(institutions).size;
    expect(seen.at(-1)).toEqual({ file: institutions, rows: 10_000, bytesRead: size, size });
  });

  it('the fast record path: at most once per batch, rows growing, and at the end', async () => {
    const { seen, rowsRead } = await calls(roster);
    expect(rowsRead).toBe(30_000);
    const rows = seen.map((p) => p.rows);
    expect(rows[0]).toBe(0);
    expect(rows.at(-1)).toBe(30_000);
    expect([...rows].sort((a, b) => a - b)).toEqual(rows);
    // ~1 MB in 64 KiB chunks: a handful of calls, not one per row
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.length).toBeLessThan(60);
    const size = statSync(roster).size;
    expect(seen.at(-1)).toMatchObject({ bytesRead: size, size });
  });

  it('one start and one end per file, in order', async () => {
    const seen: string[] = [];
    await readSubmission([institutions, roster], {
      keepRows: false,
      onProgress: (p) => {
        if (p.rows === 0 || seen.at(-1) !== p.file) seen.push(p.file);
      },
    });
    expect(seen).toEqual([institutions, roster]);
  });
});

describe('the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vet-progress-cli-'));
  writeFileSync(
    join(dir, 'data.csv'),
    '院校代码,院校名称,年度,专任教师数,双师型教师数\n001,甲职校,2025,390,300\n',
  );

  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A clock that jumps two seconds at every look, so the bar is due at once. */
  const slowClock = () => {
    let t = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (t += 2000));
  };

  it('writes no progress to stderr when stderr is not a terminal', async () => {
    slowClock();
    const io = captureIo(dir);
    expect(await run(['validate', 'data.csv'], io)).toBe(0);
    expect(io.stderrText()).toBe('');
    expect(io.stdoutText()).not.toContain('\x1b');
  });

  it('on a terminal, a slow read shows the bar on stderr and clears it; --no-progress and CI keep it off', async () => {
    slowClock();
    const tty = (env: Record<string, string> = {}) => ({ ...captureIo(dir, env), stderrIsTTY: true });
    const io = tty();
    expect(await run(['validate', 'data.csv'], io)).toBe(0);
    // the start of the file (nothing read yet), then its end
    expect(io.stderrText()).toMatch(
      /^\r\x1b\[2K读取 data\.csv {2}0 行.*\r\x1b\[2K读取 data\.csv {2}100% {2}0\.0 MB {2}1 行/,
    );
    expect(io.stderrText().endsWith(CLEAR)).toBe(true);
    for (const [args, env] of [
      [['--no-progress'], {}],
      [[], { CI: '1' }],
    ] as const) {
      const quiet = tty(env);
      expect(await run(['validate', 'data.csv', ...args], quiet)).toBe(0);
      expect(quiet.stderrText()).toBe('');
    }
  });

  it('lists --no-progress in the help of report and validate', async () => {
    for (const cmd of ['report', 'validate']) {
      const io = captureIo(dir);
      expect(await run([cmd, '--help'], io)).toBe(0);
      expect(io.stdoutText()).toContain('--no-progress');
    }
  });
});
