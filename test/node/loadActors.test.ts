import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadActors } from '../../src/node/index.js';
import { SEEDS } from '../helpers/corpus.js';

describe('loadActors', () => {
  it('reads the seeds registry', async () => {
    expect((await loadActors(join(SEEDS, 'actors.yaml'))).actors.map((a) => a.id)).toEqual(['donald-trump', 'kassym-jomart-tokayev', 'marco-rubio']);
  });

  it('refuses a registry over the size limit without reading it all', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dt-actors-'));
    try {
      const file = join(dir, 'actors.yaml');
      writeFileSync(file, `# ${'x'.repeat(5 * 1024 * 1024)}\n`);
      expect((await loadActors(file, { maxBytes: 4 * 1024 * 1024 })).issues.map((i) => i.code)).toEqual(['file/too-large']);
      expect((await loadActors(file)).issues).toEqual([]);
      // The default limit, 64 MiB: a sparse file past it is refused before a byte is read.
      truncateSync(file, 64 * 1024 * 1024 + 1);
      expect((await loadActors(file)).issues.map((i) => i.code)).toEqual(['file/too-large']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
