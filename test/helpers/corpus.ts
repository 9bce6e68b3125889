import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real corpus beside the repository, when it is there. */
export const CORPUS = fileURLToPath(new URL('../../../shared/corpus/kleptocracy-timeline/events', import.meta.url));
export const HAS_CORPUS = existsSync(CORPUS);

/** The repository's seeds folder. */
export const SEEDS = fileURLToPath(new URL('../../seeds', import.meta.url));
export const SEED_FILE = `${SEEDS}/2025-11-06--kazakhstan-abraham-accords-announcement.md`;
export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
