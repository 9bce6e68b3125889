import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventTemplate } from '../../format/eventTemplate.js';
import { parse, UsageError } from '../args.js';
import type { Command } from './types.js';
import { makeDir } from '../../node/files/makeDir.js';

export const newCommand: Command = {
  name: 'new',
  summary: 'write a new event file with the right id and file name',
  help: `Usage: democracy-timeline new --date DATE --title "..." [--dir seeds]

Writes DIR/YYYY-MM-DD--slug-of-the-title.md (the date's first day) with the id, date and title set
and the fields still to fill (importance, tags, actors, sources, the
summary) left empty; it does not validate until they are filled in. Opens
nothing; prints the path.

  --date DATE  when the event happened, as precisely as it is known: a day
               2025-11-06, a month 2025-11, a year 2025, about 1142~,
               perhaps 2025-03?, a range 2025-03/2025-06
  --title T    the headline
  --dir DIR    the folder (default: seeds, which must exist; a folder named
               with --dir is created when missing)

Exit status: 0, 1 when a file with this id already exists (in any event
format) or the folder cannot be written, 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('new', args, { date: { type: 'string' }, title: { type: 'string' }, dir: { type: 'string' } });
    if (positionals.length) throw new UsageError(`new: takes no paths (got ${positionals.map((p) => JSON.stringify(p)).join(', ')}); name the folder with --dir; run 'democracy-timeline new --help'`);
    if (!values.date || !values.title) throw new UsageError("new: --date and --title are required; run 'democracy-timeline new --help'");
    let template;
    try {
      template = eventTemplate(values.date, values.title);
    } catch (error) {
      throw new UsageError(`new: ${(error as Error).message.replace('eventTemplate: ', '')}`);
    }
    const dir = values.dir ?? 'seeds';
    // Like every other command, new works in seeds unless told otherwise; it
    // does not make a seeds folder beside events that live elsewhere.
    if (values.dir === undefined && !existsSync(dir)) {
      throw new UsageError("new: there is no seeds folder here; name the events folder with --dir (it is created when missing)");
    }
    const file = join(dir, template.fileName);
    // The same id in any event format is the same event.
    const taken = ['md', 'markdown', 'yaml', 'yml', 'json'].map((ext) => join(dir, `${template.id}.${ext}`)).find((f) => existsSync(f));
    if (taken) {
      io.err(`${taken} already exists with the id ${template.id}\n`);
      return 1;
    }
    makeDir(dir);
    writeFileSync(file, template.text, { flag: 'wx' });
    io.out(`${file}\n`);
    return 0;
  },
};
