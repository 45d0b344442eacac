import type { Diagnostic } from '../../src/diagnostics/types.js';
import type {
  InstitutionValue,
  PlanResult,
  RuleResult,
  RuleYearResult,
  Status,
  Summary,
} from '../../src/engine/types.js';
import type { ReportModel } from '../../src/report/types.js';
import { type Fraction, frac } from '../../src/util/fraction.js';

// Hand-made engine results covering every status and the edge cases of display and escaping.

type YearInput = Partial<RuleYearResult> & { year: number; status: Status };

function year(ruleId: string, y: YearInput): RuleYearResult {
  return {
    ruleId,
    actual: null,
    numerator: null,
    denominator: null,
    expected: null,
    gap: null,
    partial: false,
    breakdown: [],
    ...y,
  };
}

function ratio(n: bigint, d: bigint): Pick<RuleYearResult, 'actual' | 'numerator' | 'denominator'> {
  return { actual: frac(n, d), numerator: n, denominator: d };
}

function count(n: bigint): Pick<RuleYearResult, 'actual'> {
  return { actual: frac(n) };
}

function inst(id: string, name: string | undefined, n?: bigint, d?: bigint): InstitutionValue {
  const v: InstitutionValue = { institutionId: id, value: n !== undefined && d ? frac(n, d) : null };
  if (name !== undefined) v.institutionName = name;
  if (n !== undefined) v.numerator = n;
  if (d !== undefined) v.denominator = d;
  return v;
}

const f = (n: bigint, d: bigint = 1n): Fraction => frac(n, d);

const teacherGap = { zh: '名双师型教师', en: 'dual-qualified teachers' };

/** Institutions whose names try to break every format; their numerators sum to 399 of 500. */
export const hostileInstitutions: InstitutionValue[] = [
  inst('I001', '<script>alert(1)</script>', 95n, 100n),
  inst('I002', '" onload="x', 100n, 130n),
  inst('I003', '\u001b[31mred\u001b[0m', 70n, 90n),
  inst('I004', 'A|B\nC', 80n, 100n),
  inst('=HYPERLINK("http://evil")', '=1+1', 54n, 80n),
  inst('I006', '永川区职业教育中心'),
];

const dualTeacher: RuleResult = {
  ruleId: 'dual-teacher-ratio',
  title: { zh: '“双师型”教师占专业课教师比例', en: 'Share of dual-qualified teachers' },
  metric: 'dual-teacher-ratio',
  metricTitle: { zh: '“双师型”教师比例', en: 'Dual-qualified teacher ratio' },
  unit: 'ratio',
  target: { kind: 'compare', op: '>=', value: '0.8' },
  deadline: 2027,
  cadence: 'by-deadline',
  binding: 'required',
  quotes: ['到2027年，“双师型”教师占专业课教师比例达到80%以上'],
  sections: ['一、发展目标'],
  years: [
    year('dual-teacher-ratio', {
      year: 2025,
      status: 'on_track',
      ...ratio(375n, 500n),
      expected: f(7n, 10n),
    }),
    year('dual-teacher-ratio', {
      year: 2026,
      status: 'off_track',
      ...ratio(370n, 500n),
      expected: f(3n, 4n),
      gap: { direction: 'more', amount: 5n, unit: teacherGap },
    }),
    year('dual-teacher-ratio', {
      year: 2027,
      status: 'fail',
      ...ratio(399n, 500n),
      expected: f(4n, 5n),
      gap: { direction: 'more', amount: 1n, unit: teacherGap },
      breakdown: hostileInstitutions,
    }),
  ],
};

const practice: RuleResult = {
  ruleId: 'practice-ratio',
  title: { zh: '实践性教学课时占比', en: 'Share of practical teaching hours' },
  metric: 'practice-ratio',
  metricTitle: { zh: '实践性教学课时占比', en: 'Practical teaching share' },
  unit: 'ratio',
  target: { kind: 'compare', op: '>=', value: '0.8' },
  deadline: 2027,
  cadence: 'every-year',
  binding: 'required',
  quotes: ['实践性教学课时原则上占总课时 80%以上'],
  sections: ['二、（三）8'],
  years: [
    year('practice-ratio', { year: 2025, status: 'pass', ...ratio(400n, 500n), expected: f(4n, 5n) }),
    year('practice-ratio', {
      year: 2026,
      status: 'fail',
      ...ratio(15999n, 20000n),
      expected: f(4n, 5n),
      gap: { direction: 'more', amount: 1n, unit: { zh: '课时', en: 'teaching hours' } },
      breakdown: [
        inst('I001', '<script>alert(1)</script>', 7999n, 10000n),
        inst('I002', '" onload="x', 8000n, 10000n),
      ],
    }),
    year('practice-ratio', {
      year: 2027,
      status: 'no_data',
      numerator: 0n,
      denominator: 0n,
      expected: f(4n, 5n),
      reason: {
        code: 'engine/zero-denominator',
        params: { year: 2027, denominatorZh: '总课时', denominatorEn: 'total teaching hours' },
      },
    }),
  ],
};

