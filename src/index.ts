/**
 * democracy-timeline: typed, validated, queryable events of democratic
 * erosion. This entry is browser-safe: it never imports a Node built-in.
 *
 * @example
 * ```ts
 * import { EventSchema, parseEvent, type Event } from 'democracy-timeline';
 * ```
 *
 * @packageDocumentation
 */
export * from './model/index.js';
export * from './parse/index.js';
export { normalizeEvent, type NormalizeEventOptions, type NormalizeEventResult } from './normalize/normalizeEvent.js';
export * from './query/index.js';
export * from './format/index.js';
export { diffDatasets } from './diff/diffDatasets.js';
export { diffToMarkdown } from './diff/diffToMarkdown.js';
export type { DatasetSide, DatasetDiff, FieldChange, ChangedEvent } from './diff/types.js';
