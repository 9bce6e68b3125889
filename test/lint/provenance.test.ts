import { describe, expect, it } from 'vitest';
import { provenance } from '../../src/index.js';
import { lintEvents } from '../../src/lint.js';
import { makeEvent } from '../helpers/events.js';

const strong = { title: 'Filing', url: 'https://court.example/1', tier: 1, archiveUrl: 'https://web.archive.org/web/1/https://court.example/1' };
const weak = { title: 'Blog', url: 'https://blog.example/2', tier: 3 };

describe('lint/provenance', () => {
  const lint = (events: ReturnType<typeof makeEvent>[], options = {}) => lintEvents(events.map((event) => ({ event })), { rules: ['lint/provenance'], provenance: options }).map((f) => f.message);

  it('asks a confirmed event for a tier 1-2 source and an archive link on every source', () => {
    expect(lint([makeEvent({ status: 'confirmed', sources: [strong] })])).toEqual([]);
    expect(lint([makeEvent({ status: 'confirmed', sources: [weak] })])).toEqual(['confirmed, but no source of tier 1-2, and 1 of 1 source has no archive link']);
    expect(lint([makeEvent({ status: 'confirmed', sources: [strong, weak] })])).toEqual(['confirmed, but 1 of 2 sources have no archive link']);
    // Other statuses are not asked, unless configured.
    expect(lint([makeEvent({ status: 'reported', sources: [weak] })])).toEqual([]);
    expect(lint([makeEvent({ status: 'reported', sources: [weak] })], { statuses: ['reported'], archive: false })).toEqual(['reported, but no source of tier 1-2']);
    expect(lint([makeEvent({ status: 'confirmed', sources: [weak] })], { maxTier: 3, archive: false })).toEqual([]);
  });
});

describe('provenance', () => {
  it('counts events per status with a strong source and full archives, and the citations coverage', () => {
    const result = provenance([
      makeEvent({ status: 'confirmed', sources: [strong] }),
      makeEvent({ status: 'confirmed', sources: [weak, { title: 'Dated', date: '2024-05' }] }),
      makeEvent({ sources: [strong] }),
    ]);
    expect(result.perStatus).toEqual([
      { key: 'confirmed', count: 2 },
      { key: 'none', count: 1 },
    ]);
    expect(result.byStatus).toEqual([
      { status: 'confirmed', events: 2, withStrongSource: 1, fullyArchived: 1 },
      { status: 'none', events: 1, withStrongSource: 1, fullyArchived: 1 },
    ]);
    expect(result.sourceCoverage).toEqual({ sources: 4, withTier: 3, withArchive: 2, withDate: 1, share: { tier: 0.75, archive: 0.5, date: 0.25 } });
  });
});
