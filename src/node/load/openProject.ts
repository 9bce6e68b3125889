import { createActorRegistry, type ActorRegistry } from '../../model/createActorRegistry.js';
import type { Issue } from '../../model/issue.js';
import { loadActors } from './loadActors.js';
import { loadEvents, type LoadEventsOptions, type LoadEventsResult } from './loadEvents.js';
import { findRegistryFile } from './registryFile.js';

/** Options for {@link openProject}. */
export interface OpenProjectOptions extends LoadEventsOptions {
  /** The actor registry file, or false to read none. Default: `actors.yaml` in the first folder that has one. */
  registry?: string | false;
}

/** An event folder opened: its events, its registry and every issue of both. */
export interface Project extends LoadEventsResult {
  /** The paths read. */
  paths: string[];
  /** The registry file used, if any. */
  registryFile?: string;
  /** The registry, when there is one and it is valid. */
  registry?: ActorRegistry;
  /** The registry's issues (the events' are in `issues`). */
  registryIssues: Issue[];
}

/**
 * Opens event folders the way every command does: the events (leniently or
 * strictly), and the actor registry named or found beside them.
 *
 * @param paths - folders and files; default `seeds`
 * @param options - the loader's options and the registry file
 * @returns the events, files, issues and counts, with the registry
 *
 * @example
 * ```ts
 * const project = await openProject(['seeds'], { mode: 'lenient' });
 * [project.counts.events, project.registry?.entries.length];
 * // => [1, 3]
 * ```
 */
export async function openProject(paths: readonly string[] = ['seeds'], options: OpenProjectOptions = {}): Promise<Project> {
  const list = paths.length ? [...paths] : ['seeds'];
  const { registry: named, ...loadOptions } = options;
  const loaded = await loadEvents(list, loadOptions);
  const registry = named === false ? { issues: [] } : await openRegistry(list, named);
  const project: Project = { ...loaded, paths: list, registryIssues: registry.issues };
  if (registry.file !== undefined) project.registryFile = registry.file;
  if (registry.registry) project.registry = registry.registry;
  return project;
}

/** The outcome of {@link openRegistry}. */
export interface OpenRegistryResult {
  /** The registry file used, if any. */
  file?: string;
  /** The registry, when there is one and it is valid. */
  registry?: ActorRegistry;
  /** What is wrong with it. */
  issues: Issue[];
}

/**
 * Opens the actor registry of event folders: the file named, or
 * `actors.yaml` in the first folder that has one.
 *
 * @param paths - the folders being read
 * @param file - the registry file, when named
 * @returns the registry (when valid), its file and its issues
 *
 * @example
 * ```ts
 * (await openRegistry(['seeds'])).registry?.resolve('Trump')?.id;
 * // => 'donald-trump'
 * ```
 */
export async function openRegistry(paths: readonly string[], file?: string): Promise<OpenRegistryResult> {
  const registryFile = file ?? findRegistryFile(paths);
  if (registryFile === undefined) return { issues: [] };
  const { actors, issues } = await loadActors(registryFile);
  // Reading the registry checked that each spelling names one actor.
  return { file: registryFile, issues, ...(actors.length ? { registry: createActorRegistry(actors) } : {}) };
}
