import type { Diagnostic, Lang } from '../diagnostics/types.js';
import type { PlanResult } from '../engine/types.js';

/** An input file as the report lists it (a subset of the data stage's InputFile). */
export interface ReportInput {
  path: string;
  sha256: string;
  encoding: string;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

/** Everything a formatter renders: the evaluated plans plus provenance. */
export interface ReportModel {
  /** ISO 8601 timestamp; passed in so that output is reproducible in tests. */
  generatedAt: string;
  tool: { name: 'vet-check'; version: string };
  inputs: ReportInput[];
  plans: PlanResult[];
  /** Validation warnings and other notes not tied to one plan. */
  diagnostics: Diagnostic[];
}

/** How to render a report. */
export interface ReportOptions {
  lang: Lang;
  /** ANSI colour (table only); decided by the command, never by a formatter. */
  colour: boolean;
  /** Add each institution's values (the breakdown) to the output. */
  byInstitution: boolean;
  /** The text goes to a file rather than stdout (CSV then starts with a BOM). */
  toFile: boolean;
}

/** One formatter signature for every output format (HTML renders its charts asynchronously). */
export type Formatter = (model: ReportModel, opts: ReportOptions) => string | Promise<string>;
