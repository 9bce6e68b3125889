import { parse } from '../args.js';
import { printIssues, printJson, summary } from '../io.js';
import { open, pathsOf } from '../load.js';
import type { Command } from './types.js';

export const validate: Command = {
  name: 'validate',
  summary: 'load event files and report problems',
  help: `Usage: democracy-timeline validate [paths...] [--strict] [--json]

Loads every .md, .yaml, .yml and .json event file under the paths (default:
seeds), leniently unless --strict is given, and reports each problem as
file:line:column  severity  message  [code].

  --strict   the canonical model only: legacy spellings are errors
  --json     one JSON document on stdout: { events, errors, warnings, issues }

Exit status: 0 when there is no error, 1 when there is any, 2 for a usage error.`,
  async run(args, io) {
    const { values, positionals } = parse('validate', args, { strict: { type: 'boolean' }, json: { type: 'boolean' } });
    const { events, issues } = await open(io, pathsOf(positionals), { mode: values.strict ? 'strict' : 'lenient' });
    const errors = issues.filter((i) => i.severity === 'error').length;
    if (values.json) printJson(io, { events: events.length, errors, warnings: issues.length - errors, issues });
    else {
      printIssues(io, issues);
      summary(io, issues, `${events.length} events loaded`);
    }
    return errors > 0 ? 1 : 0;
  },
};
