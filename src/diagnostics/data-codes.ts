import type { DiagnosticDef } from './types.js';

// Parameters are bilingual where they name a field or an expectation:
// `{fieldZh}` / `{fieldEn}`, `{expectedZh}` / `{expectedEn}`, `{hintZh}` / `{hintEn}`.

/** Diagnostic codes of the data stage (`data/...`). */
export const dataCodes: Record<string, DiagnosticDef> = {
  'data/blank-header': {
    severity: 'warning',
    title: { zh: '空表头', en: 'Blank header' },
    message: {
      zh: '第 {column} 列没有表头，该列的值不会被使用',
      en: 'column {column} has no header; its values are not used',
    },
  },
  'data/duplicate-header': {
    severity: 'error',
    title: { zh: '重复表头', en: 'Duplicate header' },
    message: {
      zh: '表头“{header}”与第 {firstColumn} 列同为“{fieldZh}”；含这两列的行均不采用',
      en: 'header “{header}” is “{fieldEn}” again, as column {firstColumn}; rows holding both are not used',
    },
  },
  'data/invisible-header': {
    severity: 'error',
    title: { zh: '表头含不可见字符', en: 'Invisible character in header' },
    message: {
      zh: '表头“{header}”含不可见字符，请删除；含此表头的行均不采用',
      en: 'header “{header}” contains an invisible character; remove it; rows with this header are not used',
    },
  },
  'data/unknown-column': {
    severity: 'warning',
    title: { zh: '未知列', en: 'Unknown column' },
    message: {
      zh: '未知列“{header}”，该列的值不会被使用',
      en: 'unknown column “{header}”; its values are not used',
    },
  },
  'data/missing-column': {
    severity: 'error',
    title: { zh: '缺少必填列', en: 'Missing required column' },
    message: {
      zh: '缺少必填列“{fieldZh}”；本文件的行均不采用',
      en: 'required column “{fieldEn}” ({field}) is missing; no row of this file is used',
    },
  },
  'data/missing-value': {
    severity: 'error',
    title: { zh: '缺少必填值', en: 'Missing required value' },
    message: {
      zh: '“{fieldZh}”为必填项，此行为空',
      en: '“{fieldEn}” is required and empty on this row',
    },
  },
  'data/type-error': {
    severity: 'error',
    title: { zh: '值的格式错误', en: 'Value of the wrong form' },
    message: {
      zh: '“{fieldZh}”的值“{value}”不是{expectedZh}{hintZh}',
      en: '“{fieldEn}”: “{value}” is not {expectedEn}{hintEn}',
    },
  },
  'data/negative-count': {
    severity: 'error',
    title: { zh: '负数', en: 'Negative count' },
    message: {
      zh: '“{fieldZh}”不能为负数：“{value}”',
      en: '“{fieldEn}” cannot be negative: “{value}”',
    },
  },
  'data/no-data-marker': {
    severity: 'error',
    title: { zh: '缺失值标记', en: 'No-data marker' },
    message: {
      zh: '“{fieldZh}”的值“{value}”是缺失标记；缺失数据请留空单元格',
      en: '“{fieldEn}”: “{value}” marks missing data; write an empty cell for missing data',
    },
  },
  'data/invisible-char': {
    severity: 'error',
    title: { zh: '值含不可见字符', en: 'Invisible character in a value' },
    message: {
      zh: '“{fieldZh}”的值“{value}”含不可见或控制字符',
      en: '“{fieldEn}”: “{value}” contains an invisible or control character',
    },
  },
  'data/replacement-char': {
    severity: 'warning',
    title: { zh: '含替换字符', en: 'Replacement character' },
    message: {
      zh: '“{fieldZh}”的值“{value}”含替换字符 U+FFFD，文件在导出前可能已损坏（编码错误）',
      en: '“{fieldEn}”: “{value}” contains U+FFFD; the text was probably damaged by a wrong encoding before export',
    },
  },
  'data/year-out-of-range': {
    severity: 'error',
    title: { zh: '年度超出范围', en: 'Year out of range' },
    message: {
      zh: '年度“{value}”不在 {min}–{max} 之间',
      en: 'year “{value}” is not between {min} and {max}',
    },
  },
  'data/quarter-out-of-range': {
    severity: 'error',
    title: { zh: '季度超出范围', en: 'Quarter out of range' },
    message: {
      zh: '季度“{value}”不在 1–4 之间',
      en: 'quarter “{value}” is not between 1 and 4',
    },
  },
  'data/constraint': {
    severity: 'error',
    title: { zh: '字段间约束不成立', en: 'Cross-field constraint violated' },
    message: {
      zh: '{leftZh} ({leftValue}) {opZh} {rightZh} ({rightValue})',
      en: '{leftEn} ({leftValue}) {opEn} {rightEn} ({rightValue})',
    },
  },
  'data/duplicate-row': {
    severity: 'error',
    title: { zh: '重复的行', en: 'Duplicate row' },
    message: {
      zh: '{key} 已在 {first} 出现',
      en: '{key} already appears at {first}',
    },
  },
  'data/duplicate-record': {
    severity: 'error',
    title: { zh: '重复的记录', en: 'Duplicate record' },
    message: {
      zh: '{fieldZh}“{id}”在院校 {institution} 的 {year} 年度记录中重复出现',
      en: '{fieldEn} “{id}” appears again among the records of institution {institution} for {year}',
    },
  },
  'data/mixed-sources': {
    severity: 'error',
    title: { zh: '明细与汇总数据重叠', en: 'Records and totals overlap' },
    message: {
      zh: '院校 {institution} 的 {year} 年度“{fieldsZh}”既由明细记录汇总，又在 {first} 的汇总行中填报；请只保留一种',
      en: '{fieldsEn} of institution {institution} for {year} are counted from records and also given as totals at {first}; keep one of them',
    },
  },
  'data/mixed-periods': {
    severity: 'error',
    title: { zh: '年度行与季度行混用', en: 'Annual and quarterly rows mixed' },
    message: {
      zh: '院校 {institution} 的 {year} 年度同时有{thisZh}（此行）和{otherZh}（{first}）',
      en: 'institution {institution} has {thisEn} (this row) and {otherEn} ({first}) for {year}',
    },
  },
  'data/unknown-institution': {
    severity: 'error',
    title: { zh: '未登记的院校', en: 'Unknown institution' },
    message: {
      zh: '院校代码“{value}”不在院校名录 {registry} 中',
      en: 'institution code “{value}” is not in the registry {registry}',
    },
  },
  'data/incomplete-period': {
    severity: 'error',
    title: { zh: '填报期不完整', en: 'Incomplete period' },
    message: {
      zh: '院校 {institution} 没有 {period} 的可用数据行',
      en: 'institution {institution} has no usable row for {period}',
    },
  },
  'data/jump': {
    severity: 'warning',
    title: { zh: '数值突变', en: 'Sudden jump' },
    message: {
      zh: '“{fieldZh}”从 {previous}（{previousPeriod}，{first}）变为 {value}（{period}），变化超过 {factor} 倍',
      en: '“{fieldEn}” went from {previous} ({previousPeriod}, {first}) to {value} ({period}), a change beyond {factor}×',
    },
  },
  'data/ragged-row': {
    severity: 'error',
    title: { zh: '列数不符', en: 'Ragged row' },
    message: {
      zh: '此行有 {actual} 个单元格，表头有 {expected} 列',
      en: 'this row has {actual} cells; the header has {expected} columns',
    },
  },
  'data/unknown-indicator': {
    severity: 'error',
    title: { zh: '未知指标', en: 'Unknown indicator' },
    message: {
      zh: '未知指标“{value}”',
      en: 'unknown indicator “{value}”',
    },
  },
  'data/no-rows': {
    severity: 'warning',
    title: { zh: '没有数据行', en: 'No data rows' },
    message: {
      zh: '文件没有数据行',
      en: 'the file has no data rows',
    },
  },
  'data/too-many-errors': {
    severity: 'info',
    title: { zh: '错误过多', en: 'Too many errors' },
    message: {
      zh: '另有 {more} 个错误未列出（--max-errors {max}）',
      en: '{more} more errors not listed (--max-errors {max})',
    },
  },
};
