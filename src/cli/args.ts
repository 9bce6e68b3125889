import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called: exit 2 with a one-line hint. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments strictly; unknown flags are usage errors. */
export function parse<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(/\. To specify a positional.*$/, '');
    throw new UsageError(`${command}: ${message}; run 'democracy-timeline ${command} --help'`);
  }
}

/** A whole number from a flag, or a usage error. */
export function int(command: string, flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) throw new UsageError(`${command}: --${flag} takes a whole number, got "${value}"`);
  return Number(value);
}
