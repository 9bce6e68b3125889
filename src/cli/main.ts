import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../model/issue.js';
import { buildDataset } from '../node/buildDataset.js';
import { loadEvents } from '../node/loadEvents.js';

const HELP = `Usage: democracy-timeline <command> [options]

Commands:
  validate [paths...]   load event files and report problems (default path: seeds)
  build                 build data/ from seeds/

Run 'democracy-timeline <command> --help' for a command's options.
Options: --help, --version`;

const COMMAND_HELP: Record<string, string> = {
  validate: `Usage: democracy-timeline validate [paths...] [--strict] [--json]

Loads every .md, .yaml, .yml and .json event file under the paths (default:
seeds), leniently unless --strict is given, and reports each problem as
file:line:column  severity  message  [code].

  --strict   read the canonical model only; legacy spellings are errors
  --json     print one JSON document: { events, errors, warnings, issues }

Exit status: 0 when no error, 1 when any error, 2 for a usage error.`,
  build: `Usage: democracy-timeline build [--seeds seeds] [--out data] [--check]

Loads the seeds strictly and writes the dataset files into the output folder.

  --seeds DIR  the seeds folder (default: seeds)
  --out DIR    the output folder (default: data)
  --check      write nothing; exit 1 and name each file that is out of date
  --no-cache   parse every file (by default unchanged files are reused from
               node_modules/.cache/democracy-timeline)`,
};

function formatIssue(issue: Issue): string {
  const where = [issue.file ?? '<input>', issue.line, issue.column].filter((x) => x !== undefined).join(':');
  return `${where}  ${issue.severity}  ${issue.message}  [${issue.code}]`;
}

class UsageError extends Error {}

/** The package's version: dist/cli.js sits one folder below package.json, src/cli/main.ts two. */
function packageVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'democracy-timeline' && pkg.version) return pkg.version;
    } catch {
      // try the next folder up
    }
  }
  return '0.0.0';
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (!(command in COMMAND_HELP)) throw new UsageError(`unknown command "${command}"; run 'democracy-timeline --help'`);
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${COMMAND_HELP[command]}\n`);
    return 0;
  }
  if (command === 'validate') {
    const { values, positionals } = parse(rest, { strict: { type: 'boolean' }, json: { type: 'boolean' } }, true);
    const { events, issues } = await loadEvents(positionals.length ? positionals : ['seeds'], {
      mode: values.strict ? 'strict' : 'lenient',
    });
    const errors = issues.filter((i) => i.severity === 'error').length;
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ events: events.length, errors, warnings: issues.length - errors, issues }, null, 2)}\n`);
    } else {
      for (const issue of issues) process.stdout.write(`${formatIssue(issue)}\n`);
      process.stdout.write(`${events.length} events loaded, ${errors} errors, ${issues.length - errors} warnings\n`);
    }
    return errors > 0 ? 1 : 0;
  }
  const { values } = parse(rest, { seeds: { type: 'string' }, out: { type: 'string' }, check: { type: 'boolean' }, 'no-cache': { type: 'boolean' } }, false);
  const result = await buildDataset({
    seeds: values.seeds,
    out: values.out,
    check: values.check,
    version: packageVersion(),
    cache: values['no-cache'] ? undefined : join('node_modules', '.cache', 'democracy-timeline'),
  });
  for (const issue of result.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  if (!result.ok && result.stale.length === 0) {
    process.stderr.write('build stopped: the seeds have errors\n');
    return 1;
  }
  if (values.check) {
    for (const name of result.stale) process.stderr.write(`stale: ${name}\n`);
    process.stdout.write(result.ok ? `data is up to date (${result.files.length} files)\n` : `${result.stale.length} stale files; run democracy-timeline build\n`);
    return result.ok ? 0 : 1;
  }
  process.stdout.write(`built ${result.files.length} files from ${result.dataset?.events.length ?? 0} events\n`);
  return 0;
}

function parse<T extends Record<string, { type: 'string' | 'boolean' }>>(args: string[], options: T, allowPositionals: boolean) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`democracy-timeline: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`democracy-timeline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
