import type { DiagnosticDef } from './types.js';

/** Diagnostic codes of the plan stage (`plan/...`). */
export const planCodes: Record<string, DiagnosticDef> = {};
