import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = existsSync(join(ROOT, 'dist/index.js'));
const run = (cmd: string, args: string[], cwd: string) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

// npm test builds the bundles before vitest runs; on its own, build first.
describe.skipIf(!BUILT)('the packed tarball, installed in an empty folder', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dt-pack-'));
    run('npm', ['pack', '--pack-destination', dir, '--silent'], ROOT);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    run('npm', ['install', `./${tarball}`, '--no-audit', '--no-fund', '--prefer-offline', '--silent'], dir);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("shares the user's own zod 4 (a peer dependency): one copy, and the guide's z.extend recipe works", () => {
    // A project that pinned an earlier zod 4.6 before installing the package.
    const own = mkdtempSync(join(tmpdir(), 'dt-zod-'));
    try {
      writeFileSync(join(own, 'package.json'), JSON.stringify({ name: 'own-zod', private: true, type: 'module', dependencies: { zod: '4.6.2' } }));
      const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
      run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent'], own);
      run('npm', ['install', join(dir, tarball), '--no-audit', '--no-fund', '--prefer-offline', '--silent'], own);
      expect(existsSync(join(own, 'node_modules/democracy-timeline/node_modules/zod'))).toBe(false);
      writeFileSync(
        join(own, 'recipe.mjs'),
        `import * as z from 'zod/mini';
         import { EventSchema } from 'democracy-timeline';
         import { events } from 'democracy-timeline/data';
         import { createRequire } from 'node:module';
         const MyEvent = z.extend(EventSchema, { region: z.optional(z.string()) });
         console.log(JSON.stringify([createRequire(import.meta.url)('zod/package.json').version, MyEvent.safeParse({}).success, MyEvent.safeParse({ ...events[0], region: 'Central Asia' }).success]));`,
      );
      expect(JSON.parse(run('node', ['recipe.mjs'], own))).toEqual(['4.6.2', false, true]);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 120_000);

  it("resolves every relative link of its README and guides inside the package", () => {
    const pkg = join(dir, 'node_modules', 'democracy-timeline');
    const broken: string[] = [];
    for (const doc of ['README.md', ...readdirSync(join(pkg, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]) {
      const text = readFileSync(join(pkg, doc), 'utf8');
      for (const [, target] of text.matchAll(/\]\(((?!https?:|#|mailto:)[^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (!existsSync(join(pkg, doc, '..', target!))) broken.push(`${doc} -> ${target}`);
      }
    }
    // docs/api is generated (npm run docs), not shipped: the README says so in words, not a link.
    expect(broken).toEqual([]);
  });

  it('loads in ESM: the root, ./node, ./data and a raw data file', () => {
    writeFileSync(
      join(dir, 'esm.mjs'),
      `import { EventSchema, parseEvent } from 'democracy-timeline';
       import { loadEvents } from 'democracy-timeline/node';
       import { toJSONSchema } from 'democracy-timeline/json-schema';
       import { events, actors, tags, sources, stats, dataset } from 'democracy-timeline/data';
       import raw from 'democracy-timeline/data/events.json' with { type: 'json' };
       import { readFileSync } from 'node:fs';
       const csv = readFileSync(new URL(import.meta.resolve('democracy-timeline/data/events.csv')), 'utf8');
       const loaded = await loadEvents('node_modules/democracy-timeline/seeds');
       console.log(JSON.stringify({
         valid: EventSchema.safeParse(events[0]).success,
         same: JSON.stringify(raw) === JSON.stringify(events),
         loaded: loaded.events.length, issues: loaded.issues.length,
         parse: typeof parseEvent,
         counts: [events.length, actors.length, tags.length, sources.length, stats.events],
         csv: csv.startsWith('id,date,'),
         schema: toJSONSchema('event').required.length,
         dataset: [dataset.name, dataset.version, dataset.licenses[0].name],
       }));`,
    );
    expect(JSON.parse(run('node', ['esm.mjs'], dir))).toEqual({ valid: true, same: true, loaded: 1, issues: 0, parse: 'function', counts: [1, 3, 4, 3, 1], csv: true, schema: 8, dataset: ['democracy-timeline', '0.1.0', 'CC-BY-SA-4.0'] });
  });

  it('gives Node a few bundled files, one copy shared by the entries, and bundlers the per-module files', () => {
    writeFileSync(
      join(dir, 'resolve.mjs'),
      `const at = (s) => import.meta.resolve(s).replace(/.*democracy-timeline\\//, '');
       console.log(JSON.stringify([at('democracy-timeline'), at('democracy-timeline/node'), at('democracy-timeline/lint')]));`,
    );
    expect(JSON.parse(run('node', ['resolve.mjs'], dir))).toEqual(['dist/for-node/index.js', 'dist/for-node/node.js', 'dist/for-node/lint.js']);
    // A few files for Node to load, not one per module.
    const chunks = readdirSync(join(dir, 'node_modules/democracy-timeline/dist/for-node'));
    expect(chunks.length).toBeLessThan(16);
    const pkg = JSON.parse(run('node', ['-p', "JSON.stringify(require('./node_modules/democracy-timeline/package.json').exports['.'].import)"], dir));
    expect(pkg.default).toBe('./dist/index.js');
  });

  it('loads in CommonJS', () => {
    writeFileSync(
      join(dir, 'cjs.cjs'),
      `const { EventSchema } = require('democracy-timeline');
       const { events, stats } = require('democracy-timeline/data');
       const { loadEvents } = require('democracy-timeline/node');
       console.log(JSON.stringify({ valid: EventSchema.safeParse(events[0]).success, load: typeof loadEvents, stats: stats.events }));`,
    );
    expect(JSON.parse(run('node', ['cjs.cjs'], dir))).toEqual({ valid: true, load: 'function', stats: 1 });
  });

  it('type-checks a consumer in ESM and CJS with node16 resolution', () => {
    writeFileSync(
      join(dir, 'use.mts'),
      `import { EventSchema, type Event, type Source, type Actor } from 'democracy-timeline';
       import { events } from 'democracy-timeline/data';
       import { loadEvents } from 'democracy-timeline/node';
       const e: Event = events[0]!;
       const s: Source | undefined = e.sources[0];
       const kind: Actor['kind'] = 'person';
       // @ts-expect-error importance is a number
       const bad: string = e.importance;
       export const out = [EventSchema.parse(e).id, s?.url, kind, bad, loadEvents];`,
    );
    writeFileSync(
      join(dir, 'use.cts'),
      `import { EventSchema, type Event } from 'democracy-timeline';
       import { events } from 'democracy-timeline/data';
       const e: Event = events[0]!;
       export const id: string = EventSchema.parse(e).id;`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', strict: true, noEmit: true, skipLibCheck: false, types: [], lib: ['es2022', 'dom'] }, files: ['use.mts', 'use.cts'] }),
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    expect(() => run('node', [tsc, '-p', 'tsconfig.json'], dir)).not.toThrow();
  });

  it('runs the democracy-timeline binary', () => {
    const out = run('npx', ['--no-install', 'democracy-timeline', 'validate', 'node_modules/democracy-timeline/seeds', '--strict'], dir);
    expect(out).toContain('1 file read, 1 event loaded: 0 errors');
    expect(run('npx', ['--no-install', 'democracy-timeline', '--version'], dir).trim()).toBe('0.1.0');
  });
});
