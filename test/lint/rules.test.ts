import { describe, expect, it } from 'vitest';
import { createActorRegistry, type Event } from '../../src/index.js';
import { canonicalUrl, fixEvent, lintEvents, RULES, type LintEntry } from '../../src/lint.js';
import { makeEvent } from '../helpers/events.js';

const at = (date: string, slug: string, over: Partial<Event> = {}): LintEntry => ({ event: makeEvent({ id: `${date}--${slug}`, date, ...over }), file: `events/${date}--${slug}.md` });
const run = (entries: LintEntry[], rule: string, today = '2026-01-01') => lintEvents(entries, { rules: [rule], today });
const src = (url?: string, more: object = {}) => ({ title: 'T', publisher: 'P', tier: 1, ...(url ? { url } : {}), ...more });

describe('lint rules', () => {
  it('every rule has a lint/ code, a severity and a description that says what to do', () => {
    const codes = RULES.map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const rule of RULES) {
      expect(rule.code).toMatch(/^lint\/[a-z-]+$/);
      expect(rule.description.length).toBeGreaterThan(20);
    }
  });

  it('mojibake: finds â€” and Ã©, not real accents', () => {
    expect(run([at('2025-01-01', 'a', { summary: 'since 1992â€”over; cafÃ©' })], 'lint/mojibake')).toHaveLength(1);
    expect(run([at('2025-01-01', 'a', { summary: 'naïve café — Ångström' })], 'lint/mojibake')).toEqual([]);
  });

  it('tag-variant: groups case, separator and plural spellings, not a lone plural', () => {
    const entries = [
      at('2025-01-01', 'a', { tags: ['conflict-of-interest'] }),
      at('2025-01-02', 'b', { tags: ['conflicts-of-interest'] }),
      at('2025-01-03', 'c', { tags: ['conflict-of-interest', 'elections'] }),
      at('2025-01-04', 'd', { tags: ['news'] }),
      at('2025-01-05', 'e', { tags: ['new'] }),
    ];
    const [group, ...rest] = run(entries, 'lint/tag-variant');
    expect(rest).toEqual([]);
    expect(group!.group).toEqual({ names: ['conflict-of-interest', 'conflicts-of-interest'], counts: [2, 1], canonical: 'conflict-of-interest' });
  });

  it('actor-variant: groups titles, parentheticals, slugs and a usual surname; keeps people who share a surname apart', () => {
    const entries = [
      ...Array.from({ length: 8 }, (_, i) => at(`2025-01-0${i + 1}`, `t${i}`, { actors: ['Donald Trump'] })),
      at('2025-02-01', 'a', { actors: ['President Donald Trump', 'Eric Trump'] }),
      at('2025-02-02', 'b', { actors: ['Trump', 'Elon Musk (DOGE)', 'peter-thiel'] }),
      at('2025-02-03', 'c', { actors: ['Elon Musk', 'Peter Thiel'] }),
    ];
    const groups = run(entries, 'lint/actor-variant').map((f) => f.group!.names);
    expect(groups).toContainEqual(['Donald Trump', 'President Donald Trump', 'Trump']);
    expect(groups).toContainEqual(['Elon Musk', 'Elon Musk (DOGE)']);
    expect(groups).toContainEqual(['Peter Thiel', 'peter-thiel']);
    expect(groups.flat()).not.toContain('Eric Trump');
  });

  it('actor-variant: a surname shared evenly by two people joins neither', () => {
    const entries = [at('2025-01-01', 'a', { actors: ['Kimbal Musk'] }), at('2025-01-02', 'b', { actors: ['Elon Musk'] }), at('2025-01-03', 'c', { actors: ['Musk'] })];
    expect(run(entries, 'lint/actor-variant')).toEqual([]);
  });

  it('actor-variant: proposes the registry entry, and says when the registry already knows them', () => {
    const entries = [at('2025-01-01', 'a', { actors: ['Marco Rubio'] }), at('2025-01-02', 'b', { actors: ['Secretary Marco Rubio'] })];
    expect(run(entries, 'lint/actor-variant')[0]!.group!.entry).toEqual({ id: 'marco-rubio', name: 'Marco Rubio', aliases: ['Secretary Marco Rubio'], kind: 'other' });
    const registry = createActorRegistry([{ id: 'marco-rubio', name: 'Marco Rubio', aliases: ['Secretary Marco Rubio'], kind: 'person' }]);
    const [known] = lintEvents(entries, { rules: ['lint/actor-variant'], registry });
    expect(known!.fixable).toBe(true);
    expect(known!.group!.entry).toBeUndefined();
  });

  it('duplicate-source: the same resource twice in one event, however spelled', () => {
    const twice = at('2025-01-01', 'a', { sources: [src('https://www.npr.org/x/'), src('http://npr.org/x?utm_source=tw')] });
    const once = at('2025-01-02', 'b', { sources: [src('https://npr.org/x'), src('https://npr.org/y')] });
    expect(run([twice, once], 'lint/duplicate-source').map((f) => f.file)).toEqual([twice.file]);
  });

  it('url-variant: one resource spelled differently across events', () => {
    const a = at('2025-01-01', 'a', { sources: [src('https://npr.org/x')] });
    const b = at('2025-01-02', 'b', { sources: [src('https://www.npr.org/x/')] });
    const c = at('2025-01-03', 'c', { sources: [src('https://npr.org/x')] });
    expect(run([a, b, c], 'lint/url-variant')[0]!.group!.names).toEqual(['https://npr.org/x', 'https://www.npr.org/x/']);
    expect(run([a, c], 'lint/url-variant')).toEqual([]);
  });

  it('placeholder-url and homepage-url', () => {
    const e = at('2025-01-01', 'a', { sources: [src('https://example.com/test'), src('https://www.reuters.com/'), src('https://www.reuters.com/world/x')] });
    expect(run([e], 'lint/placeholder-url').map((f) => f.path)).toEqual(['sources[0].url']);
    expect(run([e], 'lint/homepage-url').map((f) => f.path)).toEqual(['sources[1].url']);
  });

  it('incomplete-source: names what is missing', () => {
    const e = at('2025-01-01', 'a', { sources: [{ title: 'A book' }, src('https://a.org/x')] });
    expect(run([e], 'lint/incomplete-source').map((f) => f.message)).toEqual(['sources[0]: no url, no tier, no publisher']);
  });

  it('id rules: date, file name, timestamp suffix, format', () => {
    const e = { event: makeEvent({ id: '2025-01-01--alec-(x)-1757454606', date: '2025-01-02' }), file: 'events/other.md' };
    expect(run([e], 'lint/id-date')).toHaveLength(1);
    expect(run([e], 'lint/id-file-name')).toHaveLength(1);
    expect(run([e], 'lint/id-timestamp')).toHaveLength(1);
    expect(run([e], 'lint/id-format')).toHaveLength(1);
    const good = at('2025-01-01', 'fine');
    for (const code of ['lint/id-date', 'lint/id-file-name', 'lint/id-timestamp', 'lint/id-format']) expect(run([good], code)).toEqual([]);
  });

  it('duplicate-id: a .md and .json twin', () => {
    const md = at('2025-01-01', 'a');
    const json = { ...md, file: 'events/2025-01-01--a.json' };
    const [f] = run([md, json], 'lint/duplicate-id');
    expect(f!.file).toBe('events/2025-01-01--a.json');
    expect(f!.related).toEqual(['events/2025-01-01--a.md']);
  });

  it('near-duplicate: same day, near-identical titles; not other days or other titles', () => {
    const a = at('2025-01-01', 'a', { title: 'Heritage Foundation Established With Coors Funding' });
    const b = at('2025-01-01', 'b', { title: 'Heritage Foundation Established with Coors funding' });
    const c = at('2025-01-01', 'c', { title: 'Kazakhstan joins the Abraham Accords' });
    const d = at('2025-01-02', 'd', { title: 'Heritage Foundation Established With Coors Funding' });
    expect(run([a, b, c, d], 'lint/near-duplicate').map((f) => f.file)).toEqual([b.file]);
  });

  it('test-fixture: test data, not words that merely contain "test"', () => {
    expect(run([at('2025-11-01', 'test-markdown-creation-final')], 'lint/test-fixture')).toHaveLength(1);
    expect(run([at('2025-11-01', 'protest-at-capitol', { title: 'Protesters contest the results' })], 'lint/test-fixture')).toEqual([]);
  });

  it('future-confirmed: only future and confirmed', () => {
    expect(run([at('2027-01-01', 'a', { status: 'confirmed' })], 'lint/future-confirmed')).toHaveLength(1);
    expect(run([at('2027-01-01', 'a', { status: 'predicted' }), at('2025-01-01', 'b', { status: 'confirmed' })], 'lint/future-confirmed')).toEqual([]);
  });

  it('source-date: years after the event, or prose kept in extra', () => {
    const e = at('2015-01-01', 'a', { sources: [src('https://a.org/x', { date: '2024' }), src('https://a.org/y', { date: '2016-02' }), src('https://a.org/z', { extra: { date: '1990s' } })] });
    expect(run([e], 'lint/source-date').map((f) => f.path)).toEqual(['sources[0].date', 'sources[2].date']);
  });

  it('refuses an unknown rule name', () => {
    expect(() => lintEvents([], { rules: ['lint/nope'] })).toThrow(TypeError);
  });
});

describe('fixEvent', () => {
  it('repairs mojibake and normalises actors to the registry, changing nothing else', () => {
    const registry = createActorRegistry([{ id: 'donald-trump', name: 'Donald Trump', aliases: ['Trump'], kind: 'person' }]);
    const event = makeEvent({ summary: 'since 1992â€”over', actors: ['Trump', 'Donald Trump', 'Marco Rubio'] });
    const { event: fixed, changes } = fixEvent(event, { registry });
    expect(fixed).toEqual({ ...event, summary: 'since 1992—over', actors: ['Donald Trump', 'Marco Rubio'] });
    expect(changes).toEqual(['summary: repaired mis-decoded UTF-8', 'actors[0]: "Trump" -> "Donald Trump"']);
    expect(fixEvent(fixed, { registry })).toEqual({ event: fixed, changes: [] });
  });
});

describe('canonicalUrl', () => {
  it('drops what does not change the resource', () => {
    expect(canonicalUrl('http://www.Example.org/a/?utm_source=x&b=2&a=1#top')).toBe('https://example.org/a?a=1&b=2');
  });
});
