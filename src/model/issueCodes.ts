/**
 * How bad an issue with a code is: always an error, always a warning, or
 * `legacy`: an error when reading strictly, a warning when reading leniently.
 */
export type CodeSeverity = 'error' | 'warning' | 'legacy';

/** What the catalogue says of one code. */
export interface IssueCodeInfo {
  /** How bad it is. */
  readonly severity: CodeSeverity;
  /** What it means, in one line, for the docs' table. */
  readonly meaning: string;
}

/**
 * Every code a reader, the loader or the build reports, documented once.
 * The table in `docs/maintaining.md` is generated from it; lint rules keep
 * their codes and descriptions in `RULES`.
 *
 * @example
 * ```ts
 * ISSUE_CODES['file/too-large'].severity;
 * // => 'error'
 * ```
 */
export const ISSUE_CODES = {
  'file/read': { severity: 'error', meaning: 'the file could not be read (the message gives the system\'s reason)' },
  'file/too-large': { severity: 'error', meaning: 'the file is over the size limit (1 MiB by default; 64 MiB for `actors.yaml`); in a dataset file (`events.json`, `events.ndjson`) the limit is per record, and only that record is refused' },
  'file/not-a-file': { severity: 'error', meaning: 'a FIFO, a device or a folder where a file was expected; it is never opened for reading, so nothing waits on it' },
  'file/symlink': { severity: 'warning', meaning: 'a symbolic link inside a folder: skipped, since links are not followed out of the folder; name the file to read it' },
  'file/dataset': { severity: 'error', meaning: 'a built dataset file (`events.json`, `events.ndjson`) given to a command that edits event files (`fix`): `build` makes the dataset from the seeds, so edit those' },
  'file/symlink-write': { severity: 'error', meaning: 'a file to be written is a symbolic link: no writer writes through one, so it is left alone; write the file it points to' },
  'file/hidden': { severity: 'warning', meaning: 'a hidden file (its name starts with a dot) found in a folder: not read; rename it to read it (hidden folders are not searched)' },
  'text/nul': { severity: 'error', meaning: 'a NUL character: not a text file' },
  'text/invalid-utf8': { severity: 'warning', meaning: 'bytes that are not UTF-8, read as U+FFFD' },
  'frontmatter/missing': { severity: 'error', meaning: 'no YAML front matter, an unclosed one, or another language (`---js` is never run)' },
  'frontmatter/fence': { severity: 'error', meaning: 'a line inside the front matter starts with `---` but is not a fence (`----------`, `--- # note`); only a line that is exactly `---` closes the front matter' },
  'yaml/syntax': { severity: 'error', meaning: 'YAML that does not parse, or a custom tag (`!!js/function`)' },
  'yaml/duplicate-key': { severity: 'legacy', meaning: 'a key given twice in one mapping (the message names it); the last value is used' },
  'yaml/alias-limit': { severity: 'error', meaning: 'aliases that expand past 100,000 values or 16 MiB of text, or past the size of a longer text itself (an alias bomb)' },
  'yaml/empty': { severity: 'error', meaning: 'empty front matter' },
  'json/syntax': { severity: 'error', meaning: 'JSON that does not parse; in a dataset file, a record that does not, or a file cut short (every record before the cut loads)' },
  'parse/not-an-object': { severity: 'error', meaning: 'the file (or a dataset record) holds a list or a scalar, not key-value pairs; a list of events is read as a dataset when named directly or as a data folder' },
  'parse/internal': { severity: 'error', meaning: 'the reader failed on this file; the others still load' },
  'schema/<field>': { severity: 'error', meaning: 'a field breaks the model, e.g. `schema/importance`, `schema/sources.url`' },
  'security/dangerous-url': { severity: 'error', meaning: 'a `javascript:`, `data:`, `vbscript:` or `file:` link' },
  'security/url-control': { severity: 'legacy', meaning: 'a control or bidirectional character in a link (an escape sequence could drive a terminal that shows it): percent-encoded when reading leniently, an error when strictly' },
  'security/forbidden-key': { severity: 'legacy', meaning: 'a `__proto__`, `constructor` or `prototype` key, dropped' },
  'identity/file-name': { severity: 'legacy', meaning: 'the id differs from the file name (the loader checks it when reading strictly; lint always)' },
  'identity/unsafe-id': { severity: 'legacy', meaning: 'an id that is not safe as a file name (a `/`, a `\\` or `..`): read leniently as it is; `import` repairs it and keeps it in `former_ids`' },
  'identity/duplicate-id': { severity: 'legacy', meaning: 'another file (or dataset record) has the same id; the file named after the id is kept, else the first in path order' },
  'identity/former-id': { severity: 'legacy', meaning: 'a former id that is an event id (its own or another event\u2019s), or that two events claim: a link to it would find the wrong event, or either (an error when reading strictly; lint always)' },
  'legacy/outlet': { severity: 'legacy', meaning: '`outlet` read as `publisher`' },
  'legacy/citations': { severity: 'legacy', meaning: '`citations` read as `sources`' },
  'legacy/citation-text': { severity: 'legacy', meaning: 'a citation given as plain text, read as a source title' },
  'legacy/archived': { severity: 'legacy', meaning: '`archived` read as `archive_url`' },
  'legacy/key-spelling': { severity: 'legacy', meaning: '`archiveUrl` read as `archive_url`' },
  'legacy/capture-lane': { severity: 'legacy', meaning: '`capture_lane` (or `captureLanes`) read as `capture_lanes`' },
  'legacy/scalar-list': { severity: 'legacy', meaning: 'one value where a list belongs, read as a list' },
  'legacy/tag-format': { severity: 'legacy', meaning: 'a tag not in kebab-case, read as its slug' },
  'legacy/duplicate-tag': { severity: 'legacy', meaning: 'a tag listed twice, dropped' },
  'legacy/duplicate-actor': { severity: 'legacy', meaning: 'an actor listed twice, dropped' },
  'legacy/duplicate-capture-lane': { severity: 'legacy', meaning: 'a capture lane listed twice, dropped' },
  'legacy/missing-importance': { severity: 'legacy', meaning: 'no `importance` key, read as `null`: not rated (a value is never invented)' },
  'legacy/unwritable': { severity: 'legacy', meaning: 'a NUL or half a surrogate pair in text (a JSON `\\u0000` or `\\ud800`), which no file can hold: read as U+FFFD' },
  'legacy/missing-tags': { severity: 'legacy', meaning: 'no `tags` key, read as no tags (the event loads, with `lint/no-tags`)' },
  'legacy/null-item': { severity: 'legacy', meaning: 'an empty item in a list (`- ` alone, or `- #MeToo`, which YAML reads as a comment), dropped; quote a value that starts with `#`' },
  'legacy/missing-actors': { severity: 'legacy', meaning: 'no `actors` key, read as none named' },
  'legacy/status': { severity: 'legacy', meaning: 'a status spelling read as a known status (`Validated` as `confirmed`)' },
  'legacy/unknown-status': { severity: 'legacy', meaning: 'a status outside the list, kept in `extra`' },
  'legacy/location-list': { severity: 'legacy', meaning: '`location` as a list, joined with `; `' },
  'legacy/date-circa': { severity: 'legacy', meaning: 'an event date written `circa 1976` (`c.`, `ca.`, `about`), read as `1976~`' },
  'legacy/date-range': { severity: 'legacy', meaning: '`start_date` and `end_date` read as one date, a range `A/B`' },
  'legacy/date-precision': { severity: 'legacy', meaning: 'a day with `date_precision: month` (or `year`) read as the month (or year) it stands for' },
  'legacy/source-date': { severity: 'legacy', meaning: 'a prose or numeric source date read at its precision (`June 2024` as `2024-06`), or kept in `extra`' },
  'legacy/tier-text': { severity: 'legacy', meaning: 'a tier written as text, read as a number' },
  'legacy/url-not-a-url': { severity: 'legacy', meaning: 'text that is not a link (an outlet name), moved to the source\'s `extra`' },
  'legacy/empty-value': { severity: 'legacy', meaning: 'an optional value that is empty or null, dropped' },
  'legacy/untrimmed': { severity: 'legacy', meaning: 'surrounding white space or line breaks removed' },
  'legacy/extra-key': { severity: 'legacy', meaning: 'a key the model does not know, kept in `extra`' },
  'legacy/summary-in-frontmatter': { severity: 'legacy', meaning: 'the summary is in the front matter and the body is empty' },
  'actors/<field>': { severity: 'error', meaning: '`actors.yaml` breaks the actor model' },
  'actors/spelling': { severity: 'error', meaning: 'two `actors.yaml` entries claim one spelling, so a name could mean either' },
  'actors/duplicate-id': { severity: 'error', meaning: '`actors.yaml` gives one id to two entries' },
  'actors/shared-reference': { severity: 'warning', meaning: 'two `actors.yaml` entries give the same cross-reference id (`ids.wikidata`...): perhaps one actor under two entries' },
  'dataset/<field>': { severity: 'error', meaning: '`dataset.yaml` (what a dataset says of itself) breaks its model, e.g. `dataset/version`' },
  'actors/unknown': { severity: 'error', meaning: 'an event names an actor the registry does not know (build)' },
  'links/dead': { severity: 'error', meaning: 'a source link answers 404 or 410 (`links`)' },
  'links/redirected': { severity: 'warning', meaning: 'a source link answers after redirects; the message says where it now lands' },
  'links/blocked': { severity: 'warning', meaning: 'a source link answers 401, 403 or 429: the server refuses the check, the page may be fine' },
  'links/http-error': { severity: 'warning', meaning: 'a source link answers another 4xx' },
  'links/server-error': { severity: 'warning', meaning: 'a source link answers 5xx, after retries' },
  'links/timeout': { severity: 'warning', meaning: 'no complete answer in time, after retries' },
  'links/dns': { severity: 'warning', meaning: 'the host name of a source link resolves to nothing' },
  'links/tls': { severity: 'warning', meaning: 'no secure connection: a bad certificate, or a server that does not speak TLS' },
  'links/connection': { severity: 'warning', meaning: 'the connection was refused or closed before the answer was complete, after retries' },
  'links/redirect-loop': { severity: 'warning', meaning: 'redirects that come back to a page already seen, or go on past the limit' },
  'links/not-checkable': { severity: 'warning', meaning: 'a link that is not http: or https:, not a URL, or whose host is not on the public internet (loopback, private, link-local: never asked unless `--allow-private`)' },
  'fix/repeated-key': { severity: 'error', meaning: 'a key given twice in a file: the reader keeps the last value, so `fix` leaves the file alone rather than drop the others; merge them by hand' },
  'fix/not-in-place': { severity: 'error', meaning: 'a fix that cannot be made by editing only the lines it concerns (an unusual layout): `fix` leaves the file alone; `fix --format` writes it in the canonical layout' },
  'build/previous': { severity: 'error', meaning: 'the previous release named for `changes.json` could not be read' },
  'build/version': { severity: 'error', meaning: 'a build against a previous release with no version to stamp its changes and tombstones with: give `--data-version`, or `version` in `dataset.yaml`' },
  'build/foreign-files': { severity: 'error', meaning: 'the output folder holds files the build did not write (any file its `datapackage.json` does not list, but a README); the build writes nothing and deletes nothing' },
} as const satisfies Record<string, IssueCodeInfo>;

