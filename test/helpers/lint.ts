import type { Event } from '../../src/index.js';
import { lintEvents, type LintEntry } from '../../src/lint.js';
import { makeEvent } from './events.js';

/** A lint entry for an event on `date` with the id `date--slug`, in `events/`. */
export const at = (date: string, slug: string, over: Partial<Event> = {}): LintEntry => ({ event: makeEvent({ id: `${date}--${slug}`, date, ...over }), file: `events/${date}--${slug}.md` });

/** Runs one rule over entries, with a fixed today. */
export const run = (entries: LintEntry[], rule: string, today = '2026-01-01') => lintEvents(entries, { rules: [rule], today });

/** A complete source, with a link when given. */
export const src = (url?: string, more: object = {}) => ({ title: 'T', publisher: 'P', tier: 1, ...(url ? { url } : {}), ...more });
