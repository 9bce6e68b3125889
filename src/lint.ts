/**
 * The data-quality rules and safe fixes. Browser-safe; a separate entry so
 * pages that only read and query events do not load the rules.
 *
 * @example
 * ```ts
 * import { lintEvents } from 'democracy-timeline/lint';
 * import { events } from 'democracy-timeline/data';
 * lintEvents(events.map((event) => ({ event })), { rules: ['lint/placeholder-url'] });
 * // => []
 * ```
 *
 * @packageDocumentation
 */
export * from './lint/index.js';
