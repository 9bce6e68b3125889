import { readFileSync } from 'node:fs';
import { nearest, UsageError } from './args.js';
import { build } from './commands/build.js';
import { site } from './commands/site.js';
import { diff } from './commands/diff.js';
import { exportCommand } from './commands/export.js';
import { fix } from './commands/fix.js';
import { get } from './commands/get.js';
import { importCommand } from './commands/import.js';
import { lint } from './commands/lint.js';
import { links } from './commands/links.js';
import { newCommand } from './commands/new.js';
import { query } from './commands/query.js';
import { stats } from './commands/stats.js';
import type { Command } from './commands/types.js';
import { validate } from './commands/validate.js';
import { processIo } from './io.js';

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

const VERSION = packageVersion();
const COMMANDS: Command[] = [get, importCommand, validate, lint, fix, links, diff, build, site, exportCommand, query, stats, newCommand];

const HELP = `Usage: democracy-timeline <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join('\n')}

Paths default to seeds; every command reads leniently unless --strict is
given. Run 'democracy-timeline <command> --help' for a command's options.

Options: --help, --version`;

async function main(argv: string[], io = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(`${HELP}\n`);
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(`${HELP}\n`);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${VERSION}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    const guess = nearest(name, COMMANDS.map((c) => c.name));
    throw new UsageError(`unknown command "${name}"${guess ? `; did you mean ${guess}?` : ''}; run 'democracy-timeline --help'`);
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.help}\n`);
    return 0;
  }
  return command.run(rest, io);
}

/** An error from the operating system (ENOENT, EISDIR, EACCES...), with the path it concerns. */
function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && /^E[A-Z]+$/.test((error as NodeJS.ErrnoException).code!);
}

// A reader that stops early (| head) is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`democracy-timeline: ${error.message}\n`);
      process.exitCode = 2;
    } else if (isSystemError(error)) {
      // A file that cannot be written or read is the user's to fix: one line, no stack.
      process.stderr.write(`democracy-timeline: ${error.path ? `${error.path}: ` : ''}${error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '')} (${error.code})\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`democracy-timeline: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
