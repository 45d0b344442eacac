import type { DiagnosticDef } from './types.js';
import { dataCodes } from './data-codes.js';
import { engineCodes } from './engine-codes.js';
import { planCodes } from './plan-codes.js';
import { reportCodes } from './report-codes.js';

/** Every diagnostic code the tool can emit. The README table is generated from it. */
export const catalogue: Record<string, DiagnosticDef> = {
  ...planCodes,
  ...dataCodes,
  ...engineCodes,
  ...reportCodes,
};
