import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitTimelineJS, parseDate, toTimelineJS, type Event } from '../../src/index.js';
import { boundedGroups } from '../../src/format/groups.js';
import { mostImportant } from '../../src/format/mostImportant.js';
import { event as arbitraryEvent } from '../helpers/arbitraries.js';
import { makeEvent } from '../helpers/events.js';

const day = (d: string): number => Date.parse(`${d}T00:00:00Z`);

/**
 * How TimelineJS 3.9 lays out its navigator without groups
 * (`TimeScale._computePositionInfo` and `_computeRowInfo`, read from its
 * source): the span over `scale` page widths, every label 100 px wide (a
 * range as wide as it is, when wider), each in the first row free, and
 * past `rows` rows, over the row that frees soonest. The number of labels
 * put over another. `over`: the events whose span the navigator covers,
 * when only some of them are counted (one band's).
 */
function overlapsInTimelineJS(events: readonly Event[], { width = 1_000, scale = 2, rows = 4, over = events } = {}): number {
  const spans = events.map((e) => parseDate(e.date)!).map((s) => ({ start: day(s.start), end: s.range && s.ends?.[1] ? day(s.end) : undefined }));
  const all = over.map((e) => parseDate(e.date)!);
  const earliest = Math.min(...all.map((s) => day(s.start)));
  const latest = Math.max(...all.map((s) => day(s.range && s.ends?.[1] ? s.end : s.start)));
  const perMilli = (scale * width) / (latest - earliest || 365 * 86_400_000);
  const positions = spans
    .map((s) => {
      const start = (s.start - earliest) * perMilli;
      const wide = s.end === undefined ? 0 : (s.end - s.start) * perMilli;
      return { start, end: start + Math.max(100, wide) };
    })
    .sort((a, b) => a.start - b.start);
  const ends: number[] = [];
  let overlaps = 0;
  for (const p of positions) {
    const free = ends.findIndex((end) => end - p.start <= 0);
    if (free >= 0) ends[free] = p.end;
    else if (ends.length < rows) ends.push(p.end);
    else {
      overlaps++;
      const soonest = ends.indexOf(Math.min(...ends));
      ends[soonest] = Math.max(ends[soonest]!, p.end);
    }
  }
  return overlaps;
}

/** Events on the days of one month, importance cycling 1-10 (made up). */
const month = (n: number, m = '2020-01'): Event[] =>
  Array.from({ length: n }, (_, i) => {
    const date = `${m}-${String((i % 28) + 1).padStart(2, '0')}`;
    return makeEvent({ id: `${date}--fixture-${i}`, date, importance: (i % 10) + 1 });
  });

