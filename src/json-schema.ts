/**
 * JSON Schema generation from the zod models. Browser-safe; kept out of the
 * root entry because zod's generator is a third of what a page would load.
 *
 * @example
 * ```ts
 * import { toJSONSchema } from 'democracy-timeline/json-schema';
 * toJSONSchema('source').required;
 * // => ['title']
 * ```
 *
 * @packageDocumentation
 */
export { toJSONSchema, type SchemaName } from './format/jsonSchema.js';
