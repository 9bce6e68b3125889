import { parse } from '../args.js';
import { printIssues, printJson, summary } from '../io.js';
import { countLine, open, pathsOf, reportDropped } from '../load.js';
import type { Command } from './types.js';

export const validate: Command = {
  name: 'validate',
  summary: 'load event files and report problems',
  help: `Usage: democracy-timeline validate [paths...] [--strict] [--json]

Loads every .md, .yaml, .yml and .json event file under the paths (default:
seeds), leniently unless --strict is given, and the actor registry beside
them (actors.yaml or actors.yml in the first path that has one), and reports
each problem as file:line:column  severity  message  [code].

  --strict   the canonical model only: legacy spellings are errors
  --json     one JSON document on stdout: { events, errors, warnings, issues }

Exit status: 0 when there is no error and every file loaded; 1 when there
is an error, a file was not loaded, or a named path does not exist or holds
no event file; 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('validate', args, { strict: { type: 'boolean' }, json: { type: 'boolean' } });
    const project = await open(io, pathsOf(positionals), { mode: values.strict ? 'strict' : 'lenient' });
    const { events, counts } = project;
    const issues = [...project.issues, ...project.registryIssues];
    const errors = issues.filter((i) => i.severity === 'error').length;
    if (values.json) printJson(io, { events: events.length, errors, warnings: issues.length - errors, counts, emptyPaths: project.emptyPaths, issues });
    else {
      printIssues(io, issues);
      summary(io, issues, countLine(counts));
    }
    const dropped = reportDropped(io, project, { hint: 'each is named above', registryShown: true });
    return errors > 0 || dropped ? 1 : 0;
  },
};
