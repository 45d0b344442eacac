import { describe, expect, it } from 'vitest';
import { extractTargets } from '../../src/draft/extract.js';

/** Extract from a short invented document with one heading. */
function run(body: string, heading = '一、目标') {
  const text = `${heading}\n${body}\n`;
  return { text, found: extractTargets(text) };
}
const pick = (body: string) =>
  run(body).found.map((c) => ({
    quote: c.quote,
    target: c.target,
    unit: c.unit,
    cadence: c.cadence,
    binding: c.binding,
  }));

describe('extractTargets: numbers with units', () => {
  it('reads percentages and counts after the usual verbs', () => {
    expect(pick('到2030年，示范校就业率达到92%，建成实训中心4个，新增合作企业12家。')).toEqual([
      {
        quote: '示范校就业率达到92%',
        target: { op: '>=', value: '0.92' },
        unit: 'ratio',
        cadence: 'by-deadline',
        binding: 'required',
      },
      {
        quote: '建成实训中心4个',
        target: { op: '>=', value: '4' },
        unit: 'items',
        cadence: 'by-deadline',
        binding: 'required',
      },
      {
        quote: '新增合作企业12家',
        target: { op: '>=', value: '12' },
        unit: 'items',
        cadence: 'by-deadline',
        binding: 'required',
      },
    ]);
  });

  it('reads each unit of the table, scaling 万 and 亿', () => {
    const got = pick(
      '培养学员300人，服务800人次，覆盖3万人，培训1.5万人次，投入200万元，撬动2亿元，举办比赛4次，开设课程5门，完成课题6项，建成学校2所。',
    );
    expect(got.map((g) => [g.unit, (g.target as { value: string }).value])).toEqual([
      ['persons', '300'],
      ['person-times', '800'],
      ['persons', '30000'],
      ['person-times', '15000'],
      ['CNY', '2000000'],
      ['CNY', '200000000'],
      ['times', '4'],
      ['items', '5'],
      ['items', '6'],
      ['institutions', '2'],
    ]);
  });

  it('reads ranges with -, ～ and 至, also with a space before the unit', () => {
    const got = pick('开设课程10-12 门，建设基地4至6个，开发标准7～9项。');
    expect(got.map((g) => g.target)).toEqual([
      { min: '10', max: '12' },
      { min: '4', max: '6' },
      { min: '7', max: '9' },
    ]);
    expect(got[0]!.quote).toBe('开设课程10-12 门');
  });

  it('reads 以上, 不低于, 不少于, 至少 and 不超过', () => {
    const got = pick('合作院校2个以上，达标率不低于85%，见习岗位不少于40个，至少3所学校，生师比不超过20%。');
    expect(got.map((g) => g.target)).toEqual([
      { op: '>=', value: '2' },
      { op: '>=', value: '0.85' },
      { op: '>=', value: '40' },
      { op: '>=', value: '3' },
      { op: '<=', value: '0.2' },
    ]);
  });

  it('reads 100% as exactly all, and 左右 as a range around the value', () => {
    const got = pick('实训室达标比例达到100%，打造5所左右特色学校，满意度90%左右。');
    expect(got.map((g) => g.target)).toEqual([
      { op: '==', value: '1' },
      { min: '4', max: '6' },
      { min: '0.85', max: '0.95' },
    ]);
  });

  it('marks yearly targets', () => {
    const [c] = pick('企业培训每年不少于8000人次。');
    expect(c).toMatchObject({ cadence: 'every-year', target: { op: '>=', value: '8000' } });
  });

  it('quotes the smallest span holding the subject: items of one clause and a noun after the number', () => {
    const got = pick('建成1所示范学校和3个以上骨干专业；新增本科院校1所、本科专业6个。');
    expect(got.map((g) => g.quote)).toEqual([
      '建成1所示范学校',
      '建成1所示范学校和3个以上骨干专业',
      '新增本科院校1所',
      '新增本科院校1所、本科专业6个',
    ]);
  });

  it('gives quotes that are exact substrings at their offsets', () => {
    const { text, found } = run('到2026年，建设精品课程10-12 门，“双师型”教师占比达80%以上。');
    for (const c of found) expect(text.slice(c.start, c.end)).toBe(c.quote);
  });
});

