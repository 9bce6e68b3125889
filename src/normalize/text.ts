import { isIsoPartialDate } from '../model/dates.js';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/**
 * Joins the lines of a text with single spaces: every run of white space
 * that holds a line break becomes one space. Linear in the text (a regular
 * expression such as `\s*\n\s*` backtracks on long runs of spaces).
 */
export function joinLines(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ');
}

/** Reads `June 2024`, `June 9, 2024`, `9 June 2024` as an ISO date; undefined otherwise. */
export function parseProseDate(text: string): string | undefined {
  const t = text.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  const pad = (n: number) => String(n).padStart(2, '0');
  let m = /^([a-z]+)\.? (\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS.findIndex((name) => name === m![1] || (m![1]!.length >= 3 && name.startsWith(m![1]!)));
    return month >= 0 ? `${m[2]}-${pad(month + 1)}` : undefined;
  }
  m = /^([a-z]+)\.? (\d{1,2}) (\d{4})$/.exec(t) ?? /^(\d{1,2}) ([a-z]+)\.? (\d{4})$/.exec(t);
  if (m) {
    const [name, day] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    const month = MONTHS.findIndex((n) => n === name || (name.length >= 3 && n.startsWith(name)));
    const iso = month >= 0 ? `${m[3]}-${pad(month + 1)}-${pad(Number(day))}` : undefined;
    return iso && isIsoPartialDate(iso) ? iso : undefined;
  }
  return undefined;
}
