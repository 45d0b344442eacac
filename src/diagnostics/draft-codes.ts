import type { DiagnosticDef } from './types.js';

/**
 * Diagnostic codes of `vet-check draft` (`draft/...`): reading a policy
 * document, drafting a plan from it, and comparing it with an existing plan.
 */
export const draftCodes: Record<string, DiagnosticDef> = {
  'draft/unsupported-format': {
    severity: 'error',
    title: { zh: '不支持的文档格式', en: 'Unsupported document format' },
    message: {
      zh: '不支持的文档格式 {format}；请另存为 .txt（UTF-8 或 GB18030）或 .docx',
      en: 'unsupported document format {format}; save it as .txt (UTF-8 or GB18030) or .docx',
    },
  },
  'draft/invalid-encoding': {
    severity: 'error',
    title: { zh: '文档编码无效', en: 'Invalid document encoding' },
    message: {
      zh: '第 {offset} 字节（{byte}）在 {encoding} 编码中无效；请将文档另存为 UTF-8',
      en: 'byte {byte} at offset {offset} is not valid {encoding}; save the document as UTF-8',
    },
  },
  'draft/mixed-encoding': {
    severity: 'error',
    title: { zh: '文档混合了两种编码', en: 'Document mixes two encodings' },
    message: {
      zh: '文档前部是 UTF-8，但第 {offset} 字节（{byte}）不是有效的 UTF-8；请统一另存为 UTF-8',
      en: 'the document starts as UTF-8 but byte {byte} at offset {offset} is not valid UTF-8; save it again as UTF-8',
    },
  },
  'draft/encoding-detected': {
    severity: 'info',
    title: { zh: '按 GB18030 读取', en: 'Read as GB18030' },
    message: {
      zh: '文档不是 UTF-8，已按 GB18030（兼容 GBK）读取',
      en: 'the document is not UTF-8 and was read as GB18030 (a superset of GBK)',
    },
  },
  'draft/empty-document': {
    severity: 'error',
    title: { zh: '文档为空', en: 'Empty document' },
    message: { zh: '文档没有文字内容', en: 'the document holds no text' },
  },
  'draft/docx-unreadable': {
    severity: 'error',
    title: { zh: '无法读取 .docx', en: 'Cannot read .docx' },
    message: {
      zh: '无法读取 .docx 文件：{reason}；请确认文件未损坏，或另存为 .txt',
      en: 'cannot read the .docx file: {reason}; check that it is not damaged, or save it as .txt',
    },
  },
  'draft/no-targets': {
    severity: 'error',
    title: { zh: '未找到量化目标', en: 'No quantitative targets' },
    message: {
      zh: '文档中没有找到量化目标（数字加单位，如“达到95%”“建成3所”），未生成计划',
      en: 'no quantitative target (a number with a unit, such as 达到95% or 建成3所) was found; no plan written',
    },
  },
  'draft/metadata-missing': {
    severity: 'warning',
    title: { zh: '未找到文档信息', en: 'Document metadata not found' },
    message: {
      zh: '文中未找到 {field}，已写入占位值 {placeholder}，请手工填写',
      en: 'the text does not state the {field}; the placeholder {placeholder} was written, fill it in by hand',
    },
  },
  'draft/unresolved-metric': {
    severity: 'info',
    title: { zh: '指标未匹配', en: 'Metric not matched' },
    message: {
      zh: '规则 {rule}（{section}）未能对应到指标目录，已写为 metric: null；主语：{subject}',
      en: 'rule {rule} ({section}) matches no catalogue metric and has metric: null; subject: {subject}',
    },
  },
  'draft/output-exists': {
    severity: 'error',
    title: { zh: '输出文件已存在', en: 'Output file exists' },
    message: {
      zh: '输出文件 {file} 已存在；如要覆盖请加 --force',
      en: 'the output file {file} exists; add --force to overwrite it',
    },
  },
  'draft/plan-unreadable': {
    severity: 'error',
    title: { zh: '无法读取计划', en: 'Cannot read the plan' },
    message: { zh: '无法读取计划 {plan}：{reason}', en: 'cannot read the plan {plan}: {reason}' },
  },
  'draft/target-not-covered': {
    severity: 'warning',
    title: { zh: '目标未编入计划', en: 'Target not in the plan' },
    message: {
      zh: '{section}：“{quote}”中的量化目标没有对应规则（没有规则引用与之重叠的原文）',
      en: '{section}: the target in “{quote}” has no rule (no rule quotes an overlapping span)',
    },
  },
  'draft/quote-not-in-text': {
    severity: 'warning',
    title: { zh: '引文不在文档中', en: 'Quote not in the document' },
    message: {
      zh: '规则 {rule} 的引文“{quote}”在文档中找不到（文档可能已修订）',
      en: 'the quote “{quote}” of rule {rule} is not in the document (it may have been revised)',
    },
  },
};
