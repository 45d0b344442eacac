import type { DiagnosticDef } from './types.js';

/** Notes of the evaluation engine and the reasons it gives for a status (`engine/...`). */
export const engineCodes: Record<string, DiagnosticDef> = {
  'engine/other-district-rows': {
    severity: 'info',
    title: { zh: '其他区县的数据不计入本方案', en: 'Rows of other districts left out' },
    message: {
      zh: '方案 {plan} 只统计 {district}：其他区县的 {count} 行（{districts}）未计入',
      en: 'plan {plan} covers {district} only: {count} rows of other districts ({districts}) are left out',
    },
  },
  'engine/no-district': {
    severity: 'warning',
    title: { zh: '缺少所在区县', en: 'Rows without a district' },
    message: {
      zh: '{count} 行没有填写所在区县，无法归入任何方案的统计范围，未计入',
      en: '{count} rows give no district and cannot be placed in any plan: left out',
    },
  },
  'engine/no-rows': {
    severity: 'info',
    title: { zh: '无数据', en: 'No data' },
    message: { zh: '{year} 年没有可用数据', en: 'no data for {year}' },
  },
  'engine/zero-denominator': {
    severity: 'info',
    title: { zh: '分母为零', en: 'Zero denominator' },
    message: {
      zh: '{year} 年{denominatorZh}合计为 0，比例无法计算',
      en: 'the total of {denominatorEn} in {year} is 0: the ratio cannot be computed',
    },
  },
  'engine/first-year-of-trend': {
    severity: 'info',
    title: { zh: '无上一年数据', en: 'No previous year' },
    message: {
      zh: '逐年递增需与上一年（{previous}）比较，上一年无数据',
      en: 'an increase needs the previous year ({previous}), which has no data',
    },
  },
  'engine/not-applicable': {
    severity: 'info',
    title: { zh: '不在方案期内', en: 'Outside the plan period' },
    message: {
      zh: '{year} 年早于方案起始年 {from}，不作评价',
      en: '{year} is before the plan starts ({from}): not judged',
    },
  },
  'engine/unresolved-metric': {
    severity: 'info',
    title: { zh: '未指定指标', en: 'No metric chosen' },
    message: {
      zh: '规则 {rule} 尚未指定指标（metric: null），无法计算',
      en: 'rule {rule} has no metric yet (metric: null) and cannot be computed',
    },
  },
  'engine/baseline-year': {
    severity: 'info',
    title: { zh: '基准年', en: 'Baseline year' },
    message: {
      zh: '{year} 年是首个有数据的年份，作为进度基准',
      en: '{year} is the first year with data and serves as the baseline of the milestone line',
    },
  },
};
