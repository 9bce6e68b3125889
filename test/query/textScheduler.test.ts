import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTimeline, filterEvents, type Event } from '../../src/index.js';
import { textScheduler } from '../../src/query/timeline/textScheduler.js';
import { makeEvent } from '../helpers/events.js';

// A thousand events; every one holds "accord", one in ten holds "ruling", one holds "café".
const EVENTS: Event[] = Array.from({ length: 1000 }, (_, i) =>
  makeEvent({
    id: `2020-01-${String((i % 28) + 1).padStart(2, '0')}--e${i}`,
    date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`,
    title: `Accord ${i}`,
    summary: `${i % 10 === 0 ? 'A ruling.' : 'Talks.'}${i === 500 ? ' At the café.' : ''}`,
    tags: i % 100 === 0 ? ['rare'] : ['common'],
  }),
);

// The time and the timers are the test's: performance.now() moves 5 ms each time it is read, and no timer runs until the test says.
let now = 0;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  now = 0;
  vi.spyOn(performance, 'now').mockImplementation(() => (now += 5));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('textScheduler', () => {
  it('builds the index a slice at a time, about 8 ms each, between tasks', () => {
    const scheduler = textScheduler(EVENTS);
    const done = vi.fn();
    void scheduler.whenReady().then(done);
    expect(scheduler.index()).toBeUndefined();
    // Each slice reads the clock at 5 ms, indexes 256 events, then finds 10 ms gone: four slices for 1,000 events.
    for (let slice = 1; slice <= 3; slice++) {
      vi.advanceTimersToNextTimer();
      expect(scheduler.index(), `after slice ${slice}`).toBeUndefined();
    }
    vi.advanceTimersToNextTimer();
    expect(scheduler.index()).toBeDefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps scanning while the scans cost less than building the rest, then builds it at once', () => {
    const scheduler = textScheduler(EVENTS);
    // Each scan of all 1,000 events takes 5 ms; with no slice measured, building is taken as 8 scans' worth.
    for (let scan = 1; scan <= 7; scan++) {
      scheduler.scanned(scheduler.scanning(), EVENTS.length);
      expect(scheduler.index(), `after scan ${scan}`).toBeUndefined();
      expect(vi.getTimerCount()).toBe(1);
    }
    scheduler.scanned(scheduler.scanning(), EVENTS.length);
    expect(scheduler.index()).toBeDefined();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives the same index when asked again, and nothing waits after it is ready', async () => {
    const scheduler = textScheduler(EVENTS);
    const index = scheduler.ready();
    expect(scheduler.ready()).toBe(index);
    await expect(scheduler.whenReady()).resolves.toBeUndefined();
  });
});

describe('the text strategies of a timeline, each reached without a clock deciding', () => {
  const same = (timeline: ReturnType<typeof createTimeline>, query: Parameters<typeof filterEvents>[1]) =>
    expect(timeline.query(query).map((e) => e.id)).toEqual(filterEvents(EVENTS, query).map((e) => e.id));

  it('scans before the index is ready: a slice is scheduled, none has run', () => {
    const timeline = createTimeline(EVENTS);
    same(timeline, { text: 'ruling' });
    same(timeline, { text: 'Accord', tags: 'rare' });
    expect(vi.getTimerCount()).toBe(1);
  });

  it('scans for a word that folds to ASCII, and builds the index at once for one that does not', () => {
    const timeline = createTimeline(EVENTS);
    same(timeline, { text: 'CAFE' });
    expect(vi.getTimerCount()).toBe(1);
    same(timeline, { text: 'café 日本' });
    expect(vi.getTimerCount()).toBe(0);
    same(timeline, { text: 'café' });
  });

  it('with the index: checks the tokens of few candidates, or walks the postings of a rare word', () => {
    const timeline = createTimeline(EVENTS);
    same(timeline, { text: '日本' });
    // Few candidates (the rare tag), a common word: each candidate's tokens are checked.
    same(timeline, { text: 'accord', tags: 'rare' });
    // No other condition, a rare word: its postings are walked and sorted.
    same(timeline, { text: 'ruling talks' });
    same(timeline, { text: 'ruling', sort: '-date', limit: 3 });
    same(timeline, { text: 'accord 5', sort: '-importance', offset: 2, limit: 5 });
  });
});
