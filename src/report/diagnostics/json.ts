import { renderMessage } from '../../diagnostics/diagnostic.js';
import { visible } from '../../util/visible.js';
import type { ValidateFormatter } from './types.js';

/** JSON output, validated by schemas/validate.schema.json; echoed input is made visible. */
export const formatJson: ValidateFormatter = (r, o) => {
  const out = {
    files: r.files.map((f) => ({ ...f, path: visible(f.path) })),
    rowsRead: r.rowsRead,
    rowsAccepted: r.rowsAccepted,
    rowsRejected: r.rowsRejected,
    errors: r.errors,
    warnings: r.warnings,
    diagnostics: r.diagnostics.map((d) => ({
      code: d.code,
      severity: d.severity,
      file: d.file === undefined ? null : visible(d.file),
      line: d.line ?? null,
      column: d.column ?? null,
      field: d.field ?? null,
      value: d.value === undefined ? null : visible(d.value),
      message: renderMessage(d, o.lang),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
