import { openProject, type OpenProjectOptions, type Project } from '../node/openProject.js';
import { status, type Io } from './io.js';

/** The paths a command reads: the positionals, or `seeds`. */
export const pathsOf = (positionals: string[]) => (positionals.length ? positionals : ['seeds']);

/** Opens the event folders with a progress line on a terminal. */
export async function open(io: Io, paths: string[], options: OpenProjectOptions): Promise<Project> {
  const clear = status(io, `reading ${paths.join(', ')}...`);
  try {
    return await openProject(paths, options);
  } finally {
    clear();
  }
}
