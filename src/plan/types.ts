import type { Bilingual } from '../diagnostics/types.js';

/** Units a target or metric is expressed in. */
export type Unit = 'ratio' | 'persons' | 'person-times' | 'institutions' | 'items' | 'CNY' | 'times';

/** How a rule is judged over the years. */
export type Cadence = 'by-deadline' | 'every-year' | 'increase';

/** `aspirational` (力争/争取/积极争创): a miss is a warning, not a failure. */
export type Binding = 'required' | 'aspirational';

export type Comparator = '>=' | '<=' | '==';

/**
 * A rule's target. Values are kept as the exact decimal text of the plan
 * file ("0.8", "300000"), never as floats; the engine turns them into fractions.
 */
export type Target =
  | { kind: 'compare'; op: Comparator; value: string }
  | { kind: 'range'; min: string; max: string }
  | { kind: 'increase' };

/** Where in the document a rule comes from. */
export interface SourceRef {
  /** Section path, e.g. "一、发展目标" or "二、（五）17". */
  section: string;
  /** The clause, verbatim: an exact substring of the document text. */
  quote: string;
}

/** One quantitative target of a policy document. */
export interface Rule {
  id: string;
  title: Bilingual;
  sources: SourceRef[];
  /** Metric id from the catalogue; null in a draft whose subject matched no metric yet (a lint warning). */
  metric: string | null;
  target: Target;
  unit: Unit;
  deadline: number;
  cadence: Cadence;
  binding: Binding;
  note?: string;
}

/** A policy document encoded as rules. */
export interface Plan {
  id: string;
  title: Bilingual;
  issuer: string;
  documentNumber: string;
  /** ISO date, YYYY-MM-DD. */
  issued: string;
  horizon: { from: number; to: number };
  region: { district: string };
  /** File name of the document text in ../shared/seeds (informative). */
  sourceDocument?: string;
  rules: Rule[];
  /** Path the plan was loaded from. */
  file: string;
  /**
   * Where the plan's values stand in its file, by JSON pointer into the YAML
   * ("/rules/0/target/value"); set by loadPlan, used by lint to place diagnostics.
   */
  positions?: ReadonlyMap<string, SourcePosition>;
}

/** A 1-based line and column in a file. */
export interface SourcePosition {
  line: number;
  column: number;
}

/** Types a submission field can hold. */
export type FieldType = 'string' | 'count' | 'boolean' | 'ratio' | 'year' | 'quarter' | 'enum' | 'money';

/**
 * How quarterly values roll up to a year: a `stock` takes the latest quarter,
 * a `flow` sums the quarters; `key` fields identify the row.
 */
export type Aggregation = 'stock' | 'flow' | 'key';

/** A canonical submission field of the data dictionary. */
export interface FieldDef {
  id: string;
  label: Bilingual;
  aliases: string[];
  type: FieldType;
  unit?: Unit;
  aggregation: Aggregation;
  required?: boolean;
  /** Allowed values for `enum` fields. */
  values?: string[];
  description?: Bilingual;
}

/** A cross-field constraint: left op right, on the same row. */
export interface Constraint {
  id: string;
  left: string;
  op: '<=' | '>=' | '==';
  right: string;
}

/** A region-level indicator: a count no institution row holds. */
export interface IndicatorDef {
  id: string;
  label: Bilingual;
  aliases: string[];
  unit: Unit;
  /** `stock`: the value stated for the year (e.g. institutions holding a title); `flow`: an amount for that year. */
  aggregation: 'stock' | 'flow';
  description?: Bilingual;
}

/** A column of a record-level file (one row per teacher, graduate …). */
export interface RecordColumnDef {
  id: string;
  label: Bilingual;
  aliases: string[];
  type: 'string' | 'boolean' | 'enum';
  /** Allowed values for `enum` columns. */
  values?: string[];
  description?: Bilingual;
}

/**
 * How records add up to an institution-year field: the number of records
 * whose columns match `where` (every record when absent). A boolean column
 * matches `true`/`false`; an enum column matches one of a list.
 */
export interface RecordAggregate {
  field: string;
  where?: Record<string, boolean | string[]>;
}

/** A kind of record-level input, detected by its `key` column, aggregated into institution-year fields. */
export interface RecordDef {
  id: string;
  label: Bilingual;
  /** The column that identifies a record within an institution-year (teacher_id …). */
  key: string;
  columns: RecordColumnDef[];
  aggregates: RecordAggregate[];
  description?: Bilingual;
}

/** The data dictionary: submission fields, constraints, region-level indicators and record kinds. */
export interface Dictionary {
  fields: FieldDef[];
  constraints: Constraint[];
  indicators: IndicatorDef[];
  /** Record-level inputs (absent = none). */
  records?: RecordDef[];
}

/**
 * Optional filter on key fields of the institution rows a metric pools, e.g.
 * `{ level: 中职 }` for a target about secondary schools only.
 */
export type MetricWhere = Record<string, string>;

/** How a metric is computed from submission fields. */
export type MetricDef = (
  | {
      id: string;
      title: Bilingual;
      kind: 'ratio';
      /** Summed over institutions, then divided: pooled, never an average of ratios. */
      numerator: string;
      denominator: string;
      unit: 'ratio';
      /** Natural unit of the numerator for gaps: "名双师型教师" / "dual-qualified teachers". */
      gapUnit: Bilingual;
    }
  | { id: string; title: Bilingual; kind: 'sum'; field: string; unit: Unit; gapUnit: Bilingual }
  | {
      id: string;
      title: Bilingual;
      kind: 'share';
      /** Boolean field; the metric is the share of institutions with it true. */
      flag: string;
      unit: 'ratio';
      gapUnit: Bilingual;
    }
  | { id: string; title: Bilingual; kind: 'indicator'; indicator: string; unit: Unit; gapUnit: Bilingual }
) & { where?: MetricWhere; description?: Bilingual };

/** The metric catalogue shared by plans. */
export interface MetricCatalogue {
  metrics: MetricDef[];
}
