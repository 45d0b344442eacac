import type { DiagnosticDef } from './types.js';

/** Diagnostic codes of the data stage (`data/...`). */
export const dataCodes: Record<string, DiagnosticDef> = {};
