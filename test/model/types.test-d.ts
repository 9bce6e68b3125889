import { expectTypeOf, test } from 'vitest';
import type { Actor, Event, Issue, Source } from '../../src/index.js';

test('the public types are what the models say', () => {
  expectTypeOf<Event['id']>().toEqualTypeOf<string>();
  expectTypeOf<Event['importance']>().toEqualTypeOf<number | null>();
  expectTypeOf<Event['sources']>().toEqualTypeOf<Source[]>();
  expectTypeOf<Event['status']>().toEqualTypeOf<'confirmed' | 'reported' | 'developing' | 'disputed' | 'unverified' | 'predicted' | undefined>();
  expectTypeOf<Source['url']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<Actor['kind']>().toEqualTypeOf<'person' | 'organization' | 'government-body' | 'other' | undefined>();
  expectTypeOf<Source['title']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<Event['formerIds']>().toEqualTypeOf<string[] | undefined>();
  expectTypeOf<Issue['severity']>().toEqualTypeOf<'error' | 'warning'>();
});
