import { describe, expect, it } from 'vitest';
import { readSubmission } from '../../src/data/submission.js';
import { frac } from '../../src/util/fraction.js';
import { memOpen, testDictionary } from './mem-source.js';

const dictionary = testDictionary([
  {
    id: 'national_titles',
    label: { zh: '国家级荣誉数', en: 'National titles' },
    aliases: ['国家级称号数'],
    unit: 'institutions',
    aggregation: 'stock',
  },
  {
    id: 'coverage',
    label: { zh: '覆盖率', en: 'Coverage' },
    aliases: [],
    unit: 'ratio',
    aggregation: 'stock',
  },
]);
const codes = (ds: { code: string; line?: number; column?: number }[]) =>
  ds.map((d) => `${d.code}@${d.line}:${d.column}`);

describe('readSubmission', () => {
  it('returns accepted rows in canonical fields; empty cells are absent, never 0', async () => {
    const csv =
      '院校代码,院校名称,年度,季度,专任教师数,双师型教师数,办学条件达标\n001,甲,2025,Q3,"1,200",,是\n';
    const sub = await readSubmission(['a.csv'], { dictionary, open: memOpen({ 'a.csv': csv }) });
    expect(sub.diagnostics).toEqual([]);
    expect(sub.rows).toEqual([
      {
        file: 'a.csv',
        line: 2,
        institutionId: '001',
        institutionName: '甲',
        year: 2025,
        quarter: 3,
        values: { full_time_teachers: 1200n, conditions_compliant: true },
      },
    ]);
    expect(sub.files[0]).toMatchObject({
      kind: 'institutions',
      rowsRead: 1,
      rowsAccepted: 1,
      rowsRejected: 0,
    });
  });

  it('rejects a row with any error and counts it; warnings do not reject', async () => {
    const csv = '院校代码,年度,专任教师数,备注\n001,2025,x,\n002,2025,5,hello\n';
    const sub = await readSubmission(['a.csv'], { dictionary, open: memOpen({ 'a.csv': csv }) });
    expect(codes(sub.diagnostics)).toEqual(['data/unknown-column@1:15', 'data/type-error@2:10']);
    expect(sub.rows.map((r) => r.institutionId)).toEqual(['002']);
    expect(sub.files[0]).toMatchObject({ rowsRead: 2, rowsAccepted: 1, rowsRejected: 1 });
  });

  it('rejects every row of a file whose header has an error', async () => {
    const csv = '院校代码,年度,专任教师数,专任教师\n001,2025,1,1\n';
    const sub = await readSubmission(['a.csv'], { dictionary, open: memOpen({ 'a.csv': csv }) });
    expect(sub.files[0]).toMatchObject({ rowsRead: 1, rowsAccepted: 0, rowsRejected: 1 });
  });

  it('maps JSON keys through the same rules, reporting an unknown key once', async () => {
    const records = [
      { 院校代码: '001', 年度: 2025, '专任教师数（人）': 10, extra: 1 },
      { institution_id: '002', year: 2025, full_time_teachers: 1e2, extra: 2 },
      { institution_id: '003', year: 2025, full_time_teachers: -4, 专任教师: 5 },
    ];
    const sub = await readSubmission(['a.jsonl'], { dictionary, open: memOpen({ 'a.jsonl': records }) });
    expect(sub.diagnostics.map((d) => d.code)).toEqual([
      'data/unknown-column',
      'data/negative-count',
      'data/duplicate-header',
    ]);
    expect(sub.rows.map((r) => [r.institutionId, r.values['full_time_teachers']])).toEqual([
      ['001', 10n],
      ['002', 100n],
    ]);
    expect(sub.files[0]).toMatchObject({ rowsRead: 3, rowsAccepted: 2, rowsRejected: 1 });
  });

  it('reads a region-level indicator file by its headers', async () => {
    const csv =
      '所在区县,年度,指标,数值\n永川区,2025,国家级称号数,3\n永川区,2025,coverage,85%\n永川区,2025,国家级荣誉数,4\n永川区,2025,coverage,85\n';
    const sub = await readSubmission(['i.csv'], { dictionary, open: memOpen({ 'i.csv': csv }) });
    expect(sub.files[0]?.kind).toBe('indicators');
    expect(sub.indicators).toEqual([
      {
        file: 'i.csv',
        line: 2,
        district: '永川区',
        year: 2025,
        indicator: 'national_titles',
        value: frac(3n),
      },
      {
        file: 'i.csv',
        line: 3,
        district: '永川区',
        year: 2025,
        indicator: 'coverage',
        value: frac(85n, 100n),
      },
    ]);
    expect(codes(sub.diagnostics)).toEqual([
      'data/duplicate-row@4:10',
      'data/duplicate-row@5:10',
      'data/type-error@5:19',
    ]);
  });

  it('checks duplicates across files and names the first one', async () => {
    const h = '院校代码,年度\n';
    const sub = await readSubmission(['a.csv', 'b.csv'], {
      dictionary,
      open: memOpen({ 'a.csv': `${h}001,2025\n`, 'b.csv': `${h}001,2025\n` }),
    });
    expect(sub.diagnostics[0]).toMatchObject({ code: 'data/duplicate-row', file: 'b.csv', line: 2 });
    expect(sub.diagnostics[0]?.params['first']).toBe('a.csv:2');
  });

  it('caps listed errors with --max-errors and says how many more', async () => {
    const csv = `院校代码,年度,专任教师数\n${Array.from({ length: 10 }, (_, i) => `${i},2025,x`).join('\n')}\n`;
    const sub = await readSubmission(['a.csv'], {
      dictionary,
      maxErrors: 3,
      open: memOpen({ 'a.csv': csv }),
    });
    expect(sub.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(3);
    expect(sub.diagnostics.at(-1)).toMatchObject({ code: 'data/too-many-errors', params: { more: 7 } });
    expect(sub.files[0]).toMatchObject({ rowsRead: 10, rowsRejected: 10 });
  });

  it('reports registry problems and checks institutions against it', async () => {
    const registry = '学校代码,学校名称,联系人\n001,甲,张\n001,甲,李\n,丙,王\n';
    const data = '院校代码,年度\n001,2025\n002,2025\n';
    const sub = await readSubmission(['d.csv'], {
      dictionary,
      institutions: 'r.csv',
      period: '2025',
      open: memOpen({ 'r.csv': registry, 'd.csv': data }),
    });
    expect(sub.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      'd.csv:3 data/unknown-institution',
      'r.csv:3 data/duplicate-row',
      'r.csv:4 data/missing-value',
    ]);
    expect(sub.rows.map((r) => r.institutionId)).toEqual(['001']);
  });

  it('rejects an invalid period or jump factor as a programming error', async () => {
    await expect(readSubmission([], { dictionary, period: '2025Q5', open: memOpen({}) })).rejects.toThrow(
      /period/,
    );
    await expect(readSubmission([], { dictionary, jumpFactor: 1, open: memOpen({}) })).rejects.toThrow(
      /jump/,
    );
  });
});
