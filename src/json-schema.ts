/**
 * JSON Schema generation from the zod models. Browser-safe; an entry of its
 * own, so the root entry stays within its bundle budget.
 *
 * @example
 * ```ts
 * import { toJSONSchema } from 'democracy-timeline/json-schema';
 * toJSONSchema('event').required;
 * // => ['id', 'date', 'title', 'summary', 'importance', 'tags', 'actors', 'sources']
 * ```
 *
 * @packageDocumentation
 */
export { toJSONSchema, type SchemaName } from './format/jsonSchema.js';