describe('extractTargets: trends and “all of them”', () => {
  it('reads 逐年递增, 逐年提高 and 持续增长 as increase', () => {
    const got = pick('培训人次保持逐年递增，招生人数逐年提高，合作企业数量持续增长。');
    expect(got.map((g) => [g.quote, g.cadence, g.target])).toEqual([
      ['培训人次保持逐年递增', 'increase', { trend: 'increase' }],
      ['招生人数逐年提高', 'increase', { trend: 'increase' }],
      ['合作企业数量持续增长', 'increase', { trend: 'increase' }],
    ]);
    expect(got[0]!.unit).toBe('person-times');
  });

  it('reads 实现……全覆盖 and 全部达到 as a share of 1, but not 推进……全覆盖', () => {
    const got = pick('实现中职学校实训基地全覆盖，全区职业学校全部达到办学标准，推进网络全覆盖。');
    expect(got.map((g) => [g.quote, g.target])).toEqual([
      ['实现中职学校实训基地全覆盖', { op: '==', value: '1' }],
      ['全区职业学校全部达到办学标准', { op: '==', value: '1' }],
    ]);
  });
});

describe('extractTargets: binding', () => {
  it('力争 governs its clause and a following clause without its own verb', () => {
    const got = pick('力争创建国家示范校2所，市级示范校3-4所。');
    expect(got.map((g) => g.binding)).toEqual(['aspirational', 'aspirational']);
  });

  it('a clause opening with a verb after “，” is required again', () => {
    const got = pick('力争获批国家级平台1-2个，建成市级平台4个。');
    expect(got.map((g) => g.binding)).toEqual(['aspirational', 'required']);
  });

  it('a new sentence after “。” or “；” is required', () => {
    const got = pick('争取引进项目5个。合作企业8家；积极争创示范校1所。');
    expect(got.map((g) => g.binding)).toEqual(['aspirational', 'required', 'aspirational']);
  });
});

describe('extractTargets: deadlines and sections', () => {
  it('takes the nearest governing phrase in the same section', () => {
    const text =
      '二、任务\n（一）建设\n1.到2026年，建成基地2个。2027年前，新增专业3个。\n2.“十四五”末，就业率达90%。\n3.“十四五”期间，建成学校1所。\n4.开设课程6门。\n';
    const got = extractTargets(text).map((c) => [c.section, c.deadline, c.deadlinePhrase ?? null]);
    expect(got).toEqual([
      ['二、（一）1', 2026, '到2026年'],
      ['二、（一）1', 2027, '2027年前'],
      ['二、（一）2', 2025, '“十四五”末'],
      ['二、（一）3', 2025, '“十四五”期间'],
      ['二、（一）4', null, null],
    ]);
  });

  it('builds section paths for headings with and without titles', () => {
    const text =
      '一、发展目标\n目标甲达95%。\n二、具体任务\n（二）具体指标。\n目标乙3个。\n（三）保障经费。设立基金100万元。\n三、其他\n1．一项任务。建成场馆1个。\n';
    expect(extractTargets(text).map((c) => c.section)).toEqual([
      '一、发展目标',
      '二、（二）具体指标',
      '二、（三）',
      '三、1',
    ]);
  });
});

describe('extractTargets: what must NOT become a rule', () => {
  const none = (body: string) => expect(pick(body)).toEqual([]);
  it('document numbers and dates', () => {
    none('示例府发〔2024〕46号，2024年12月27日印发，每年5月为活动月。');
  });
  it('list numbering', () => {
    const text = '一、任务\n1. 加强领导。\n11.完善制度。\n（三）强化保障。\n';
    expect(extractTargets(text)).toEqual([]);
  });
  it('formula names and model numbers', () => {
    none(
      '实施“1+N”（1所高职+N所中职）整合，聚焦“33618”体系和“2+6+X”布局，推行“3+4”贯通，落实“1438”思路，构建“中-高-本-硕”体系。',
    );
  });
  it('ordinals, durations and responsible-unit lists', () => {
    none('经第22次常务会议审议，实习3个月。（责任单位：区教委、区财政局、区人力社保局）');
  });
});
