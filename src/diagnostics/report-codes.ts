import type { DiagnosticDef } from './types.js';

/** Diagnostic codes of the report stage (`report/...`): choosing a format and writing the output. */
export const reportCodes: Record<string, DiagnosticDef> = {
  'report/unknown-format': {
    severity: 'error',
    title: { zh: '未知的输出格式', en: 'Unknown output format' },
    message: {
      zh: '未知的输出格式“{format}”；可选：{formats}',
      en: 'unknown output format "{format}"; choose one of: {formats}',
    },
  },
  'report/output-is-input': {
    severity: 'error',
    title: { zh: '输出文件与输入文件相同', en: 'Output file is an input file' },
    message: {
      zh: '输出文件 {path} 同时也是输入文件 {input}，写入会覆盖数据；请用 --output 指定另一个文件',
      en: 'output file {path} is also the input file {input} and would be overwritten; give --output another path',
    },
  },
  'report/output-dir-missing': {
    severity: 'error',
    title: { zh: '输出目录不存在', en: 'Output directory does not exist' },
    message: {
      zh: '无法写入 {path}：目录 {dir} 不存在',
      en: 'cannot write {path}: directory {dir} does not exist',
    },
  },
  'report/output-is-directory': {
    severity: 'error',
    title: { zh: '输出路径是目录', en: 'Output path is a directory' },
    message: {
      zh: '无法写入 {path}：这是一个目录；请给出文件名',
      en: 'cannot write {path}: it is a directory; give a file name',
    },
  },
  'report/output-write-failed': {
    severity: 'error',
    title: { zh: '写入输出文件失败', en: 'Writing the output failed' },
    message: {
      zh: '无法写入 {path}：{reason}',
      en: 'cannot write {path}: {reason}',
    },
  },
  'report/interrupted': {
    severity: 'error',
    title: { zh: '已中断', en: 'Interrupted' },
    message: {
      zh: '已中断：未写入 {path}（原有文件保持不变）',
      en: 'interrupted: {path} was not written (any existing file is unchanged)',
    },
  },
};
