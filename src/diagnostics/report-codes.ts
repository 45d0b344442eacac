import type { DiagnosticDef } from './types.js';

/** Diagnostic codes of the report stage (`report/...`). */
export const reportCodes: Record<string, DiagnosticDef> = {};
