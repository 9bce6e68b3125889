import { fixFiles } from '../../node/fix/fixFiles.js';
import { openRegistry } from '../../node/load/openProject.js';
import { parse } from '../args.js';
import { bold, count, dim, plural, printDiff, printIssues, printJson } from '../io.js';
import { progress } from '../progress.js';
import { pathsOf } from '../load.js';
import type { Command } from './types.js';

export const fix: Command = {
  name: 'fix',
  summary: 'show the safe fixes as a diff, or apply them',
  help: `Usage: democracy-timeline fix [paths...] [--write] [--format] [--actors] [--registry FILE] [--json]

Shows, as a unified diff, the safe fixes for the event files under the paths
(default: seeds): legacy field names to the canonical ones, unknown keys
moved under extra, mis-decoded UTF-8 repaired; with --actors, actor names to
the registry's. Only what is fixed changes, in every format: in Markdown and
YAML the lines of a fixed field (comments, a byte-order mark, key order,
quoting and wrapping stay as written, a comment ending a rewritten line
too); in JSON the fixed members (key order, indentation and one-line
objects stay). Meaning never changes and nothing is dropped. A file with
errors, a key given twice (the reader keeps one value, so a rewrite would
lose the other) or fixes that cannot be made by editing only their lines
is left alone, and the reason said. The diff's headers are a/PATH and
b/PATH, so 'git apply' and 'patch -p1' take it whatever the file names.

  --write          apply the fixes (each file replaced atomically)
  --format         also write each file in the canonical layout (key order,
                   quoting, an extra mapping last), as import writes it;
                   a file with a key given twice is still left alone
  --actors         also write actor names as the registry spells them
  --registry FILE  the actor registry (default: actors.yaml in the first path)
  --json           one JSON document on stdout: { changed, written, files,
                   errors }; each file has its changes and its edits, each
                   edit with line, column, rule, path, old and new text
                   (written: whether --write was given)

Exit status: 0, or 1 when a file could not be fixed or was left alone, 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('fix', args, { write: { type: 'boolean' }, format: { type: 'boolean' }, actors: { type: 'boolean' }, registry: { type: 'string' }, json: { type: 'boolean' } });
    const paths = pathsOf(positionals);
    const { registry } = values.actors ? await openRegistry(paths, values.registry) : {};
    const line = progress(io, 'fixing', { unit: 'file' });
    let fixed;
    try {
      fixed = fixFiles(paths, { registry, write: values.write, layout: values.format ? 'canonical' : 'keep', onProgress: (done, total) => line.update(done, total) });
    } finally {
      line.end();
    }
    const { files: changedFiles, issues: errors } = fixed;
    if (values.json) {
      const files = changedFiles.map(({ file, changes, edits, rewritten }) => ({ file, changes, rewritten, edits: edits.map((e) => ({ file, ...e })) }));
      printJson(io, { changed: changedFiles.length, written: Boolean(values.write), files, errors });
    } else {
      for (const { file, before, after, rewritten } of changedFiles) {
        if (values.write) {
          io.out(`${bold(io, file)}${rewritten ? dim(io, ' (canonical layout)') : ''}\n`);
          continue;
        }
        printDiff(io, file, before, after);
      }
      if (errors.length) printIssues(io, errors);
      const edits = changedFiles.reduce((n, f) => n + f.edits.length, 0);
      io.out(`\n${plural(changedFiles.length, 'file')} ${values.write ? 'fixed' : 'to fix (run with --write)'}, ${plural(edits, 'edit')}${errors.length ? `, ${count(new Set(errors.map((e) => e.file)).size)} with errors left alone` : ''}\n`);
    }
    return errors.length ? 1 : 0;
  },
};
