import { fileURLToPath } from 'node:url';

/** Directory of the built-in plans (works from src/ under vitest and from dist/). */
export const PLANS_DIR = fileURLToPath(new URL('../../plans/', import.meta.url));
/** Directory of the metric catalogue and the data dictionary. */
export const CATALOGUE_DIR = fileURLToPath(new URL('../../plans/catalogue/', import.meta.url));
/** Directory of the JSON Schemas. */
export const SCHEMAS_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url));
