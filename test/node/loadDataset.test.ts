import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as shipped from '../../src/data.js';
import { loadDataset } from '../../src/node/index.js';

const DATA = fileURLToPath(new URL('../../data', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'dt-load-dataset-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the package's data folder at `work/name/data`, changed by `change`. */
function copy(name: string, change?: (dir: string) => void): string {
  const dir = join(work, name, 'data');
  cpSync(DATA, dir, { recursive: true });
  change?.(dir);
  return dir;
}

describe('loadDataset', () => {
  it('gives a built folder in the shape democracy-timeline/data gives the package’s own', async () => {
    const loaded = await loadDataset(DATA);
    const { path, ...rest } = loaded;
    expect(path).toBe(DATA);
    expect(rest).toEqual({ events: shipped.events, actors: shipped.actors, tags: shipped.tags, sources: shipped.sources, stats: shipped.stats, tombstones: shipped.tombstones, dataset: shipped.dataset });
  });

  it('takes the folder get --out makes, with data/ inside', async () => {
    const dir = copy('outer');
    const loaded = await loadDataset(join(dir, '..'));
    expect(loaded.path).toBe(dir);
    expect(loaded.events.map((e) => e.id)).toEqual(shipped.events.map((e) => e.id));
  });

  it('names the file and the line of an event that does not meet the model', async () => {
    const dir = copy('bad-event', (d) => writeFileSync(join(d, 'events.json'), '[\n  { "id": "x" }\n]\n'));
    await expect(loadDataset(dir)).rejects.toThrow(/events\.json:2:\d+: .*\[schema\//);
  });

  it('names a file that is missing or not what build writes', async () => {
    const missing = copy('no-tags', (d) => rmSync(join(d, 'tags.json')));
    await expect(loadDataset(missing)).rejects.toThrow(/tags\.json.*(does not exist|could not be read)/);
    const wrong = copy('stats-list', (d) => writeFileSync(join(d, 'stats.json'), '[]\n'));
    await expect(loadDataset(wrong)).rejects.toThrow(/stats\.json: expected a JSON object/);
    const broken = copy('tombstones-cut', (d) => writeFileSync(join(d, 'tombstones.json'), '[{"id": '));
    await expect(loadDataset(broken)).rejects.toThrow(/tombstones\.json: not JSON/);
  });

  it('says when a folder is not a built dataset, and what to run', async () => {
    await expect(loadDataset(join(DATA, '..', 'seeds'))).rejects.toThrow(/not a built data folder.*democracy-timeline build/);
  });
});
