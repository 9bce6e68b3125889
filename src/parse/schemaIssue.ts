import type { core } from 'zod/mini';
import { fileKeyOf } from '../model/fieldTable.js';
import { formatPath, type Locator } from '../model/fieldPath.js';
import { createIssue, type Issue } from '../model/issue.js';

// A field that is missing is reported at the start of the file.
const START = { line: 1, column: 1 };

/** A value, shortened for a message. */
export function describeInput(input: unknown): string {
  if (input === undefined) return 'nothing';
  let text: string;
  try {
    text = JSON.stringify(input) ?? String(input);
  } catch {
    text = String(input);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function hasPath(root: unknown, path: readonly (string | number)[]): boolean {
  let node: unknown = root;
  for (const part of path) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return false;
    node = (node as Record<string | number, unknown>)[part];
  }
  return true;
}

/** Where a schema issue comes from and how to name it. */
export interface SchemaIssueContext {
  /** The code's first part: `schema` for events, `actors` for the registry. */
  prefix: 'schema' | 'actors' | 'dataset';
  /** The code's field when the issue is about the whole value (`schema/event`, `actors/list`). */
  root: string;
  /** The value that was validated, to tell a missing field from a wrong one. */
  candidate: unknown;
  /** Where a field is written. */
  locate: Locator;
  /** The file. */
  file?: string;
}

/**
 * Turns one zod issue into an issue: the code names the field (`schema/sources.url`),
 * the message and path spell the field as the file does, and the position is
 * where the field is written (the start of the file when it is missing).
 *
 * @param zi - the zod issue
 * @param context - the prefix, the value, the locator and the file
 * @returns the issue
 */
export function schemaIssue(zi: core.$ZodIssue, context: SchemaIssueContext): Issue {
  const path = zi.path.filter((p): p is string | number => typeof p !== 'symbol');
  const filePath = path.map((p) => (typeof p === 'string' ? fileKeyOf(p) : p));
  const field = path.filter((p) => typeof p === 'string').join('.');
  const where = formatPath(filePath);
  let message: string;
  if (zi.code === 'unrecognized_keys') {
    message = `${where ? `${where}: ` : ''}unknown ${zi.keys.length > 1 ? 'keys' : 'key'} ${zi.keys.join(', ')}`;
  } else {
    const missing = zi.input === undefined && !hasPath(context.candidate, path);
    message = `${where ? `${where}: ` : ''}${zi.message}${missing ? ', but it is missing' : `, got ${describeInput(zi.input)}`}`;
  }
  return createIssue('error', `${context.prefix}/${field || context.root}`, message, { file: context.file, ...(context.locate(filePath) ?? START), path: where });
}
