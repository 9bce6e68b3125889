import { describe, expect, it } from 'vitest';
import { parseEvent, type Issue } from '../../src/index.js';
import { lintEvents } from '../../src/lint.js';
import { normalizeEvent, parseProseDate } from '../../src/normalize/normalizeEvent.js';

const legacy = (front: string[], body = 'What happened.') => `---\n${front.join('\n')}\n---\n\n${body}\n`;
const HEAD = ['id: 2017-01-30--eo-13771-reducing-regulation', "date: '2017-01-30'", 'title: Executive Order 13771', 'importance: 7', 'tags: [deregulation]', 'actors: [Donald Trump]'];
const lenient = (lines: string[]) => parseEvent(legacy([...HEAD, ...lines]), { mode: 'lenient' });
const strict = (lines: string[]) => parseEvent(legacy([...HEAD, ...lines]));
const warning = (issues: Issue[], code: string) => {
  const found = issues.filter((i) => i.code === code);
  expect(found.length, `${code} in ${JSON.stringify(issues)}`).toBeGreaterThan(0);
  expect(found.every((i) => i.severity === 'warning')).toBe(true);
  return found[0]!;
};

describe('lenient reading of legacy spellings', () => {
  it('reads outlet as publisher, with a warning that names the line; strict refuses it', () => {
    const lines = ['sources:', '- title: Reducing Regulation', '  url: https://www.federalregister.gov/d/2017-02451', '  outlet: Federal Register'];
    const { event, issues } = lenient(lines);
    expect(event?.sources[0]?.publisher).toBe('Federal Register');
    expect(warning(issues, 'legacy/outlet').line).toBe(11);
    const refused = strict(lines);
    expect(refused.event).toBeUndefined();
    expect(refused.issues.find((i) => i.code === 'legacy/outlet')?.severity).toBe('error');
  });

  it('reads citations as sources, plain-text citations as titles, archived as archive_url', () => {
    const { event, issues } = lenient([
      'citations:',
      '- Executive Order 13771 (January 30, 2017)',
      '- url: https://www.federalregister.gov/d/2017-02451',
      '  title: Federal Register entry',
      '  archived: https://web.archive.org/web/2024/https://www.federalregister.gov/d/2017-02451',
    ]);
    expect(event?.sources).toEqual([
      { title: 'Executive Order 13771 (January 30, 2017)' },
      { title: 'Federal Register entry', url: 'https://www.federalregister.gov/d/2017-02451', archiveUrl: 'https://web.archive.org/web/2024/https://www.federalregister.gov/d/2017-02451' },
    ]);
    for (const code of ['legacy/citations', 'legacy/citation-text', 'legacy/archived']) warning(issues, code);
  });

  it('reads capture_lane, location lists and status spellings', () => {
    const { event, issues } = lenient(['sources: [{title: A}]', 'capture_lane: Regulatory Capture', 'location: [Washington, D.C., Budapest]', 'status: Validated']);
    expect(event?.captureLanes).toEqual(['Regulatory Capture']);
    expect(event?.location).toBe('Washington; D.C.; Budapest');
    expect(event?.status).toBe('confirmed');
    for (const code of ['legacy/capture-lane', 'legacy/scalar-list', 'legacy/location-list', 'legacy/status']) warning(issues, code);
  });

  it('keeps an unknown status and one-off keys in extra, never dropping them', () => {
    const { event, issues } = lenient(['sources:', '- title: A', '  date_accessed: 2025-09-17', 'status: needs_work', 'patterns: [revolving-door]', 'validation_metadata: {score: 3}']);
    expect(event?.status).toBeUndefined();
    expect(event?.extra).toEqual({ status: 'needs_work', patterns: ['revolving-door'], validation_metadata: { score: 3 } });
    expect(event?.sources[0]?.extra).toEqual({ date_accessed: '2025-09-17' });
    warning(issues, 'legacy/unknown-status');
    expect(issues.filter((i) => i.code === 'legacy/extra-key')).toHaveLength(3);
  });

  it('reads partial and prose source dates at their real precision', () => {
    const { event, issues } = lenient([
      'sources:',
      '- {title: A, date: 2024}',
      "- {title: B, date: '2024-05'}",
      '- {title: C, date: June 2024}',
      '- {title: D, date: "March 3, 2020"}',
      '- {title: E, date: 1990s}',
      "- {title: F, date: ''}",
    ]);
    expect(event?.sources.map((s) => s.date)).toEqual(['2024', '2024-05', '2024-06', '2020-03-03', undefined, undefined]);
    expect(event?.sources[4]?.extra).toEqual({ date: '1990s' });
    expect(issues.filter((i) => i.code === 'legacy/source-date')).toHaveLength(4);
  });

  it('refuses a dangerous URL even in lenient mode', () => {
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:msgbox', 'file:///etc/passwd']) {
      const { event, issues } = lenient(['sources:', '- title: A', `  url: '${url}'`]);
      expect(event, url).toBeUndefined();
      expect(issues.find((i) => i.code === 'security/dangerous-url')?.severity).toBe('error');
    }
  });

  it('moves text that is not a URL into extra and keeps the source', () => {
    const { event, issues } = lenient(['sources:', '- title: A', '  url: Wikipedia', '  outlet: Wikipedia', '- title: B', "  url: ''"]);
    expect(event?.sources[0]).toEqual({ title: 'A', publisher: 'Wikipedia', extra: { url: 'Wikipedia' } });
    expect(event?.sources[1]).toEqual({ title: 'B' });
    warning(issues, 'legacy/url-not-a-url');
    warning(issues, 'legacy/empty-value');
  });

  it('loads legacy ids, leaving their quality to lint; an unsafe one with a warning, for import to repair', () => {
    const ok = parseEvent(legacy(['id: 1976-01-30--buckley-v.-valeo,-ruling', "date: '1976-01-31'", ...HEAD.slice(2), 'sources: [{title: A}]']), { mode: 'lenient' });
    expect(ok.event?.id).toBe('1976-01-30--buckley-v.-valeo,-ruling');
    expect(ok.issues).toEqual([]);
    const findings = lintEvents([{ event: ok.event! }], { rules: ['lint/id-format', 'lint/id-date'] });
    expect(findings.map((f) => f.code)).toEqual(['lint/id-format', 'lint/id-date']);
    const unsafe = parseEvent(legacy(['id: ../../etc/passwd', ...HEAD.slice(1), 'sources: [{title: A}]']), { mode: 'lenient' });
    expect(unsafe.event?.id).toBe('../../etc/passwd');
    expect(unsafe.issues.map((i) => [i.code, i.severity, i.line])).toEqual([['identity/unsafe-id', 'warning', 2]]);
    expect(parseEvent(legacy(['id: ../../etc/passwd', ...HEAD.slice(1), 'sources: [{title: A}]']), { mode: 'strict' }).event).toBeUndefined();
  });

  it('maps tags to kebab-case and drops repeated tags and actors', () => {
    const { event, issues } = parseEvent(legacy([...HEAD.slice(0, 4), 'tags: [Corruption, corruption, Radicalization Infrastructure]', 'actors: [Elon Musk, Elon Musk]', 'sources: [{title: A}]']), { mode: 'lenient' });
    expect(event?.tags).toEqual(['corruption', 'radicalization-infrastructure']);
    expect(event?.actors).toEqual(['Elon Musk']);
    for (const code of ['legacy/tag-format', 'legacy/duplicate-tag', 'legacy/duplicate-actor']) warning(issues, code);
  });

  it('never invents a missing importance or title: importance reads as not rated, a missing title refuses the event', () => {
    const { event, issues } = parseEvent(legacy([HEAD[0]!, HEAD[1]!, 'tags: [x]', 'actors: []', 'sources: [{title: A}]']), { mode: 'lenient' });
    expect(event).toBeUndefined();
    expect(issues.map((i) => i.code).sort()).toEqual(['legacy/missing-importance', 'schema/title']);
  });
});