/**
 * A code a reader, the loader or the build reports: one of
 * {@link ISSUE_CODES}, with `schema/<field>` and `actors/<field>` standing
 * for every field.
 */
export type ReadIssueCode = Exclude<keyof typeof ISSUE_CODES, 'schema/<field>' | 'actors/<field>' | 'dataset/<field>'> | `schema/${string}` | `actors/${string}` | `dataset/${string}`;

/** A lint rule's code: `lint/...`, or one of the identity codes the loader shares with lint. */
export type LintCode = `lint/${string}` | 'identity/file-name' | 'identity/duplicate-id' | 'identity/former-id';

/** Every code an issue can carry. */
export type IssueCode = ReadIssueCode | LintCode;

/**
 * The severity of a code when reading in a mode: `legacy` codes are errors
 * when strict and warnings when lenient.
 *
 * @param code - a catalogued code (`schema/...` and `actors/...` are errors)
 * @param mode - `strict` or `lenient`
 * @returns `error` or `warning`
 *
 * @example
 * ```ts
 * severityOf('legacy/outlet', 'lenient');
 * // => 'warning'
 * ```
 */
export function severityOf(code: ReadIssueCode, mode: 'strict' | 'lenient'): 'error' | 'warning' {
  const info = (ISSUE_CODES as Record<string, IssueCodeInfo>)[code];
  const severity = info?.severity ?? 'error';
  return severity === 'legacy' ? (mode === 'strict' ? 'error' : 'warning') : severity;
}
