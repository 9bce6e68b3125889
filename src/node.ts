/**
 * The file-system side of democracy-timeline: load event folders, build the
 * dataset. Node.js only.
 *
 * @example
 * ```ts
 * import { loadEvents } from 'democracy-timeline/node';
 * const { events, issues } = await loadEvents('seeds');
 * ```
 *
 * @packageDocumentation
 */
export * from './node/index.js';