describe('fitTimelineJS', () => {
  it('keeps what the navigator lays out with no label over another, where every event given would pile up', () => {
    const events = month(320);
    expect(overlapsInTimelineJS(events)).toBeGreaterThan(200);
    const kept = fitTimelineJS(events);
    expect(kept.length).toBeGreaterThan(20);
    expect(kept.length).toBeLessThan(300);
    expect(overlapsInTimelineJS(kept)).toBe(0);
    // In the order given, the more important first: every importance-10 event is kept before any importance-1 one.
    expect(kept).toEqual(events.filter((e) => kept.includes(e)));
    const tens = events.filter((e) => e.importance === 10);
    expect(tens.filter((e) => !kept.includes(e)).length === 0 || !kept.some((e) => e.importance === 1)).toBe(true);
    // Nothing left out would have fitted: each of the 300 most important not kept lies over another when added.
    const leftOut = mostImportant(events, 300).filter((e) => !kept.includes(e));
    expect(leftOut.length).toBeGreaterThan(200);
    for (const e of leftOut) expect(overlapsInTimelineJS([...kept, e], { over: events }), e.id).toBeGreaterThan(0);
  });

  it('on a wider page, or a taller navigator, keeps more; at most max', () => {
    const events = month(320);
    const narrow = fitTimelineJS(events).length;
    const wide = fitTimelineJS(events, undefined, { width: 2_000 });
    expect(wide.length).toBeGreaterThan(narrow);
    expect(overlapsInTimelineJS(wide, { width: 2_000 })).toBe(0);
    const tall = fitTimelineJS(events, undefined, { rows: 8 });
    expect(tall.length).toBeGreaterThan(narrow);
    expect(overlapsInTimelineJS(tall, { rows: 8 })).toBe(0);
    expect(fitTimelineJS(events, undefined, { width: 100_000, max: 50 })).toHaveLength(50);
  });

  it('gives a range the width it is drawn with', () => {
    // Three ranges over the year, the most important, take three rows all year; the days of June share the fourth.
    const ranges = [0, 1, 2].map((i) => makeEvent({ id: `r-${i}`, date: '2020-01/2020-12', importance: 10 }));
    const days = month(28, '2020-06').map((e) => ({ ...e, importance: Math.min(e.importance!, 9) }));
    const kept = fitTimelineJS([...ranges, ...days]);
    expect(kept.filter((e) => e.id.startsWith('r-'))).toHaveLength(3);
    expect(overlapsInTimelineJS(kept)).toBe(0);
    // A label is 100 px of 2,000 (18 days of the year): one row holds two of June's days.
    expect(kept.length).toBe(5);
    expect(overlapsInTimelineJS(kept.filter((e) => !e.id.startsWith('r-')), { rows: 1, over: kept })).toBe(0);
  });

  it('shares the rows among the bands, each at least one', () => {
    const events = month(100);
    const band = (e: Event): string => (e.importance! % 2 ? 'odd' : 'even');
    const kept = fitTimelineJS(events, band);
    for (const name of ['odd', 'even']) {
      const inBand = kept.filter((e) => band(e) === name);
      expect(overlapsInTimelineJS(inBand, { rows: 2, over: kept })).toBe(0);
      expect(overlapsInTimelineJS(inBand, { rows: 1, over: kept })).toBeGreaterThan(0);
    }
    const five = fitTimelineJS(events, (e) => String(e.importance! % 5));
    for (let b = 0; b < 5; b++) expect(overlapsInTimelineJS(five.filter((e) => e.importance! % 5 === b), { rows: 1, over: five })).toBe(0);
  });

  it('refuses a page it cannot measure', () => {
    for (const fit of [{ width: 0 }, { rows: -1 }, { scale: Number.NaN }, { max: 0 }]) expect(() => fitTimelineJS(month(3), undefined, fit)).toThrow(TypeError);
  });

  it('any events: the kept ones lay out with no overlap and are among the max most important', () => {
    fc.assert(
      fc.property(fc.array(arbitraryEvent, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 200, max: 3_000 }), (drawn, max, width) => {
        const events = drawn.map((e, i) => ({ ...e, id: `${e.id}-${i}` }));
        const kept = fitTimelineJS(events, undefined, { max, width });
        expect(kept.length).toBeGreaterThanOrEqual(1);
        expect(kept.length).toBeLessThanOrEqual(max);
        expect(overlapsInTimelineJS(kept, { width })).toBe(0);
        // No kept event is less important than one outside the max most important.
        const least = Math.min(...kept.map((e) => e.importance ?? 0));
        const ranked = [...events].map((e) => e.importance ?? 0).sort((a, b) => b - a);
        expect(least).toBeGreaterThanOrEqual(ranked[Math.min(max, ranked.length) - 1]!);
      }),
      { numRuns: 200 },
    );
  });

  it('through toTimelineJS: fit gives the slides of the events kept, in their bands', () => {
    const events = month(320);
    const doc = toTimelineJS(events, { fit: true, group: (e) => `importance ${e.importance}`, maxGroups: 3 });
    // The bands of every event given: ties by name, so 'importance 1' and 'importance 10' keep theirs.
    const kept = fitTimelineJS(events, boundedGroups(events, (e) => `importance ${e.importance}`, 3));
    expect(doc.events.map((s) => s.unique_id)).toEqual(kept.map((e) => e.id));
    expect(new Set(doc.events.map((s) => s.group))).toEqual(new Set(['importance 1', 'importance 10', 'other']));
    expect(toTimelineJS(events).events).toHaveLength(320);
  });
});
