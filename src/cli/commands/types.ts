import type { Io } from '../io.js';

/** A CLI command: its help text and what it does. Returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  help: string;
  run(args: string[], io: Io): Promise<number>;
}
