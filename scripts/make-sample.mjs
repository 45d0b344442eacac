#!/usr/bin/env node
// Writes the bundled sample submissions under fixtures/sample/. The figures are
// INVENTED (plausible, not real): they exist to show what vet-check reports.
// Deterministic: the same script always writes the same files.
//   node scripts/make-sample.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { parse } from 'yaml';

const out = new URL('../fixtures/sample/', import.meta.url);

// a small deterministic PRNG (mulberry32)
let seed = 20241227;
function rand() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const jitter = (x, pct) => Math.round(x * (1 + (rand() * 2 - 1) * pct));

const HEADERS = [
  '院校代码',
  '院校名称',
  '所在区县',
  '办学层次',
  '年度',
  '季度',
  '专任教师数',
  '双师型教师数',
  '在校生数',
  '专业数',
  '对接产业专业数',
  '毕业生数',
  '就业毕业生数',
  '留渝就业毕业生数',
  '留双城经济圈就业毕业生数',
  '留永留渝毕业生数',
  '留双城经济圈毕业生数',
  '技能培训人次',
  '中职毕业生数',
  '中职升学人数',
  '办学条件达标',
  '参与产教联合体',
  '产教融合等所得收入',
  '提取事业发展基金金额',
];

// Invented institutions: names say 示例 (sample) so that nobody mistakes them for real schools.
const YONGCHUAN = [
  {
    id: '5150000001',
    name: '永川示例水利职业技术学院',
    level: '高职',
    teachers: 620,
    students: 16000,
    specialties: 42,
    training: 52000,
  },
  {
    id: '5150000002',
    name: '永川示例城市职业学院',
    level: '高职',
    teachers: 710,
    students: 18500,
    specialties: 48,
    training: 61000,
  },
  {
    id: '5150000003',
    name: '永川示例财经职业学院',
    level: '高职',
    teachers: 560,
    students: 14800,
    specialties: 36,
    training: 43000,
  },
  {
    id: '5150000004',
    name: '永川示例智能工程职业学院',
    level: '高职',
    teachers: 480,
    students: 12600,
    specialties: 30,
    training: 38000,
  },
  {
    id: '5150000005',
    name: '永川示例职业教育中心',
    level: '中职',
    teachers: 260,
    students: 6200,
    specialties: 18,
    training: 24000,
  },
  {
    id: '5150000006',
    name: '永川示例经贸中等专业学校',
    level: '中职',
    teachers: 210,
    students: 5100,
    specialties: 14,
    training: 19000,
  },
];
const DAZU = [
  {
    id: '5150010001',
    name: '大足示例职业教育中心',
    level: '中职',
    teachers: 300,
    students: 7200,
    specialties: 20,
    training: 9000,
  },
  {
    id: '5150010002',
    name: '大足示例工业职业学院',
    level: '高职',
    teachers: 420,
    students: 11000,
    specialties: 28,
    training: 12000,
  },
  {
    id: '5150010003',
    name: '大足示例石刻艺术中等专业学校',
    level: '中职',
    teachers: 150,
    students: 3600,
    specialties: 10,
    training: 4000,
  },
  {
    id: '5150010004',
    name: '大足示例城市职业学院',
    level: '高职',
    teachers: 380,
    students: 9800,
    specialties: 24,
    training: 10000,
  },
];

