import { dateStart } from '../../model/edtf.js';
import { idDate } from '../../model/ids.js';
import { finding } from '../finding.js';
import type { LintRule } from '../types.js';

/** An id that does not start with the event's date. */
export const idDateRule: LintRule = {
  code: 'lint/id-date',
  severity: 'warning',
  description: "The id should start with the event date (YYYY-MM-DD--), its earliest day when it is known less precisely. Rename the id and the file, or correct the date.",
  check(entry) {
    const { id } = entry.event;
    const date = dateStart(entry.event.date);
    if (id.startsWith(`${date}--`)) return [];
    const day = idDate(id);
    return [finding(this, entry, day ? `id starts with ${day} but the date is ${date}` : `id "${id}" does not start with the date ${date}`, { path: 'id' })];
  },
};
