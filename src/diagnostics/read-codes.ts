import type { DiagnosticDef } from './types.js';

/**
 * Diagnostic codes of the file readers (`read/...`): opening, decoding and
 * parsing a submission file. Positions are physical: 1-based line and column
 * (columns in Unicode code points) in the decoded text; XLSX: row and column.
 */
export const readCodes: Record<string, DiagnosticDef> = {
  'read/cannot-open': {
    severity: 'error',
    title: { zh: '无法打开文件', en: 'Cannot open file' },
    message: { zh: '无法读取文件：{reason}', en: 'cannot read the file: {reason}' },
  },
  'read/unsupported-format': {
    severity: 'error',
    title: { zh: '不支持的文件格式', en: 'Unsupported file format' },
    message: {
      zh: '不支持的文件格式 {format}；请另存为 .xlsx、.csv 或 .jsonl',
      en: 'unsupported file format {format}; save it as .xlsx, .csv or .jsonl',
    },
  },
  'read/unknown-encoding': {
    severity: 'error',
    title: { zh: '未知编码', en: 'Unknown encoding' },
    message: {
      zh: '未知编码 {encoding}；可用：utf-8、utf-8-bom、gbk、gb18030、utf-16le、utf-16be',
      en: 'unknown encoding {encoding}; use one of utf-8, utf-8-bom, gbk, gb18030, utf-16le, utf-16be',
    },
  },
  'read/empty-file': {
    severity: 'error',
    title: { zh: '空文件', en: 'Empty file' },
    message: { zh: '文件为空（没有表头，也没有数据）', en: 'the file is empty (no header and no data)' },
  },
  'read/encoding-detected': {
    severity: 'info',
    title: { zh: '按 GB18030 读取', en: 'Read as GB18030' },
    message: {
      zh: '文件不是 UTF-8，已按 GB18030（兼容 GBK）读取；如有误请用 --encoding 指定',
      en: 'the file is not UTF-8 and was read as GB18030 (a superset of GBK); use --encoding if that is wrong',
    },
  },
  'read/invalid-utf8': {
    severity: 'error',
    title: { zh: '无效的 UTF-8 字节', en: 'Invalid UTF-8 byte' },
    message: {
      zh: '此处的字节 {byte} 不是有效的 UTF-8，而文件其他部分是 UTF-8 文本；文件可能混合了两种编码。请统一另存为 UTF-8',
      en: 'byte {byte} here is not valid UTF-8 although the file holds UTF-8 text; it may mix two encodings. Save it again as UTF-8',
    },
  },
  'read/invalid-encoding': {
    severity: 'error',
    title: { zh: '字节与编码不符', en: 'Bytes do not match the encoding' },
    message: {
      zh: '此处的字节 {byte} 在 {encoding} 编码中无效；请检查 --encoding',
      en: 'byte {byte} here is not valid {encoding}; check --encoding',
    },
  },
  'read/replacement-char': {
    severity: 'warning',
    title: { zh: '文件中已有替换字符', en: 'Replacement character in the file' },
    message: {
      zh: '文件中含有替换字符 U+FFFD（共 {count} 处，首处在此），说明此前的某次转换已丢失字符',
      en: 'the file contains the replacement character U+FFFD ({count} in all, the first here): an earlier conversion lost characters',
    },
  },
  'read/looks-like-xlsx': {
    severity: 'error',
    title: { zh: '内容是 Excel 工作簿', en: 'Content is an Excel workbook' },
    message: {
      zh: '文件内容是 Excel 工作簿（zip），但扩展名是 {ext}；请改为 .xlsx 或另存为 CSV',
      en: 'the file content is an Excel workbook (zip) but its extension is {ext}; rename it to .xlsx or save it as CSV',
    },
  },
  'read/unclosed-quote': {
    severity: 'error',
    title: { zh: '引号未闭合', en: 'Unclosed quote' },
    message: {
      zh: '此处开始的引号直到文件结尾都没有闭合',
      en: 'the quote opened here is never closed before the end of the file',
    },
  },
  'read/quote-too-long': {
    severity: 'error',
    title: { zh: '引号内容过长', en: 'Quoted cell too long' },
    message: {
      zh: '此处开始的带引号单元格超过 {limit} 字节仍未闭合，可能缺少右引号',
      en: 'the quoted cell opened here is still open after {limit} bytes; a closing quote is probably missing',
    },
  },
  'read/bad-quote': {
    severity: 'error',
    title: { zh: '引号位置错误', en: 'Misplaced quote' },
    message: {
      zh: '此处的引号位置不对：单元格内的引号须把整个单元格用引号括起，并把内部引号写成两个 ""',
      en: 'misplaced quote: a cell containing quotes must be quoted as a whole, with inner quotes doubled ("")',
    },
  },
  'read/record-too-large': {
    severity: 'error',
    title: { zh: '记录过大', en: 'Record too large' },
    message: {
      zh: '从此处开始的记录超过 {limit} 字节，读取已停止',
      en: 'the record starting here is larger than {limit} bytes; reading stopped',
    },
  },
  'read/json-syntax': {
    severity: 'error',
    title: { zh: 'JSON 语法错误', en: 'JSON syntax error' },
    message: { zh: 'JSON 语法错误：{detail}', en: 'JSON syntax error: {detail}' },
  },
  'read/json-shape': {
    severity: 'error',
    title: { zh: 'JSON 结构不对', en: 'Unexpected JSON structure' },
    message: {
      zh: 'JSON 须是对象数组，或 {"rows": [...]}；此处是 {found}',
      en: 'the JSON must be an array of objects or {"rows": [...]}; found {found} here',
    },
  },
  'read/json-row-not-object': {
    severity: 'error',
    title: { zh: '记录不是对象', en: 'Record is not an object' },
    message: {
      zh: '每条记录须是 JSON 对象；此处是 {found}',
      en: 'each record must be a JSON object; found {found} here',
    },
  },
  'read/json-ignored-key': {
    severity: 'warning',
    title: { zh: '忽略的顶层键', en: 'Top-level key ignored' },
    message: {
      zh: '顶层键 {key} 不是 rows，已忽略',
      en: 'top-level key {key} is not "rows" and was ignored',
    },
  },
  'read/duplicate-key': {
    severity: 'error',
    title: { zh: '重复的键', en: 'Duplicate key' },
    message: {
      zh: '同一对象中键 {key} 出现了两次（第一次在第 {firstLine} 行）',
      en: 'key {key} appears twice in the same object (first at line {firstLine})',
    },
  },
  'read/file-too-large': {
    severity: 'error',
    title: { zh: '文件过大', en: 'File too large' },
    message: {
      zh: '{format} 文件超过 {limit} 字节，无法整体读入；请改用 JSON Lines（.jsonl）或 CSV',
      en: 'the {format} file is larger than {limit} bytes and cannot be read whole; use JSON Lines (.jsonl) or CSV',
    },
  },
  'read/xlsx-unreadable': {
    severity: 'error',
    title: { zh: '无法读取工作簿', en: 'Unreadable workbook' },
    message: { zh: '无法读取 Excel 工作簿：{reason}', en: 'cannot read the Excel workbook: {reason}' },
  },
  'read/xlsx-no-sheet': {
    severity: 'error',
    title: { zh: '工作表不存在', en: 'No such sheet' },
    message: {
      zh: '工作簿中没有名为 {sheet} 的工作表；现有：{sheets}',
      en: 'the workbook has no sheet named {sheet}; it has: {sheets}',
    },
  },
  'read/xlsx-formula-no-value': {
    severity: 'error',
    title: { zh: '公式没有计算结果', en: 'Formula without a value' },
    message: {
      zh: '此单元格是公式 {formula}，但文件中没有保存计算结果；请在 Excel 中打开并保存，或粘贴为数值',
      en: 'this cell is the formula {formula} with no saved result; open and save the file in Excel, or paste values',
    },
  },
  'read/xlsx-error-value': {
    severity: 'error',
    title: { zh: '单元格是错误值', en: 'Cell holds an error value' },
    message: { zh: '此单元格是错误值 {error}', en: 'this cell holds the error value {error}' },
  },
};