/** One institution's annual figures for a year; `t` runs 0..1 over the plan period. */
function figures(
  inst,
  district,
  year,
  t,
  { dualStart, dualEnd, matchStart, matchEnd, employed, cq, circle, local, stayCircle },
) {
  const teachers = jitter(inst.teachers * (1 + 0.04 * t * 5), 0.01);
  const dual = Math.floor(teachers * (dualStart + (dualEnd - dualStart) * t + (rand() - 0.5) * 0.02));
  const students = jitter(inst.students * district.scale * (1 + 0.06 * t * 5), 0.01);
  const specialties = inst.specialties + Math.round(t * 4);
  const matched = Math.min(specialties, Math.round(specialties * (matchStart + (matchEnd - matchStart) * t)));
  const graduates = Math.round(students / 3.1);
  const gEmployed = Math.round(graduates * (employed + (rand() - 0.5) * 0.02));
  const gCircle = Math.round(gEmployed * circle);
  const gCq = Math.min(gCircle, Math.round(gEmployed * cq));
  const sCircle = Math.round(graduates * stayCircle);
  const sLocal = Math.min(sCircle, Math.round(graduates * local));
  // secondary-school figures only for 中职 rows: an empty cell means "not applicable", never 0
  // income from industry-education services (CNY) and the share put into the development fund
  const income = Math.round(inst.training * 40 * (1 + 0.1 * t));
  const secondary = inst.level === '中职' ? graduates : '';
  const progressed = inst.level === '中职' ? Math.round(graduates * (0.42 + 0.1 * t)) : '';
  return {
    full_time_teachers: teachers,
    dual_qualified_teachers: dual,
    enrolled_students: students,
    specialties,
    specialties_matched: matched,
    graduates,
    graduates_employed: gEmployed,
    graduates_employed_chongqing: gCq,
    graduates_employed_circle: gCircle,
    graduates_stayed_local: sLocal,
    graduates_stayed_circle: sCircle,
    training_person_times: jitter(inst.training * district.training * (1 + 0.05 * t * 5), 0.02),
    secondary_graduates: secondary,
    secondary_graduates_progressed: progressed,
    conditions_compliant: year >= 2025 || inst.level === '高职' ? '是' : rand() < 0.5 ? '是' : '否',
    in_industry_education_consortium: year >= 2026 || rand() < 0.6 + 0.1 * t ? '是' : '否',
    service_income: income,
    development_fund_allocation: Math.round(income * (0.58 + 0.06 * rand())),
  };
}

const ORDER = [
  'full_time_teachers',
  'dual_qualified_teachers',
  'enrolled_students',
  'specialties',
  'specialties_matched',
  'graduates',
  'graduates_employed',
  'graduates_employed_chongqing',
  'graduates_employed_circle',
  'graduates_stayed_local',
  'graduates_stayed_circle',
  'training_person_times',
  'secondary_graduates',
  'secondary_graduates_progressed',
  'conditions_compliant',
  'in_industry_education_consortium',
  'service_income',
  'development_fund_allocation',
];
const FLOWS = new Set([
  'service_income',
  'development_fund_allocation',
  'graduates',
  'graduates_employed',
  'graduates_employed_chongqing',
  'graduates_employed_circle',
  'graduates_stayed_local',
  'graduates_stayed_circle',
  'secondary_graduates',
  'secondary_graduates_progressed',
]);

function annualRow(inst, district, year, f) {
  return [inst.id, inst.name, district, inst.level, year, '', ...ORDER.map((k) => f[k])];
}

/** Quarterly rows: stocks repeated each quarter, graduates in Q3, training spread over the quarters. */
function quarterRows(inst, district, year, f, quarters) {
  const share = [0.2, 0.25, 0.3, 0.25];
  return quarters.map((q) => [
    inst.id,
    inst.name,
    district,
    inst.level,
    year,
    q,
    ...ORDER.map((k) => {
      if (k === 'training_person_times') return Math.round(f[k] * share[q - 1]);
      if (FLOWS.has(k)) return q === 3 || f[k] === '' ? f[k] : 0;
      return f[k];
    }),
  ]);
}

const fmt = (rows) => `\uFEFF${stringify([HEADERS, ...rows], { record_delimiter: 'windows' })}`;

// student numbers and training scaled per district to plausible totals
const YC = { name: '永川区', scale: 2, training: 1.12 };
const DZ = { name: '大足区', scale: 2.2, training: 1 };

