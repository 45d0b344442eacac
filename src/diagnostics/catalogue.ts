import { dataCodes } from './data-codes.js';
import { draftCodes } from './draft-codes.js';
import { engineCodes } from './engine-codes.js';
import { planCodes } from './plan-codes.js';
import { readCodes } from './read-codes.js';
import { reportCodes } from './report-codes.js';
import type { DiagnosticDef } from './types.js';

/** Every diagnostic code the tool can emit. The README table is generated from it. */
export const catalogue: Record<string, DiagnosticDef> = {
  ...planCodes,
  ...readCodes,
  ...dataCodes,
  ...engineCodes,
  ...reportCodes,
  ...draftCodes,
};
