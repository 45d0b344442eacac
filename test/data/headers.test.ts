import { describe, expect, it } from 'vitest';
import { HeaderMatcher, headerHasInvisible, mapHeader } from '../../src/data/headers.js';
import type { HeaderCell } from '../../src/data/source.js';
import { testDictionary } from './mem-source.js';

const matcher = new HeaderMatcher(testDictionary().fields);
const header = (...texts: string[]): HeaderCell[] =>
  texts.map((text, index) => ({ text, index, line: 1, column: index * 10 + 1 }));

describe('header matching', () => {
  it.each([
    ['institution_id', 'institution_id'],
    ['Institution_ID', 'institution_id'],
    ['院校代码', 'institution_id'],
    [' 学校代码 ', 'institution_id'],
    ['Full-time teachers', 'full_time_teachers'],
    ['专任教师数（人）', 'full_time_teachers'],
    ['专任教师数(人)', 'full_time_teachers'],
    ['专任教师数 (人)', 'full_time_teachers'],
    ['“双师型”教师数', 'dual_qualified_teachers'],
    ['"双师型"教师数', 'dual_qualified_teachers'],
    ['“双师型”教师数（人）', 'dual_qualified_teachers'],
    ['ｙｅａｒ', 'year'],
    ['年度', 'year'],
  ])('%j names %s', (text, id) => {
    expect(matcher.match(text)).toBe(id);
  });

  it('does not match an unrelated header', () => {
    expect(matcher.match('备注')).toBeUndefined();
    expect(matcher.match('专任教师数比例')).toBeUndefined();
  });

  it('spots invisible characters but not surrounding spaces', () => {
    expect(headerHasInvisible('专任\u200b教师数')).toBe(true);
    expect(headerHasInvisible('\ufeff院校代码')).toBe(true);
    expect(headerHasInvisible('院校代码\u202e')).toBe(true);
    expect(headerHasInvisible(' 院校代码\t')).toBe(false);
  });
});

describe('mapHeader', () => {
  const codes = (m: ReturnType<typeof mapHeader>) => m.diagnostics.map((d) => `${d.code}@${d.column}`);

  it('maps columns to fields and reports each unknown column once', () => {
    const m = mapHeader(
      header('院校代码', '年度', '备注', '联系人'),
      matcher,
      ['institution_id', 'year'],
      'f.csv',
    );
    expect(m.fields).toEqual(['institution_id', 'year', null, null]);
    expect(codes(m)).toEqual(['data/unknown-column@21', 'data/unknown-column@31']);
    expect(m.fatal).toBe(false);
  });

  it('makes duplicate, invisible and missing required columns fatal', () => {
    expect(
      codes(mapHeader(header('院校代码', '年度', '专任教师数', '专任教师'), matcher, ['year'], 'f')),
    ).toEqual(['data/duplicate-header@31']);
    const inv = mapHeader(header('院校代码', '年\u200b度'), matcher, ['year'], 'f');
    expect(codes(inv)).toEqual(['data/invisible-header@11']);
    expect(inv.diagnostics[0]?.value).toBe('年\u200b度');
    expect(inv.fatal).toBe(true);
    const miss = mapHeader(header('院校代码'), matcher, ['institution_id', 'year'], 'f');
    expect(codes(miss)).toEqual(['data/missing-column@1']);
    expect(miss.diagnostics[0]?.field).toBe('year');
  });

  it('warns about a blank header without failing the file', () => {
    const m = mapHeader(header('院校代码', '年度', ''), matcher, ['year'], 'f');
    expect(codes(m)).toEqual(['data/blank-header@21']);
    expect(m.fatal).toBe(false);
  });
});
