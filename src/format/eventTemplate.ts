import { dateStart, parseDate } from '../model/edtf.js';
import { slugify } from '../model/ids.js';
import { dumpYaml } from '../parse/yaml.js';

/** A new event file: its id, file name and text. */
export interface EventTemplate {
  /** `YYYY-MM-DD--slug-of-the-title`. */
  id: string;
  /** The id with `.md`. */
  fileName: string;
  /** The Markdown text, with the fields still to fill left empty. */
  text: string;
}

/**
 * A new event file for a date and a title: the right id and file name, and
 * the fields still to fill (importance, tags, actors, sources, the summary)
 * left empty, so the file does not validate until they are filled in. No
 * value is guessed.
 *
 * @param date - any date the model takes: a day `YYYY-MM-DD`, a month, a year, `~` or `?`, a range `A/B`; the id starts with its first day
 * @param title - the headline
 * @returns the id, file name and text
 *
 * @example
 * ```ts
 * eventTemplate('2025-11-06', 'Kazakhstan joins the Abraham Accords').fileName;
 * // => '2025-11-06--kazakhstan-joins-the-abraham-accords.md'
 * eventTemplate('2025-11', 'A month to remember').id;
 * // => '2025-11-01--a-month-to-remember'
 * ```
 */
export function eventTemplate(date: string, title: string): EventTemplate {
  if (!parseDate(date)) throw new TypeError(`eventTemplate: expected a real date: a day YYYY-MM-DD, a month YYYY-MM or a year YYYY, perhaps with ~ (about) or ? (perhaps), or a range A/B; got ${JSON.stringify(date)}`);
  const cleanTitle = title.trim().replace(/\s+/g, ' ');
  const slug = slugify(cleanTitle).slice(0, 60).replace(/-+$/, '');
  if (!slug) throw new TypeError('eventTemplate: the title needs letters or digits');
  const id = `${dateStart(date)}--${slug}`;
  const head = dumpYaml({ id, date, title: cleanTitle });
  const text = `---\n${head}importance:\ntags: []\nactors: []\nsources:\n- title:\n  url:\n  publisher:\n  tier:\n---\n\n`;
  return { id, fileName: `${id}.md`, text };
}
