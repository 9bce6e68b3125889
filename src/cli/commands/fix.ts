import { fixText } from '../../lint/fixText.js';
import { eventFiles } from '../../node/loadEvents.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { readTextFile } from '../../node/readTextFile.js';
import { DEFAULT_MAX_LENGTH } from '../../parse/parseEvent.js';
import type { Issue } from '../../model/issue.js';
import { parse } from '../args.js';
import { bold, dim, printIssues, printJson } from '../io.js';
import { pathsOf, registryFor } from '../load.js';
import type { Command } from './types.js';

export const fix: Command = {
  name: 'fix',
  summary: 'show, or apply, the safe fixes',
  help: `Usage: democracy-timeline fix [paths...] [--write] [--actors] [--registry FILE] [--json]

Shows the safe fixes for the event files under the paths (default: seeds):
legacy field names to the canonical ones, mis-decoded UTF-8 repaired, the
canonical layout; with --actors, actor names to the registry's. Meaning
never changes and nothing is dropped: unknown keys are kept. Files with
errors are left alone and listed.

  --write          apply the fixes (each file replaced atomically)
  --actors         also write actor names as the registry spells them
  --registry FILE  the actor registry (default: actors.yaml in the first path)
  --json           one JSON document on stdout: { changed, files, errors }

Exit status: 0, or 1 when a file could not be fixed, 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('fix', args, { write: { type: 'boolean' }, actors: { type: 'boolean' }, registry: { type: 'string' }, json: { type: 'boolean' } });
    const paths = pathsOf(positionals);
    const { registry } = values.actors ? await registryFor(paths, values.registry) : {};
    const changedFiles: { file: string; changes: string[] }[] = [];
    const errors: Issue[] = [];
    const buffer = Buffer.allocUnsafe(DEFAULT_MAX_LENGTH + 1);
    for (const { file, inFolder } of eventFiles(paths)) {
      const text = readTextFile(file, buffer, errors, { followLinks: !inFolder });
      if (text === undefined) continue;
      const result = fixText(text, { file, registry });
      errors.push(...result.errors);
      if (!result.changed) continue;
      changedFiles.push({ file, changes: result.changes.length ? result.changes : ['canonical layout'] });
      if (values.write) writeFileAtomic(file, result.text);
    }
    if (values.json) printJson(io, { changed: changedFiles.length, written: Boolean(values.write), files: changedFiles, errors });
    else {
      for (const { file, changes } of changedFiles) {
        io.out(`${bold(io, file)}\n`);
        for (const change of changes) io.out(`  ${dim(io, '-')} ${change}\n`);
      }
      if (errors.length) printIssues(io, errors);
      io.out(`\n${changedFiles.length} ${changedFiles.length === 1 ? 'file' : 'files'} ${values.write ? 'fixed' : 'to fix (run with --write)'}${errors.length ? `, ${new Set(errors.map((e) => e.file)).size} with errors left alone` : ''}\n`);
    }
    return errors.length ? 1 : 0;
  },
};