const partners: RuleResult = {
  ruleId: 'partner-universities',
  title: { zh: '与本科高校联合培养合作院校数', en: 'Partner universities for joint programmes' },
  metric: 'partner-universities',
  metricTitle: { zh: '合作本科高校数', en: 'Partner universities' },
  unit: 'institutions',
  target: { kind: 'range', min: '2', max: '3' },
  deadline: 2027,
  cadence: 'by-deadline',
  binding: 'required',
  quotes: ['与2-3所本科高校开展联合培养'],
  sections: ['二、（一）3'],
  years: [
    year('partner-universities', { year: 2025, status: 'on_track', ...count(1n), expected: f(1n) }),
    year('partner-universities', {
      year: 2026,
      status: 'on_track',
      ...count(2n),
      expected: f(2n),
      partial: true,
    }),
    year('partner-universities', {
      year: 2027,
      status: 'exceeded',
      ...count(4n),
      expected: f(3n),
    }),
  ],
};

const training: RuleResult = {
  ruleId: 'social-training',
  title: { zh: '年开展社会培训人次', en: 'Social training per year' },
  metric: 'social-training',
  metricTitle: { zh: '社会培训人次', en: 'Social training' },
  unit: 'person-times',
  target: { kind: 'compare', op: '>=', value: '300000' },
  deadline: 2027,
  cadence: 'every-year',
  binding: 'aspirational',
  quotes: ['力争每年开展社会培训30万人次以上'],
  sections: ['一、发展目标'],
  note: 'Counts of all institutions in the district.',
  years: [
    year('social-training', { year: 2025, status: 'pass', ...count(312450n), expected: f(300000n) }),
    year('social-training', {
      year: 2026,
      status: 'warning',
      ...count(298000n),
      expected: f(300000n),
      gap: { direction: 'more', amount: 2000n, unit: { zh: '人次', en: 'person-times' } },
    }),
    year('social-training', {
      year: 2027,
      status: 'pass',
      ...count(305000n),
      expected: f(300000n),
      partial: true,
    }),
  ],
};

const enrolment: RuleResult = {
  ruleId: 'enrolment-increase',
  title: { zh: '中职招生人数逐年递增', en: 'Secondary enrolment increases' },
  metric: 'enrolment',
  metricTitle: { zh: '中职招生人数', en: 'Secondary enrolment' },
  unit: 'persons',
  target: { kind: 'increase' },
  deadline: 2027,
  cadence: 'increase',
  binding: 'required',
  quotes: ['中职招生规模逐年递增'],
  sections: ['二、（二）5'],
  years: [
    year('enrolment-increase', {
      year: 2025,
      status: 'no_data',
      ...count(12000n),
      reason: { code: 'engine/first-year-of-trend', params: { previous: 2024 } },
    }),
    year('enrolment-increase', { year: 2026, status: 'pass', ...count(12500n), expected: f(12001n) }),
    year('enrolment-increase', {
      year: 2027,
      status: 'fail',
      ...count(12500n),
      expected: f(12501n),
      gap: { direction: 'more', amount: 1n, unit: { zh: '名学生', en: 'students' } },
    }),
  ],
};

const funding: RuleResult = {
  ruleId: 'vocational-funding',
  title: { zh: '职业教育专项经费', en: 'Earmarked vocational funding' },
  metric: 'vocational-funding',
  metricTitle: { zh: '专项经费', en: 'Earmarked funding' },
  unit: 'CNY',
  target: { kind: 'compare', op: '>=', value: '5000000' },
  deadline: 2025,
  cadence: 'every-year',
  binding: 'required',
  quotes: ['每年安排职业教育专项经费不少于500万元'],
  sections: ['四、保障措施'],
  years: [
    year('vocational-funding', { year: 2025, status: 'pass', ...count(5230000n), expected: f(5000000n) }),
  ],
};

