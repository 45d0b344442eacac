// The fast path of record files (src/data/fast-records.ts) reads common cells
// straight from the bytes and sends any other row to the careful path. It must
// never change a result: on generated rosters full of odd cells, the counts,
// the accepted/rejected rows and every diagnostic (code, line, column, params)
// must equal those of the careful path alone (the source without `batches`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../src/data/read/index.js';
import { readSubmission } from '../../src/data/submission.js';
import { rollUp } from '../../src/engine/rollup.js';
import { rng } from '../helpers/rng.js';
import { testDictionary } from './mem-source.js';

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// cells the fast path takes, and cells it must hand over (or reject the same way)
const INSTITUTIONS = ['001', '002', '5001000001', 'A17', ' 003', 'NA', '', '"004"'];
const YEARS = ['2025', '2026', '２０２５', '2025年', '25', '2025 ', '', '2101'];
const IDS = ['T00001', 'T00002', '100003', 'T00004', 'NA', 'abc', ' T00005', '"T,6"', '', 'T00001'];
// 吧 and 昮 share all but the last UTF-8 byte with 否 and 是: a byte-level reader must look at all three
const BOOLS = ['是', '否', 'yes', 'N', '1', ' 是', '对', '', '"否"', '吧', '昮', '是否'];
const DISTRICTS = ['永川区', '永川区', '大足区', ' 永川区', '', '永川'];

function roster(seed: number, rows: number): string {
  const r = rng(seed);
  const lines = ['院校代码,所在区县,年度,教师工号,是否专任,是否双师型'];
  for (let i = 0; i < rows; i++) {
    const odd = r() < 0.3;
    const inst = odd ? pick(r, INSTITUTIONS) : pick(r, INSTITUTIONS.slice(0, 4));
    const year = odd ? pick(r, YEARS) : pick(r, YEARS.slice(0, 2));
    const id = odd ? pick(r, IDS) : `T${String(Math.floor(r() * 60)).padStart(5, '0')}`;
    const ft = odd ? pick(r, BOOLS) : pick(r, BOOLS.slice(0, 2));
    const dq = odd ? pick(r, BOOLS) : pick(r, BOOLS.slice(0, 2));
    const district = odd ? pick(r, DISTRICTS) : '永川区';
    const cells = [inst, district, year, id, ft, dq];
    if (r() < 0.03) cells.pop(); // a ragged row
    lines.push(cells.join(','));
  }
  return `${lines.join(r() < 0.5 ? '\n' : '\r\n')}\n`;
}

async function read(path: string, careful: boolean) {
  const dictionary = testDictionary();
  const sub = await readSubmission([path], {
    dictionary,
    open: async (p, o) => {
      const src = await openSource(p, o);
      if (careful) delete src.batches;
      return src;
    },
  });
  return {
    files: sub.files.map((f) => [f.rowsRead, f.rowsAccepted, f.rowsRejected]),
    diagnostics: sub.diagnostics.map((d) => [d.code, d.line, d.column, JSON.stringify(d.params)]),
    years: rollUp(sub.rows, dictionary).map((y) => [y.institutionId, y.year, y.values, y.records]),
  };
}

describe('record files: the fast path gives exactly what the careful path gives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vc-fast-'));
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`generated roster, seed ${seed}`, async () => {
      const path = join(dir, `roster-${seed}.csv`);
      writeFileSync(path, roster(seed, 400));
      const fast = await read(path, false);
      const careful = await read(path, true);
      expect(fast.files[0]![0]).toBe(400);
      // not vacuous: most rows are counted, and the odd ones give diagnostics
      expect(fast.files[0]![1]).toBeGreaterThan(100);
      expect(fast.diagnostics.length).toBeGreaterThan(20);
      expect(fast).toEqual(careful);
    });
  }

  it('a file that starts with odd key cells (nothing remembered yet)', async () => {
    const path = join(dir, 'odd-start.csv');
    writeFileSync(
      path,
      '院校代码,所在区县,年度,教师工号,是否专任,是否双师型\n' +
        ',永川区,2025,T1,是,是\n' +
        '001,,2025,T2,是,否\n' +
        '001,永川区,2025,T3,是,否\n' +
        ',永川区,2025,T4,是,是\n',
    );
    const fast = await read(path, false);
    expect(fast.files[0]).toEqual([4, 2, 2]);
    expect(fast).toEqual(await read(path, true));
  });
});
