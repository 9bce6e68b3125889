import { existsSync } from 'node:fs';
import { importEvents } from '../../node/import/importEvents.js';
import { parse, UsageError } from '../args.js';
import { shownPair } from '../excerpt.js';
import { bold, count, plural, printable, printIssues, printJson } from '../io.js';
import { HOLDS_NO_EVENT_FILE } from '../load.js';
import { progress, type Progress } from '../progress.js';
import type { Command } from './types.js';
import { countThenKey } from '../../model/compareText.js';


const n = count;

/** Codes of a value a file wrote that the event does not hold: an item YAML read as empty, a key given twice, text no file can carry. */
const DROPS_A_VALUE = new Set<string>(['legacy/null-item', 'yaml/duplicate-key', 'legacy/unwritable']);
/** Codes the report's counts already say: twins merged, ids repaired. */
const SAID_ABOVE = new Set<string>(['identity/duplicate-id', 'identity/unsafe-id', 'identity/file-name']);

export const importCommand: Command = {
  name: 'import',
  summary: 'turn any event folder into canonical seeds and an actor registry',
  help: `Usage: democracy-timeline import <paths...> --out DIR [--registry FILE] [--dry-run] [--json]

Reads every event file under the paths leniently (md, yaml, json, every
legacy form the reader maps) and writes DIR: one canonical Markdown file per
event, named after its id, and DIR/actors.yaml, so that 'validate --strict'
and 'build --seeds DIR' accept it with no error. Nothing is lost and nothing
is invented:

- files that share an id are merged into one event: the Markdown file
  leads and, where two texts differ, the fuller one wins; the other value
  goes to extra.twin_values, under its file's path, and is reported
- an id that breaks the id rule (or is unsafe as a file name) is repaired
  (its date, a clean slug, clear of every id in use and of the files in
  DIR) and the old one kept in former_ids
- an event without tags gets tags: [] (lint warns); an empty list item
  (- #MeToo: YAML reads a comment) is dropped with a warning
- _index.md, other _-prefixed Markdown and README files are not events:
  skipped and counted; hidden folders are not searched
- keys the model does not know are kept under extra
- an event without importance is not rated (importance: null); a citation
  that is only a link is a source without a title
- actors.yaml gets an entry for each identity the events name (their
  spellings as aliases, no guessed kind), merged into the one in DIR:
  entries already there keep their hand edits

Every input file is reported: imported as id X, merged into X, refused
(with its errors), not read, or skipped as not an event. A value a file
wrote that the event does not hold (an item YAML reads as empty, a key
given twice) is shown at its line; every other note on what was mapped is
counted ('validate' lists each). A file already as the import would write it
is left alone, so importing DIR again changes no byte.

  --out DIR    the folder to write (created if missing)
  --registry FILE  start the registry from this one (a previous release's
               actors.yaml, or a data folder's actors.json) when DIR holds
               none: every actor keeps its id, only new ones are added
  --dry-run    write nothing; report what would be written
  --json       one JSON document on stdout: { counts, files, repairedIds, conflicts, registry, written, strangers }

Exit status: 0 when every file became an event (imported or merged), 1 when
a file was refused or could not be read, 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('import', args, { out: { type: 'string' }, registry: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } });
    if (!positionals.length) throw new UsageError("import: name the folders or files to import; run 'democracy-timeline import --help'");
    if (!values.out) throw new UsageError("import: --out DIR is required; run 'democracy-timeline import --help'");
    let result;
    try {
      const reading = progress(io, 'reading', { unit: 'file' });
      let writing: Progress | undefined;
      result = await importEvents(positionals, {
        out: values.out,
        registry: values.registry,
        dryRun: values['dry-run'],
        onProgress: (step) => {
          if (step.phase === 'read') reading.update(step.done, step.total);
          else {
            reading.end();
            writing ??= progress(io, 'writing', { unit: 'file' });
            writing.update(step.done, step.total);
          }
        },
      }).finally(() => {
        reading.end();
        writing?.end();
      });
    } catch (error) {
      // An actors.yaml with errors in DIR: nothing is written until it is fixed.
      if (!(error instanceof TypeError)) throw error;
      io.err(`democracy-timeline: ${error.message.replace('importEvents: ', 'import: ')}\n`);
      return 1;
    }
    const { counts } = result;
    const failed = counts.refused + counts.notRead + result.emptyPaths.length;
    if (values.json) {
      const { events: _events, issues: _issues, emptyPaths: _empty, ...report } = result;
      printJson(io, report);
      return failed ? 1 : 0;
    }
    const bad = result.files.flatMap((f) => (f.fate === 'refused' || f.fate === 'not-read' ? f.issues.filter((i) => i.severity === 'error') : []));
    // A value the file wrote that the event does not hold is shown at its line, with the errors.
    const dropped = result.issues.filter((i) => i.severity !== 'error' && DROPS_A_VALUE.has(i.code));
    if (bad.length + dropped.length) printIssues({ ...io, out: io.err }, [...bad, ...dropped]);
    // Each conflict in two short lines: which value was kept, and where the two differ.
    for (const c of result.conflicts) {
      const size = (v: unknown) => (typeof v === 'string' ? plural(v.length, 'character') : 'a value');
      const [kept, other] = shownPair(c.kept, c.other, 60);
      io.err(`conflict: ${printable(c.id)} ${c.field}: kept ${printable(c.file)} (${size(c.kept)}); ${printable(c.otherFile)} (${size(c.other)}) is in extra.twin_values\n  ${printable(kept)}\n  ${printable(other)}\n`);
    }
    const verb = values['dry-run'] ? 'would write' : 'wrote';
    io.out(
      `${bold(io, `${plural(counts.files, 'file')} read${counts.records !== counts.files ? ` (${plural(counts.records, 'record')})` : ''}`)}: ${n(counts.imported)} imported, ${n(counts.merged)} merged into a twin, ${n(counts.refused)} refused, ${n(counts.notRead)} not read${counts.skipped ? `, ${n(counts.skipped)} not ${counts.skipped === 1 ? 'an event' : 'events'} (skipped)` : ''}${counts.hiddenFolders ? `, ${plural(counts.hiddenFolders, 'hidden folder')} not searched` : ''}\n` +
        `${plural(result.events.length, 'event')}; ${plural(counts.idsRepaired, 'id')} repaired (old ids kept in former_ids); ${plural(counts.conflicts, 'conflict')} between twins\n` +
        `${result.registry.file}: ${plural(result.registry.entries, 'identity', 'identities')} (${n(result.registry.added)} new, ${plural(result.registry.aliasesAdded, 'alias', 'aliases')} added to entries already there), ${plural(result.registry.spellings, 'spelling')}\n` +
        `${verb} ${plural(result.written.length, 'file')} to ${values.out}; ${n(result.unchanged)} already up to date\n`,
    );
    for (const path of result.emptyPaths) io.err(`${path}: ${existsSync(path) ? HOLDS_NO_EVENT_FILE : 'does not exist'}\n`);
    if (result.events.length === 0) io.err(`nothing written${values['dry-run'] ? '' : ` (${values.out} is left as it was)`}: no event to import\n`);
    if (result.strangers.length) io.err(`${values.out} also holds ${plural(result.strangers.length, 'event file')} this import did not make (${result.strangers.slice(0, 3).join(', ')}${result.strangers.length > 3 ? ', ...' : ''}); they are left alone, and a build reads them too\n`);
    // Every other reading note, counted: validate lists each at its line.
    const notes = new Map<string, number>();
    for (const i of result.issues) if (i.severity !== 'error' && !DROPS_A_VALUE.has(i.code) && !SAID_ABOVE.has(i.code)) notes.set(i.code, (notes.get(i.code) ?? 0) + 1);
    if (notes.size) {
      const listed = [...notes].sort(countThenKey((e) => e[1], (e) => e[0]));
      const total = listed.reduce((t, [, k]) => t + k, 0);
      io.err(`read with ${plural(total, 'note')} on what was mapped (${listed.slice(0, 4).map(([code, k]) => `${n(k)} ${code}`).join(', ')}${listed.length > 4 ? `, ${plural(listed.length - 4, 'other kind')}` : ''}); 'democracy-timeline validate' lists each at its line\n`);
    }
    if (counts.refused + counts.notRead) io.err(`${plural(counts.refused + counts.notRead, counts.records !== counts.files ? 'record' : 'file')} not imported; see the errors above\n`);
    return failed ? 1 : 0;
  },
};