// 永川: annual rows 2022–2025, quarterly 2026 (Q1–Q4) and 2027 (Q1–Q2: a year in progress)
const ycParams = {
  dualStart: 0.66,
  dualEnd: 0.797,
  matchStart: 0.86,
  matchEnd: 0.96,
  employed: 0.93,
  cq: 0.63,
  circle: 0.78,
  local: 0.72,
  stayCircle: 0.91,
};
const ycAnnual = [];
const ycQuarterly = [];
for (const inst of YONGCHUAN) {
  for (let year = 2022; year <= 2027; year++) {
    const f = figures(inst, YC, year, (year - 2022) / 5, ycParams);
    if (year <= 2025) ycAnnual.push(annualRow(inst, '永川区', year, f));
    else ycQuarterly.push(...quarterRows(inst, '永川区', year, f, year === 2026 ? [1, 2, 3, 4] : [1, 2]));
  }
}
// 大足: annual rows 2021–2025
const dzParams = {
  dualStart: 0.52,
  dualEnd: 0.61,
  matchStart: 0.7,
  matchEnd: 0.78,
  employed: 0.92,
  cq: 0.7,
  circle: 0.8,
  local: 0.6,
  stayCircle: 0.85,
};
const dzAnnual = [];
for (const inst of DAZU) {
  for (let year = 2021; year <= 2025; year++) {
    dzAnnual.push(annualRow(inst, '大足区', year, figures(inst, DZ, year, (year - 2021) / 4, dzParams)));
  }
}
writeFileSync(new URL('yongchuan-annual.csv', out), fmt(ycAnnual));
writeFileSync(new URL('yongchuan-quarterly.csv', out), fmt(ycQuarterly));
writeFileSync(new URL('dazu-annual.csv', out), fmt(dzAnnual));

// Region-level indicators: for every indicator a plan targets, a value per year
// rising toward the target; a few are left short so the report shows misses.
const indicators =
  parse(readFileSync(new URL('../plans/catalogue/indicators.yaml', import.meta.url), 'utf8')).indicators ??
  [];
const metrics =
  parse(readFileSync(new URL('../plans/catalogue/metrics.yaml', import.meta.url), 'utf8')).metrics ?? [];
const label = new Map(indicators.map((i) => [i.id, i.label.zh]));
const byMetric = new Map(metrics.filter((m) => m.kind === 'indicator').map((m) => [m.id, m.indicator]));
const indicatorRows = [];
for (const [planFile, district, from, to] of [
  ['yongchuan-2024-2027.yaml', '永川区', 2024, 2027],
  ['dazu-2022-2025.yaml', '大足区', 2022, 2025],
]) {
  let plan;
  try {
    plan = parse(readFileSync(new URL(`../plans/${planFile}`, import.meta.url), 'utf8'));
  } catch {
    continue;
  }
  const done = new Set();
  for (const rule of plan.rules ?? []) {
    const ind = byMetric.get(rule.metric);
    if (!ind || done.has(ind)) continue;
    done.add(ind);
    const t = rule.target ?? {};
    const goal = t.min ?? t.value ?? 10;
    const short = rand() < 0.2; // about one in five falls short
    const last =
      rule.cadence === 'every-year' ? goal : short ? Math.max(0, Math.floor(goal * 0.7)) : Math.ceil(goal);
    for (let year = from; year <= Math.min(to, 2026 + (district === '永川区' ? 1 : 0)); year++) {
      const progress = (year - from + 1) / (to - from + 1);
      let v = rule.cadence === 'every-year' ? goal : Math.round(last * progress * 100) / 100;
      if (rule.unit !== 'CNY' && rule.unit !== 'ratio') v = Math.round(v);
      if (rule.unit === 'ratio') v = Math.round(v * 100) / 100;
      indicatorRows.push([
        district,
        year,
        label.get(ind) ?? ind,
        rule.unit === 'ratio' ? `${Math.round(v * 100)}%` : v,
      ]);
    }
  }
}
writeFileSync(
  new URL('region-indicators.csv', out),
  `\uFEFF${stringify([['所在区县', '年度', '指标', '数值'], ...indicatorRows], { record_delimiter: 'windows' })}`,
);
console.log(
  `sample: ${ycAnnual.length + ycQuarterly.length + dzAnnual.length} institution rows, ${indicatorRows.length} indicator rows`,
);
