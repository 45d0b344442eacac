import { describe, expect, it } from 'vitest';
import { compareWithPlan } from '../../src/draft/against.js';
import { extractTargets } from '../../src/draft/extract.js';
import { type MetricEntry, matchMetric } from '../../src/draft/match.js';

const entries: MetricEntry[] = [
  { id: 'national_a_schools', unit: 'institutions', names: ['国家“甲计划”学校数'] },
  { id: 'municipal_a_schools', unit: 'institutions', names: ['市级“甲计划”学校数'] },
  { id: 'employment_ratio', unit: 'ratio', names: ['毕业生就业率'] },
  { id: 'trainees', unit: 'person-times', names: ['培训人次', '社会培训人次'] },
];

describe('matchMetric', () => {
  it('matches a subject to the name it holds, within compatible units', () => {
    expect(matchMetric('市级“甲计划”', '', 'institutions', entries)?.id).toBe('municipal_a_schools');
    expect(matchMetric('示范区院校毕业生就业率', '', 'ratio', entries)?.id).toBe('employment_ratio');
    expect(matchMetric('社会培训', '', 'person-times', entries)?.id).toBe('trainees');
  });
  it('leaves a subject unmatched rather than guess', () => {
    expect(matchMetric('永久性特色培训项目', '', 'items', entries)).toBeNull();
    expect(matchMetric('毕业生就业率', '', 'persons', entries)).toBeNull();
  });
});

describe('compareWithPlan', () => {
  const text = '一、目标\n建成基地2个，就业率达90%，新增专业3个。\n';
  const found = extractTargets(text);
  it('lists targets no rule quote overlaps, and quotes not in the text', () => {
    const r = compareWithPlan(text, found, [
      { id: 'a', quotes: ['建成基地2个'] },
      { id: 'b', quotes: ['就业率达', '就业率达95%'] },
    ]);
    expect(r.uncovered.map((c) => c.quote)).toEqual(['新增专业3个']);
    expect(r.stale).toEqual([{ rule: 'b', quote: '就业率达95%' }]);
    expect(r.covered).toBe(2);
  });
});