describe('parseProseDate', () => {
  it('reads month-year and month-day-year forms', () => {
    expect(parseProseDate('June 2024')).toBe('2024-06');
    expect(parseProseDate('Sept. 2024')).toBe('2024-09');
    expect(parseProseDate('9 June 2024')).toBe('2024-06-09');
    expect(parseProseDate('February 30, 2024')).toBeUndefined();
    expect(parseProseDate('1990s')).toBeUndefined();
    expect(parseProseDate('Junk 2024')).toBeUndefined();
  });
});

describe('dates known less precisely than a day, as other corpora write them', () => {
  const base = { id: '1976-01-01--x', title: 'T', summary: 'S', importance: 3, tags: ['a'], actors: [], sources: [{ title: 'A' }] };
  const read = (over: Record<string, unknown>) => normalizeEvent({ ...base, ...over }, 'lenient');
  it('reads circa, start and end dates, and a stated precision, each with its own code, and leaves the record as given', () => {
    const given = { date: 'circa 1976' };
    expect(read(given)).toMatchObject({ candidate: { date: '1976~' }, issues: [{ code: 'legacy/date-circa', path: 'date' }] });
    expect(given).toEqual({ date: 'circa 1976' });
    expect(read({ date: 'c. 1976-05' }).candidate.date).toBe('1976-05~');
    const range = read({ start_date: '2025-03', end_date: '2025-06' });
    expect(range.candidate.date).toBe('2025-03/2025-06');
    expect(range.candidate).not.toHaveProperty('start_date');
    expect(range.issues.map((i) => i.code)).toEqual(['legacy/date-range']);
    expect(read({ date: '2025-03-01', start_date: '2025-03-01', end_date: '2025-03-09' }).candidate.date).toBe('2025-03-01/2025-03-09');
    expect(read({ date: '2025-03-01', date_precision: 'Month' })).toMatchObject({ candidate: { date: '2025-03' }, issues: [{ code: 'legacy/date-precision' }] });
    expect(read({ date: '1142-01-01', date_precision: 'year' }).candidate.date).toBe('1142');
    // Strictly, none of these is read: the keys are unknown and the date is refused later.
    expect(normalizeEvent({ ...base, date: '2025-03-01', date_precision: 'month' }, 'strict').candidate.date).toBe('2025-03-01');
  });
});

describe('the steps of normalisation', () => {
  it('runs in strict mode only what the format does, the status check and the sources: a lenient repair changes nothing strictly', async () => {
    const { EVENT_STEPS } = await import('../../src/normalize/normalizeEvent.js');
    expect(EVENT_STEPS.filter((s) => !s.lenientOnly).map((s) => s.name)).toEqual(['block scalar end', 'year as number', 'status', 'sources']);
    const raw = { id: ' 2025-01-01--x ', date: 2025, title: 'T', summary: 'S\n', tags: 'Courts', actors: ['A', 'A'], sources: [] };
    const strict = normalizeEvent(raw, 'strict').candidate;
    expect(strict).toMatchObject({ id: ' 2025-01-01--x ', date: '2025', summary: 'S', tags: 'Courts', actors: ['A', 'A'] });
    expect(strict).not.toHaveProperty('importance');
    const lenient = normalizeEvent(raw, 'lenient').candidate;
    expect(lenient).toMatchObject({ id: '2025-01-01--x', date: '2025', summary: 'S', tags: ['courts'], actors: ['A'], importance: null });
  });
});
