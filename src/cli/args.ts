import { parseArgs, type ParseArgsConfig } from 'node:util';
import { editDistance } from '../model/editDistance.js';

/** A mistake in how the command was called: exit 2 with a one-line hint. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Values that start with a dash but are choices, not flags: `--sort -importance`. */
const DASHED_VALUES = new Set(['-date', '-importance']);

/**
 * The known word nearest to a mistyped one, when it is near enough (a third
 * of its letters at most, and never more than three edits).
 */
export function nearest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.ceil(word.length / 3));
  for (const candidate of known) {
    const d = editDistance(word, candidate);
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Parses a command's arguments strictly; unknown flags are usage errors with the nearest flag suggested. */
export function parse<T extends Options>(command: string, args: string[], options: T) {
  // A string flag followed by a dashed choice takes it as its value.
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const name = arg.startsWith('--') ? arg.slice(2) : undefined;
    if (name && options[name]?.type === 'string' && DASHED_VALUES.has(args[i + 1] ?? '')) {
      joined.push(`${arg}=${args[++i]}`);
    } else joined.push(arg);
  }
  try {
    return parseArgs({ args: joined, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(/\. To specify a positional.*$/, '');
    const unknown = /Unknown option '--?([^']+)'/.exec(message)?.[1];
    const guess = unknown === undefined ? undefined : nearest(unknown, Object.keys(options));
    throw new UsageError(`${command}: ${message}${guess ? `; did you mean --${guess}?` : ''}; run 'democracy-timeline ${command} --help'`);
  }
}

/** A whole number from a flag, or a usage error. */
export function int(command: string, flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`${command}: --${flag} takes a whole number, got "${value}"`);
  return Number(value);
}
