import { fixFiles } from '../../node/fixFiles.js';
import { openRegistry } from '../../node/openProject.js';
import { parse } from '../args.js';
import { bold, dim, printIssues, printJson } from '../io.js';
import { pathsOf } from '../load.js';
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
  --json           one JSON document on stdout: { changed, written, files, errors }
                   (written: whether --write was given)

Exit status: 0, or 1 when a file could not be fixed, 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('fix', args, { write: { type: 'boolean' }, actors: { type: 'boolean' }, registry: { type: 'string' }, json: { type: 'boolean' } });
    const paths = pathsOf(positionals);
    const { registry } = values.actors ? await openRegistry(paths, values.registry) : {};
    const { files: changedFiles, issues: errors } = fixFiles(paths, { registry, write: values.write });
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