const dropout: RuleResult = {
  ruleId: 'dropout-ratio',
  title: { zh: '学生流失率', en: 'Dropout rate' },
  metric: 'dropout-ratio',
  metricTitle: { zh: '流失率', en: 'Dropout rate' },
  unit: 'ratio',
  target: { kind: 'compare', op: '<=', value: '0.05' },
  deadline: 2025,
  cadence: 'every-year',
  binding: 'required',
  quotes: ['学生流失率控制在5%以内'],
  sections: ['二、（四）'],
  years: [
    year('dropout-ratio', {
      year: 2025,
      status: 'fail',
      ...ratio(50n, 800n),
      expected: f(1n, 20n),
      gap: { direction: 'fewer', amount: 10n, unit: { zh: '名流失学生', en: 'dropouts' } },
    }),
  ],
};

/** Count statuses the way the engine does. */
export function summarize(rules: RuleResult[]): Summary {
  const s: Summary = {
    pass: 0,
    fail: 0,
    warning: 0,
    exceeded: 0,
    onTrack: 0,
    offTrack: 0,
    noData: 0,
    requiredFailures: 0,
  };
  for (const r of rules) {
    for (const y of r.years) {
      const key = ({ on_track: 'onTrack', off_track: 'offTrack', no_data: 'noData' } as const)[
        y.status as 'on_track'
      ];
      s[key ?? (y.status as 'pass')]++;
      if (y.status === 'fail' && r.binding === 'required') s.requiredFailures++;
    }
  }
  return s;
}

const engineNote: Diagnostic = {
  code: 'engine/other-district-rows',
  severity: 'info',
  params: { plan: 'yongchuan-2024', district: '永川区', count: 3, districts: '荣昌区' },
  file: 'data/2025.csv',
};

const yongchuanRules = [dualTeacher, practice, partners, training, enrolment];

/** Yongchuan plan: every status, partial years, hostile institution names. */
export const yongchuan: PlanResult = {
  plan: {
    id: 'yongchuan-2024',
    title: {
      zh: '高水平建设西部职教基地行动计划（2024-2027年）',
      en: 'Action plan for the western vocational education base (2024–2027)',
    },
    issuer: '重庆市永川区人民政府办公室',
    documentNumber: '永川府办发〔2024〕46号',
    issued: '2024-12-27',
    horizon: { from: 2024, to: 2027 },
    district: '永川区',
  },
  years: [2025, 2026, 2027],
  rules: yongchuanRules,
  summary: summarize(yongchuanRules),
  diagnostics: [engineNote],
};

const dazuRules = [funding, dropout];

/** Dazu plan: CNY in 万元, an upper bound missed. */
export const dazu: PlanResult = {
  plan: {
    id: 'dazu-2022',
    title: {
      zh: '重庆市大足区加快职业教育高质量发展建设技能型社会实施方案（试行）',
      en: 'Dazu implementation scheme for vocational education (trial)',
    },
    issuer: '重庆市大足区人民政府',
    documentNumber: '大足府发〔2022〕21号',
    issued: '2022-06-27',
    horizon: { from: 2022, to: 2025 },
    district: '大足区',
  },
  years: [2025],
  rules: dazuRules,
  summary: summarize(dazuRules),
  diagnostics: [],
};

const base: Omit<ReportModel, 'plans'> = {
  generatedAt: '2025-03-01T08:00:00.000Z',
  tool: { name: 'vet-check', version: '0.1.0' },
  inputs: [
    {
      path: 'data/2025.csv',
      sha256: 'a3f5c9e0b1d2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8',
      encoding: 'gb18030',
      rowsRead: 42,
      rowsAccepted: 41,
      rowsRejected: 1,
    },
  ],
  diagnostics: [
    {
      // a code no catalogue holds: the golden files do not change with other stages' wording
      code: 'test/example-warning',
      severity: 'warning',
      params: { field: 'students', value: '-3' },
      file: 'data/2025.csv',
      line: 17,
      column: 5,
      field: 'students',
      value: '-3',
    },
  ],
};

/** One plan: JSON renders a single object. */
export const singleModel: ReportModel = { ...base, plans: [yongchuan] };

/** Two plans: JSON renders an array. */
export const multiModel: ReportModel = { ...base, plans: [yongchuan, dazu] };
