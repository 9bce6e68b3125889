import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvent, stringifyEvent } from '../../src/index.js';
import { loadEvents } from '../../src/node/index.js';
import { CORPUS, HAS_CORPUS } from '../helpers/corpus.js';

describe.skipIf(!HAS_CORPUS)('the real corpus (../shared/corpus/kleptocracy-timeline)', () => {
  it('gives every file an event or an issue naming it, and loads at least 99% leniently', async () => {
    const files = readdirSync(CORPUS).map((f) => join(CORPUS, f));
    const { events, issues } = await loadEvents(CORPUS, { mode: 'lenient' });
    const withIssue = new Set(issues.map((i) => i.file));
    const loadedIds = new Set(events.map((e) => e.id));
    for (const file of files) {
      const { event } = parseEvent(readFileSync(file, 'utf8'), { file, mode: 'lenient' });
      expect(event !== undefined || withIssue.has(file), file).toBe(true);
      if (event && !loadedIds.has(event.id)) expect(withIssue.has(file), file).toBe(true);
    }
    const refused = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.file));
    expect(1 - refused.size / files.length).toBeGreaterThanOrEqual(0.99);
    expect(issues.every((i) => i.file !== undefined && i.code.includes('/'))).toBe(true);
  });

  it('explains every strict refusal with an error naming the file and a line', async () => {
    const { events, issues, counts } = await loadEvents(CORPUS, { mode: 'strict' });
    const total = readdirSync(CORPUS).length;
    const refused = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.file));
    expect(counts.files).toBe(total);
    expect(counts.events + counts.notRead + counts.refused + counts.duplicates).toBe(total);
    expect(events.length + refused.size).toBe(total);
    for (const issue of issues.filter((i) => i.severity === 'error' && !i.code.startsWith('file/'))) {
      expect(issue.line, `${issue.file} ${issue.code}`).toBeGreaterThan(0);
    }
  });

  it('round-trips every event: written canonically and read again, no value changes', async () => {
    const { events } = await loadEvents(CORPUS, { mode: 'lenient' });
    const out = mkdtempSync(join(tmpdir(), 'dt-corpus-'));
    try {
      for (const event of events) {
        const text = stringifyEvent(event);
        expect(parseEvent(text, { mode: 'lenient' }).event).toEqual(event);
        writeFileSync(join(out, `${String(events.indexOf(event)).padStart(5, '0')}.md`), text);
      }
      const again = await loadEvents(out, { mode: 'lenient' });
      expect(again.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(again.events).toEqual(events);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
