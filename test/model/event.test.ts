import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EventSchema, LenientEventSchema, parseEvent } from '../../src/index.js';
import { SEED_FILE } from '../helpers/corpus.js';
import { makeEvent } from '../helpers/events.js';

const refuses = (overrides: Record<string, unknown>) => {
  const result = EventSchema.safeParse({ ...makeEvent(), ...overrides });
  expect(result.success, JSON.stringify(overrides)).toBe(false);
  return result.error!.issues;
};

describe('EventSchema', () => {
  it('accepts the seed event as loaded from seeds/', () => {
    const { event, issues } = parseEvent(readFileSync(SEED_FILE, 'utf8'), { file: SEED_FILE });
    expect(issues).toEqual([]);
    expect(EventSchema.parse(event)).toEqual(event);
    expect(event?.sources).toHaveLength(3);
    expect(event?.summary).toContain('since 1992\u2014over three decades');
  });

  it('accepts a minimal event', () => {
    expect(EventSchema.safeParse(makeEvent()).success).toBe(true);
  });

  it('refuses days that do not exist and dates in other shapes', () => {
    for (const date of ['2025-02-30', '2025-13-01', '2025-11', '2025', '06/11/2025', '2025-11-06T00:00:00Z']) {
      refuses({ date, id: `${date}--x` });
    }
  });

  it('accepts a leap day but not a day after it in a common year', () => {
    expect(EventSchema.safeParse(makeEvent({ date: '2024-02-29', id: '2024-02-29--x' })).success).toBe(true);
    refuses({ date: '2023-02-29', id: '2023-02-29--x' });
  });

  it('refuses an id whose date part differs from date', () => {
    const issues = refuses({ id: '2025-11-07--kazakhstan' });
    expect(issues[0]!.path).toEqual(['id']);
  });

  it('refuses ids that are not YYYY-MM-DD--kebab-slug', () => {
    for (const id of ['kazakhstan', '2025-11-06-kazakhstan', '2025-11-06--Kazakhstan', '2025-11-06--a--b', '2025-11-06--(alec)', '2025-11-06--a_b']) {
      refuses({ id });
    }
  });

  it('refuses empty, untrimmed, multi-line and overlong titles', () => {
    for (const title of ['', ' padded', 'padded ', 'two\nlines', 'x'.repeat(301)]) refuses({ title });
  });

  it('refuses importance outside 1-10 or not an integer, and takes null as not rated', () => {
    for (const importance of [0, 11, 5.5, '5', undefined]) refuses({ importance });
    expect(EventSchema.safeParse({ ...makeEvent(), importance: null }).success).toBe(true);
  });

  it('refuses missing, duplicate and non-kebab tags; takes none (lint says so)', () => {
    for (const tags of [undefined, ['a', 'a'], ['Corruption'], ['two words'], 'corruption']) refuses({ tags });
    expect(EventSchema.safeParse({ ...makeEvent(), tags: [] }).success).toBe(true);
  });

  it('refuses duplicate actors and empty sources', () => {
    refuses({ actors: ['Donald Trump', 'Donald Trump'] });
    refuses({ sources: [] });
  });

  it('refuses keys outside the model; they belong in extra', () => {
    refuses({ outlet: 'NPR' });
    expect(EventSchema.safeParse(makeEvent({ extra: { outlet: 'NPR' } })).success).toBe(true);
  });

  it('refuses statuses outside the list', () => {
    refuses({ status: 'validated' });
    expect(EventSchema.safeParse(makeEvent({ status: 'confirmed' })).success).toBe(true);
  });

  it('refuses a missing summary', () => {
    refuses({ summary: '' });
    refuses({ summary: '   ' });
  });
});

describe('LenientEventSchema', () => {
  it('accepts legacy ids that are safe as file names', () => {
    const legacy = { ...makeEvent(), id: '1976-01-30--buckley-v.-valeo,-ruling', date: '1976-01-30' };
    expect(LenientEventSchema.safeParse(legacy).success).toBe(true);
  });

  it('takes, leniently, an id that is not safe as a file name (import repairs it), never one with a control character', () => {
    for (const id of ['../x', 'a/b', 'a\\b', '..']) {
      expect(LenientEventSchema.safeParse({ ...makeEvent(), id }).success, id).toBe(true);
      expect(EventSchema.safeParse({ ...makeEvent(), id }).success, id).toBe(false);
    }
    expect(LenientEventSchema.safeParse({ ...makeEvent(), id: 'a\u0000b' }).success).toBe(false);
  });
});
