import { expectTypeOf, test } from 'vitest';
import { createTimeline, filterEvents, hasTags, type Event, type EventQuery, type Timeline, type CountRow } from '../../src/index.js';

test('queries and results are typed', () => {
  expectTypeOf<EventQuery['sort']>().toEqualTypeOf<'date' | '-date' | '-importance' | undefined>();
  expectTypeOf<EventQuery>().toMatchTypeOf<{ tags?: string | readonly string[] | { any?: readonly string[] } }>();
  // @ts-expect-error status is one of the known statuses
  const bad: EventQuery = { status: 'validated' };
  void bad;
  type Tagged = Event & { color: string };
  const events: Tagged[] = [];
  expectTypeOf(filterEvents(events, { tags: 'x' })).toEqualTypeOf<Tagged[]>();
  expectTypeOf(createTimeline(events)).toEqualTypeOf<Timeline<Tagged>>();
  expectTypeOf(createTimeline(events).query()).toEqualTypeOf<Tagged[]>();
  expectTypeOf(createTimeline(events).years()).toEqualTypeOf<CountRow[]>();
  expectTypeOf(events.filter(hasTags('x'))).toEqualTypeOf<Tagged[]>();
});
