import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatText } from './text.js';
import type { ValidateFormatter } from './types.js';

/** The `validate --format` registry. */
export const validateFormatters: Record<string, ValidateFormatter> = {
  text: formatText,
  json: formatJson,
  junit: formatJunit,
  github: formatGithub,
};

export { formatText } from './text.js';
export type { FormatOptions, ValidateFormatter, ValidateResult } from './types.js';
export { toValidateResult } from './types.js';
