import { planReport } from './json-model.js';
import type { Formatter } from './types.js';

/**
 * Render the report as JSON (schemas/report.schema.json): one object for one
 * plan, an array of them for several.
 */
export const format: Formatter = (model, opts) => {
  const reports = model.plans.map((plan) => planReport(model, plan, opts));
  return `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`;
};
