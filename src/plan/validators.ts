import * as generated from './generated/validators.js';

/** One error of a precompiled AJV validator (AJV's ErrorObject, without AJV loaded). */
export interface SchemaError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A precompiled validator: call it, then read `errors`. */
export type Validator = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

/** The file kinds with a JSON Schema. */
export type SchemaKind = 'plan' | 'metrics' | 'dictionary';

/** Precompiled validators (draft-07, allErrors) and their schemas, by kind. */
export const validators: Record<SchemaKind, { validate: Validator; schema: unknown }> = {
  plan: { validate: generated.validatePlan as unknown as Validator, schema: generated.planSchema },
  metrics: { validate: generated.validateMetrics as unknown as Validator, schema: generated.metricsSchema },
  dictionary: {
    validate: generated.validateDictionary as unknown as Validator,
    schema: generated.dictionarySchema,
  },
};

/** Validate a value against a kind's schema; returns AJV's errors (empty when valid). */
export function validateAgainst(kind: SchemaKind, value: unknown): SchemaError[] {
  const { validate } = validators[kind];
  return validate(value) ? [] : [...(validate.errors ?? [])];
}
