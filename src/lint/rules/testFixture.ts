import { foldText } from '../../model/foldText.js';
import { finding } from '../finding.js';
import type { LintEntry, LintRule } from '../types.js';

/** Words no real event is made of: filler text and the names of fakes. */
const FILLER = /\b(?:lorem ipsum|dolor sit amet|placeholder|dummy|fixture|asdf|qwerty|foo ?bar)\b/;

/**
 * A title (or id slug) that announces itself as a test: it starts with
 * `test`, `sample`, `example` or `demo` and then names the record itself
 * (`Test Markdown Event`, `test-entry-2`), or is that word alone. A title
 * that uses the word for what happened (`Central Hudson test`, `Loyalty
 * testing`, `Test case on voting rights`) does not.
 */
const SELF_NAMED = /^(?:test|testing|sample|example|demo)(?:[\s-]+\d+)?(?:$|[\s-]+(?:event|entry|markdown|file|item|record|title|page|content|yaml|json)\b)/;

/** What gives an event away as test data, if anything. */
function giveaway({ event }: LintEntry): string | undefined {
  const title = foldText(event.title).trim();
  const slug = event.id.includes('--') ? event.id.slice(event.id.indexOf('--') + 2) : event.id;
  if (SELF_NAMED.test(title)) return `its title "${event.title}" names it a test`;
  if (SELF_NAMED.test(slug)) return `its id "${event.id}" names it a test`;
  const filler = FILLER.exec(title) ?? FILLER.exec(foldText(event.summary));
  return filler ? `it holds "${filler[0]}"` : undefined;
}

/** Leftover test data. */
export const testFixtureRule: LintRule = {
  code: 'lint/test-fixture',
  severity: 'warning',
  description: 'An event that looks like test data: a title or id that names the record a test (Test Markdown Event, test-entry), or filler text (lorem ipsum, placeholder, dummy, fixture). A title using "test" for what happened is not one. Remove it.',
  check(entry) {
    const why = giveaway(entry);
    return why ? [finding(this, entry, `"${entry.event.title}" looks like test data: ${why}`, { path: 'title' })] : [];
  },
};
