import type { Event } from '../../src/index.js';
import { makeEvent } from './events.js';

/** An event on a date, id `date--x`, with the fields given. */
export const on = (date: string, over: Partial<Event> = {}) => makeEvent({ id: `${date}--x`, date, ...over });
/** Two events the predicate tests share: a repeated tag, a parenthetical actor, an accent. */
export const a = on('2024-01-15', { tags: ['courts', 'courts'], actors: ['Elon Musk (DOGE)'], importance: 4, title: 'Naïve ruling' });
export const b = on('2024-02-01', { tags: ['media'], actors: ['Elon Musk'], importance: 8 });
export const all = [a, b];
