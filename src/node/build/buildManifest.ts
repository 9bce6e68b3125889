import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Actor } from '../../model/actor.js';
import type { Event } from '../../model/event.js';
import { deriveDataset } from '../../query/deriveDataset.js';
import { makeDir } from '../files/makeDir.js';
import { writeFileAtomic } from '../files/writeFileAtomic.js';
import { renderDatasetFiles } from './renderDatasetFiles.js';

// Bump when the rendered files change for the same inputs.
export const BUILD_FORMAT = 'democracy-timeline-build-2';

/**
 * A fingerprint of what this code renders: every file of the dataset for a
 * fixed event with a date range, a bare link and an unrated importance,
 * hashed. A warm build is trusted only when it matches the last build's,
 * so a new version of the package (or of a schema or table it writes)
 * never leaves data/ stale behind a manifest that says it is up to date.
 */
let fingerprint: Promise<string> | undefined;
export function codeFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const event: Event = {
      id: '2000-01-01--fingerprint',
      date: '2000-01/2000-03',
      title: 'A fixed event, "quoted", with é',
      summary: 'Its summary, with a comma, and a line\n\nbreak.',
      importance: null,
      tags: ['a-tag'],
      actors: ['Someone'],
      sources: [{ title: 'A source', url: 'https://example.org/a', publisher: 'P', date: '2000-01', tier: 1 }, { url: 'https://example.org/b' }],
      formerIds: ['2000-01-01--before'],
      status: 'confirmed',
    };
    const actors: Actor[] = [{ id: 'someone', name: 'Someone', aliases: [], kind: 'person' }];
    const hash = createHash('sha1');
    for await (const [name, content] of renderDatasetFiles(deriveDataset([event], actors).dataset, actors, '0.0.0', undefined, { name: 'fingerprint' })) {
      hash.update(name);
      for (const piece of typeof content === 'string' || content instanceof Uint8Array ? [content] : content) hash.update(piece);
    }
    return hash.digest('hex');
  })();
  return fingerprint;
}

export interface Manifest {
  format: string;
  inputs: string;
  files: { path: string; size: number; mtimeMs: number }[];
}

/** Whether the last build's manifest has these inputs and every file it wrote is as it left it (size and modification time). */
export function unchanged(manifestFile: string, inputs: string, out: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (manifest.format !== BUILD_FORMAT || manifest.inputs !== inputs) return false;
    return manifest.files.every((f) => {
      const stat = statSync(join(out, f.path), { throwIfNoEntry: false });
      return stat !== undefined && stat.size === f.size && stat.mtimeMs === f.mtimeMs;
    });
  } catch {
    return false;
  }
}

/** Records what this build read and wrote, so the next one with the same inputs has nothing to do. */
export function writeManifest(manifestFile: string, inputs: string, out: string, files: string[]): void {
  try {
    const manifest: Manifest = {
      format: BUILD_FORMAT,
      inputs,
      files: files.map((path) => {
        const stat = statSync(join(out, path));
        return { path, size: stat.size, mtimeMs: stat.mtimeMs };
      }),
    };
    makeDir(dirname(manifestFile));
    writeFileAtomic(manifestFile, JSON.stringify(manifest));
  } catch {
    // without a manifest the next build renders again; nothing else is lost
  }
}

/** The files the last build wrote, as its manifest lists them. */
export function manifestFiles(manifestFile: string): string[] {
  return (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest).files.map((f) => f.path);
}
