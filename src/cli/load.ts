import { existsSync } from 'node:fs';
import type { LoadCounts } from '../node/loadEvents.js';
import { openProject, type OpenProjectOptions, type Project } from '../node/openProject.js';
import { status, type Io } from './io.js';

/** The paths a command reads: the positionals, or `seeds`. */
export const pathsOf = (positionals: string[]) => (positionals.length ? positionals : ['seeds']);

/** `1 file`, `2 files`. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Opens the event folders with a progress line on a terminal. */
export async function open(io: Io, paths: string[], options: OpenProjectOptions): Promise<Project> {
  const clear = status(io, `reading ${paths.join(', ')}...`);
  try {
    return await openProject(paths, options);
  } finally {
    clear();
  }
}

/** The one way every command says what it read: `2,052 files read, 1,931 events loaded`. */
export function countLine(counts: LoadCounts, verb = 'loaded'): string {
  return `${plural(counts.files, 'file')} read, ${plural(counts.events, 'event')} ${verb}`;
}

/** What was not loaded, in words: `117 duplicate ids, 4 with errors`. */
function droppedParts(counts: LoadCounts): string[] {
  const parts: string[] = [];
  if (counts.duplicates) parts.push(plural(counts.duplicates, 'duplicate id'));
  if (counts.refused) parts.push(`${counts.refused.toLocaleString('en-US')} with errors`);
  if (counts.notRead) parts.push(`${counts.notRead.toLocaleString('en-US')} not read`);
  return parts;
}

/**
 * Says on stderr what a command did not load: each named path that does not
 * exist or holds no event file, and one line counting the files left out.
 * Returns the exit status this asks for: 1 when anything was left out.
 */
export function reportDropped(io: Io, project: Project, hint = "run 'democracy-timeline validate' for details"): number {
  for (const path of project.emptyPaths) {
    io.err(existsSync(path) ? `${path}: holds no event file (.md, .markdown, .yaml, .yml or .json)\n` : `${path}: does not exist\n`);
  }
  const { counts } = project;
  const dropped = counts.duplicates + counts.refused + counts.notRead;
  if (dropped) io.err(`${plural(dropped, 'file')} of ${counts.files.toLocaleString('en-US')} not loaded: ${droppedParts(counts).join(', ')}; ${hint}\n`);
  return project.emptyPaths.length || dropped ? 1 : 0;
}
