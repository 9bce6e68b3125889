import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createActorRegistry, type ActorRegistry } from '../query/createActorRegistry.js';
import type { Issue } from '../model/issue.js';
import { loadActors } from '../node/loadActors.js';
import { loadEvents, type LoadEventsOptions, type LoadEventsResult } from '../node/loadEvents.js';
import { status, type Io } from './io.js';

/** The paths a command reads: the positionals, or `seeds`. */
export const pathsOf = (positionals: string[]) => (positionals.length ? positionals : ['seeds']);

/** Loads events with a progress line on a terminal. */
export async function load(io: Io, paths: string[], options: LoadEventsOptions): Promise<LoadEventsResult> {
  const clear = status(io, `reading ${paths.join(', ')}...`);
  try {
    return await loadEvents(paths, options);
  } finally {
    clear();
  }
}

/** The registry given with --registry, or the actors.yaml of the first folder read. */
export async function registryFor(paths: string[], flag: string | undefined): Promise<{ registry?: ActorRegistry; issues: Issue[] }> {
  const file = flag ?? paths.map((p) => join(p, 'actors.yaml')).find((f) => existsSync(f));
  if (!file) return { issues: [] };
  const { actors, issues } = await loadActors(file);
  return { registry: actors.length ? createActorRegistry(actors) : undefined, issues };
}
