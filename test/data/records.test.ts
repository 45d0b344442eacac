// Record-level inputs end to end: detection by headers, counting into
// institution-year fields, duplicate ids, and the report reading the counts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import {
  aggregateCounts,
  caseOf,
  countRecord,
  fingerprint,
  type RecordGroup,
  RecordIds,
  recordKinds,
} from '../../src/data/records.js';
import { readSubmission } from '../../src/data/submission.js';
import { rollUp } from '../../src/engine/rollup.js';
import type { RecordDef } from '../../src/plan/types.js';
import { captureIo } from '../helpers/io.js';
import { rng } from '../helpers/rng.js';
import { testDictionary } from './mem-source.js';

const FIX = new URL('../../fixtures/data/', import.meta.url).pathname;

function fakeIo(cwd: string) {
  return captureIo(cwd, { LANG: 'en_US.UTF-8' });
}

function tmp(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'vc-rec-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const ROSTER =
  '院校代码,所在区县,年度,教师工号,是否专任,是否双师型\n' +
  '001,永川区,2025,T1,是,是\n001,永川区,2025,T2,是,否\n001,永川区,2025,T3,否,是\n' +
  '002,永川区,2025,T1,是,是\n';
const DESTINATIONS =
  '院校代码,年度,学号,去向\n' +
  '001,2025,S1,就业-重庆\n001,2025,S2,就业-双城经济圈(川)\n001,2025,S3,就业-其他\n001,2025,S4,升学\n001,2025,S5,未就业\n';

describe('record-level files', () => {
  it('are detected by their headers and counted into institution-year fields', async () => {
    const dir = tmp({ 'roster.csv': ROSTER, 'dest.csv': DESTINATIONS });
    const dict = testDictionary();
    const sub = await readSubmission([join(dir, 'roster.csv'), join(dir, 'dest.csv')], { dictionary: dict });
    expect(sub.diagnostics).toEqual([]);
    expect(sub.files.map((f) => [f.kind, f.record, f.rowsAccepted])).toEqual([
      ['records', 'teacher_roster', 4],
      ['records', 'graduate_destinations', 5],
    ]);
    const years = rollUp(sub.rows, dict);
    const a = years.find((y) => y.institutionId === '001')!;
    expect(a.values).toEqual({
      full_time_teachers: 2n,
      dual_qualified_teachers: 1n, // T3 is dual-qualified but not full-time
      graduates: 5n,
      graduates_employed: 3n,
      graduates_employed_chongqing: 1n,
      graduates_employed_circle: 2n,
    });
    expect(a.district).toBe('永川区');
    expect(a.rows).toBe(8);
    expect(a.records).toMatchObject({ full_time_teachers: 3, graduates: 5 });
    expect(a.partial).toBe(false);
  });

  it('merge with totals rows that give other fields', async () => {
    const dir = tmp({
      'roster.csv': ROSTER,
      'totals.csv': '院校代码,所在区县,年度,在校生数\n001,永川区,2025,900\n',
    });
    const dict = testDictionary();
    const sub = await readSubmission([join(dir, 'roster.csv'), join(dir, 'totals.csv')], {
      dictionary: dict,
    });
    expect(sub.diagnostics).toEqual([]);
    const a = rollUp(sub.rows, dict).find((y) => y.institutionId === '001')!;
    expect(a.values).toEqual({
      full_time_teachers: 2n,
      dual_qualified_teachers: 1n,
      enrolled_students: 900n,
    });
  });

  it('vet-check report reads the counts: the pooled ratio over records', async () => {
    const dir = tmp({ 'roster.csv': ROSTER });
    const io = fakeIo(dir);
    await run(
      ['report', 'roster.csv', '--plan', 'yongchuan-2024-2027', '--year', '2025', '--format', 'json'],
      io,
    );
    const plan = JSON.parse(io.stdoutText());
    const r = plan.results.find((x: { ruleId: string }) => x.ruleId === 'yc-dual-qualified-teachers');
    expect([r.numerator, r.denominator, r.actualExact]).toEqual([2, 3, '2/3']);
  });

  it('vet-check validate reports duplicate ids with their position and exits 2', async () => {
    const dir = tmp({ 'roster.csv': `${ROSTER}001,永川区,2025,T2,是,是\n` });
    const io = fakeIo(dir);
    expect(await run(['validate', 'roster.csv'], io)).toBe(2);
    expect(io.stdoutText()).toContain('roster.csv:6:14 error data/duplicate-record');
  });

  it('unknown institutions are said once per institution-year with --institutions', async () => {
    const io = fakeIo(join(FIX, 'records-unknown-institution'));
    expect(
      await run(['validate', 'data.csv', '--institutions', 'registry.csv', '--format', 'json'], io),
    ).toBe(2);
    const out = JSON.parse(io.stdoutText());
    expect(out.diagnostics.map((d: { code: string; line: number }) => [d.code, d.line])).toEqual([
      ['data/unknown-institution', 3],
    ]);
    expect([out.rowsAccepted, out.rowsRejected]).toEqual([1, 2]);
  });
});

describe('counting by case', () => {
  it("gives each aggregate the records its conditions pick: booleans, enum lists, a text column's list", () => {
    // a made-up kind with every kind of condition, checked against counting each aggregate directly
    const def: RecordDef = {
      id: 'k',
      label: { zh: 'k', en: 'k' },
      key: 'id',
      columns: [
        { id: 'id', label: { zh: 'id', en: 'id' }, type: 'string', aliases: [] },
        { id: 'a', label: { zh: 'a', en: 'a' }, type: 'boolean', aliases: [] },
        { id: 'b', label: { zh: 'b', en: 'b' }, type: 'boolean', aliases: [] },
        { id: 'dest', label: { zh: 'd', en: 'd' }, type: 'enum', values: ['x', 'y', 'z', 'w'], aliases: [] },
        { id: 'kind', label: { zh: 't', en: 't' }, type: 'string', aliases: [] },
      ],
      aggregates: [
        { field: 'all' },
        { field: 'a', where: { a: true } },
        { field: 'not_a_b', where: { a: false, b: true } },
        { field: 'xy', where: { dest: ['x', 'y'] } },
        { field: 'yz_b', where: { dest: ['y', 'z'], b: true } },
        { field: 'kind_p', where: { kind: ['P'], a: true } },
      ],
    };
    const [kind] = recordKinds({ ...testDictionary(), records: [def] });
    const g = { kind, cases: new Int32Array(kind!.cases), records: 0 } as unknown as RecordGroup;
    const want = def.aggregates.map(() => 0);
    const r = rng(7);
    for (let i = 0; i < 2000; i++) {
      const vals = [`T${i}`, r() < 0.5, r() < 0.5, 'xyzw'[Math.floor(r() * 4)]!, r() < 0.3 ? 'P' : 'Q'];
      countRecord(g, caseOf(kind!, vals));
      def.aggregates.forEach((a, k) => {
        const ok = Object.entries(a.where ?? {}).every(([col, w]) => {
          const v = vals[def.columns.findIndex((c) => c.id === col)];
          return typeof w === 'boolean' ? v === w : (w as string[]).includes(v as string);
        });
        if (ok) want[k]!++;
      });
    }
    expect(aggregateCounts(g)).toEqual(want);
    expect(g.records).toBe(2000);
    expect(want.every((n) => n > 0)).toBe(true);
  });
});

describe('RecordIds', () => {
  it('finds every duplicate among many ids and reports no false one', () => {
    const ids = new RecordIds(1_000_000);
    const groups = Array.from({ length: 100 }, () => ({}));
    let dups = 0;
    for (let i = 0; i < 300_000; i++) {
      const b = Buffer.from(`T${i}`);
      if (ids.add(groups[i % 100]!, fingerprint(b, 0, b.length, i % 100))) dups++;
    }
    expect(dups).toBe(0);
    expect(ids.count).toBe(300_000);
    for (let i = 0; i < 1000; i++) {
      const b = Buffer.from(`T${i}`);
      expect(ids.add(groups[i % 100]!, fingerprint(b, 0, b.length, i % 100))).toBe(true);
    }
    // the same id in another group is no duplicate
    const b = Buffer.from('T5');
    expect(ids.add(groups[6]!, fingerprint(b, 0, b.length, 6))).toBe(false);
  });

  it('keeps memory within its budget by spilling tables, and still finds every duplicate', () => {
    const ids = new RecordIds(4096); // a few small tables at most
    const groups = Array.from({ length: 50 }, () => ({}));
    const fp = (i: number, g: number) => {
      const b = Buffer.from(`id-${i}`);
      return fingerprint(b, 0, b.length, g);
    };
    // shuffled: every record switches institution-year
    for (let i = 0; i < 5000; i++) {
      expect(ids.add(groups[i % 50]!, fp(i, i % 50))).toBe(false);
    }
    expect(ids.spilled).toBeGreaterThan(0);
    for (let i = 0; i < 5000; i += 7) {
      expect(ids.add(groups[i % 50]!, fp(i, i % 50))).toBe(true);
    }
    expect(ids.count).toBe(5000);
    ids.close();
  });

  it('spills a grouped export many tables at a time, and finds duplicates in groups that come back', () => {
    const ids = new RecordIds(16 * 1024);
    const groups = Array.from({ length: 400 }, () => ({}));
    const fp = (i: number, g: number) => {
      const b = Buffer.from(`T${i}`);
      return fingerprint(b, 0, b.length, g);
    };
    // grouped: 30 ids per institution-year, one group after another
    for (let g = 0; g < 400; g++)
      for (let i = 0; i < 30; i++) expect(ids.add(groups[g]!, fp(i, g))).toBe(false);
    expect(ids.spilled).toBeGreaterThan(0);
    // some groups come back (read from the file), with new ids and repeated ones
    for (let g = 0; g < 400; g += 13) {
      expect(ids.add(groups[g]!, fp(1000, g))).toBe(false);
      for (let i = 0; i < 30; i += 5) expect(ids.add(groups[g]!, fp(i, g))).toBe(true);
    }
    // and again, after they were written back where they were
    for (let g = 0; g < 400; g += 13) expect(ids.add(groups[g]!, fp(1000, g))).toBe(true);
    expect(ids.count).toBe(400 * 30 + 31);
    ids.close();
  });
});
