import { existsSync } from 'node:fs';
import type { LoadCounts } from '../node/load/loadEvents.js';
import { EVENT_EXTENSIONS } from '../parse/parseEvent.js';
import { openProject, type OpenProjectOptions, type Project } from '../node/load/openProject.js';
import { count, plural, printable, type Io } from './io.js';
import { progress } from './progress.js';

const dotted = EVENT_EXTENSIONS.map((ext) => `.${ext}`);
/** What a command says of a folder with no event file in it, naming the extensions read. */
export const HOLDS_NO_EVENT_FILE = `holds no event file (${dotted.slice(0, -1).join(', ')} or ${dotted.at(-1)})`;

/** The paths a command reads: the positionals, or `seeds`. */
export const pathsOf = (positionals: string[]) => (positionals.length ? positionals : ['seeds']);

export { count, plural } from './io.js';

/** Opens the event folders with a progress line on a terminal. */
export async function open(io: Io, paths: string[], options: OpenProjectOptions): Promise<Project> {
  const line = progress(io, `reading ${paths.join(', ')}`, { unit: 'file' });
  try {
    return await openProject(paths, { ...options, onProgress: (done, total) => line.update(done, total) });
  } finally {
    line.end();
  }
}

/** The one way every command says what it read: `2,052 files read, 1,931 events loaded`; a dataset file's records are counted too. */
export function countLine(counts: LoadCounts, verb = 'loaded'): string {
  const records = counts.records !== counts.files ? ` (${plural(counts.records, 'record')})` : '';
  const skipped = counts.skipped ? `, ${plural(counts.skipped, 'file')} not ${counts.skipped === 1 ? 'an event' : 'events'} (skipped)` : '';
  const hidden = counts.hiddenFolders ? `, ${plural(counts.hiddenFolders, 'hidden folder')} not searched` : '';
  return `${plural(counts.files, 'file')} read${records}, ${plural(counts.events, 'event')} ${verb}${skipped}${hidden}`;
}

/** What was not loaded, in words: `117 duplicate ids, 4 with errors`. */
function droppedParts(counts: LoadCounts): string[] {
  const parts: string[] = [];
  if (counts.duplicates) parts.push(plural(counts.duplicates, 'duplicate id'));
  if (counts.refused) parts.push(`${count(counts.refused)} with errors`);
  if (counts.notRead) parts.push(`${count(counts.notRead)} not read`);
  return parts;
}

/** Options for {@link reportDropped}. */
export interface ReportOptions {
  /** Where the user finds each file named (default: run validate). */
  hint?: string;
  /** The command printed the registry's issues itself. */
  registryShown?: boolean;
}

/**
 * Says on stderr what a command did not load: each named path that does not
 * exist or holds no event file, one line counting the files (or records)
 * left out, and an actor registry that could not be used, with its first
 * error. Returns the exit status this asks for: 1 when anything was left out.
 */
export function reportDropped(io: Io, project: Project, options: ReportOptions = {}): number {
  const hint = options.hint ?? "run 'democracy-timeline validate' for details";
  for (const path of project.emptyPaths) {
    io.err(existsSync(path) ? `${path}: ${HOLDS_NO_EVENT_FILE}\n` : `${path}: does not exist\n`);
  }
  const { counts } = project;
  const dropped = counts.duplicates + counts.refused + counts.notRead;
  const unit = counts.records !== counts.files ? 'record' : 'file';
  if (dropped) io.err(`${plural(dropped, unit)} of ${count(counts.records)} not loaded: ${droppedParts(counts).join(', ')}; ${hint}\n`);
  const registryErrors = project.registryIssues.filter((i) => i.severity === 'error');
  if (registryErrors.length && !options.registryShown) {
    const first = registryErrors[0]!;
    io.err(`${printable(first.file ?? 'the actor registry')}${first.line !== undefined ? `:${first.line}:${first.column ?? 1}` : ''}: ${printable(first.message)} [${first.code}]${registryErrors.length > 1 ? ` (and ${plural(registryErrors.length - 1, 'more error')})` : ''}; the actor registry is not used\n`);
  }
  return project.emptyPaths.length || dropped || registryErrors.length ? 1 : 0;
}
