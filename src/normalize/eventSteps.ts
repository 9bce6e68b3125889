import { EVENT_STATUSES, type EventStatus } from '../model/event.js';
import type { FieldPath } from '../model/fieldPath.js';
import { sameTextKey, UNSAFE_TEXT, UNWRITABLE } from '../model/fields.js';
import { isFileSafeId, isSlug, slugify } from '../model/ids.js';
import type { ReadIssueCode } from '../model/issueCodes.js';
import { hasOwn, isEmpty, type Report } from './keys.js';
import { normalizeSource } from './normalizeSource.js';
import { joinLines } from './text.js';

/** One event being normalised, after its keys are mapped: its fields so far, what goes to its `extra`, and how to name and report a field. */
export interface EventDraft {
  out: Record<string, unknown>;
  extra: Record<string, unknown>;
  lenient: boolean;
  report: Report;
  /** The key a model field was read from, as the file spells it. */
  name(key: string): string;
  /** The path of a model field, as the file spells it. */
  at(key: string): FieldPath;
}

/** A step of normalisation: its name, whether it runs only when reading leniently, and what it does. */
export interface NormalizeStep {
  name: string;
  lenientOnly: boolean;
  run(draft: EventDraft): void;
}

const STATUS_SYNONYMS: Record<string, EventStatus> = {
  verified: 'confirmed',
  validated: 'confirmed',
  contested: 'disputed',
  alleged: 'reported',
  ongoing: 'developing',
};

/** An id that is no safe file name is read as it is, and said: import gives a safe one. */
function unsafeId({ out, report }: EventDraft): void {
  if (typeof out.id === 'string' && out.id !== '' && !isFileSafeId(out.id) && !UNSAFE_TEXT.test(out.id)) {
    report('identity/unsafe-id', `id: "${out.id}" is not safe as a file name (a /, a \\ or ..); read as it is: import gives the event a safe id and keeps this one in former_ids`, ['id']);
  }
}

/** A YAML block scalar (`summary: |`) ends in the line break YAML adds: the format's, not the writer's. */
function blockScalarEnd({ out }: EventDraft): void {
  for (const key of ['summary', 'notes'] as const) {
    const v = out[key];
    if (typeof v === 'string' && v.endsWith('\n')) out[key] = v.replace(/\n+$/, '');
  }
}

/** `date: 2025` is a year written by hand, which YAML reads as a number: the format's typing, not the writer's. */
function yearAsNumber({ out }: EventDraft): void {
  if (typeof out.date === 'number' && Number.isInteger(out.date) && out.date >= 1000 && out.date <= 9999) out.date = String(out.date);
}

/** Optional fields given as null or empty text carry nothing: dropped. */
function emptyOptional({ out, report, name, at }: EventDraft): void {
  for (const key of ['status', 'location', 'captureLanes', 'notes'] as const) {
    if (hasOwn(out, key) && isEmpty(out[key])) {
      delete out[key];
      report('legacy/empty-value', `${name(key)}: empty; dropped`, at(key));
    }
  }
}

/** White space around the id, title and location removed; a title's line breaks joined. */
function untrimmed({ out, report }: EventDraft): void {
  for (const key of ['id', 'title', 'location'] as const) {
    const v = out[key];
    if (typeof v === 'string' && v.trim() !== v && v.trim() !== '') {
      out[key] = v.trim();
      report('legacy/untrimmed', `${key}: surrounding white space removed`, [key]);
    }
  }
  if (typeof out.title === 'string' && out.title.includes('\n')) {
    out.title = joinLines(out.title);
    report('legacy/untrimmed', 'title: line breaks joined', ['title']);
  }
}

/** A list: a lone string is a list of one; empty items and repeats dropped, items trimmed, tags made slugs. */
function tidyList({ out, report, name, at }: EventDraft, key: 'tags' | 'actors' | 'captureLanes', code: ReadIssueCode): void {
  let v = out[key];
  if (typeof v === 'string') {
    v = out[key] = [v];
    report('legacy/scalar-list', `${name(key)}: a single value; read as a list`, at(key));
  }
  if (!Array.isArray(v)) return;
  let list: unknown[] = v;
  // Where each item is in the file: dropping an empty one moves the rest.
  let origin = list.map((_, i) => i);
  // An empty item (`- ` alone, or `- #MeToo`, which YAML reads as a comment) holds nothing: dropped, and said.
  if (list.some((item) => item === null || item === undefined)) {
    list.forEach((item, i) => {
      if (item === null || item === undefined) report('legacy/null-item', `${name(key)}[${i}]: empty; dropped`, [...at(key), i]);
    });
    origin = origin.filter((i) => list[i] !== null && list[i] !== undefined);
    list = origin.map((i) => list[i]);
  }
  const items = list.map((item) => (typeof item === 'string' ? item.trim() : item));
  if (key === 'tags') {
    items.forEach((tag, i) => {
      const slug = typeof tag === 'string' && !isSlug(tag) ? slugify(tag) : '';
      if (slug) {
        items[i] = slug;
        report('legacy/tag-format', `tags[${origin[i]}]: "${String(tag)}" read as "${slug}"`, ['tags', origin[i]!]);
      }
    });
  }
  const seen = new Set<unknown>();
  const unique: unknown[] = [];
  items.forEach((item, i) => {
    // NFC and NFD spellings, or one with a zero-width space, are one name.
    const same = typeof item === 'string' ? sameTextKey(item) : item;
    if (seen.has(same)) report(code, `${name(key)}[${origin[i]}]: "${String(item)}" is listed twice; dropped`, [...at(key), origin[i]!]);
    else {
      seen.add(same);
      unique.push(item);
    }
  });
  out[key] = unique;
}

function lists(draft: EventDraft): void {
  tidyList(draft, 'tags', 'legacy/duplicate-tag');
  tidyList(draft, 'actors', 'legacy/duplicate-actor');
  tidyList(draft, 'captureLanes', 'legacy/duplicate-capture-lane');
}

/** A missing importance is not rated: null, never a guess. */
function missingImportance({ out, report }: EventDraft): void {
  if (hasOwn(out, 'importance')) return;
  out.importance = null;
  report('legacy/missing-importance', 'importance: missing; read as null (not rated)', ['importance']);
}

/** What no file can carry as it is (a NUL, half a surrogate pair) becomes U+FFFD, as it would in any file written. */
function unwritable({ out, report, name }: EventDraft): void {
  for (const key of ['summary', 'notes', 'title', 'location'] as const) {
    const value = out[key];
    if (typeof value === 'string' && UNWRITABLE.test(value)) {
      out[key] = value.replace(new RegExp(UNWRITABLE.source, 'g'), '\ufffd');
      report('legacy/unwritable', `${name(key)}: a NUL or half a surrogate pair, which no file can hold, read as U+FFFD`, [name(key)]);
    }
  }
}

/** Missing tags and actors are empty lists: nothing invented. */
function missingLists({ out, report }: EventDraft): void {
  if (!hasOwn(out, 'tags')) {
    out.tags = [];
    report('legacy/missing-tags', 'tags: missing; read as no tags', ['tags']);
  }
  if (!hasOwn(out, 'actors')) {
    out.actors = [];
    report('legacy/missing-actors', 'actors: missing; read as no actors named', ['actors']);
  }
}

/** A status spelled otherwise (`Verified`, `in-progress`) or a synonym: read as the status (leniently) or refused naming it (strictly); an unknown one kept in extra. */
function status({ out, extra, lenient, report }: EventDraft): void {
  if (typeof out.status !== 'string') return;
  const spelled = out.status.trim().toLowerCase().replace(/[\s-]+/g, '_');
  const known = (EVENT_STATUSES as readonly string[]).includes(spelled) ? (spelled as EventStatus) : STATUS_SYNONYMS[spelled];
  if (known === out.status) return;
  if (known) {
    report('legacy/status', lenient ? `status: "${out.status}" read as "${known}"` : `status: "${out.status}" is not a status; write "${known}"`, ['status']);
    if (lenient) out.status = known;
  } else if (lenient) {
    extra.status = out.status;
    report('legacy/unknown-status', `status: "${out.status}" is not one of ${EVENT_STATUSES.join(', ')}; kept in extra`, ['status']);
    delete out.status;
  }
}

/** A location given as a list of names is one text. */
function locationList({ out, report }: EventDraft): void {
  if (Array.isArray(out.location) && out.location.every((x) => typeof x === 'string')) {
    out.location = out.location.join('; ');
    report('legacy/location-list', `location: a list; read as "${String(out.location)}"`, ['location']);
  }
}

/** Each source through its own steps. */
function sources({ out, lenient, report, name }: EventDraft): void {
  if (!Array.isArray(out.sources)) return;
  const key = name('sources');
  out.sources = out.sources.map((source, i) => normalizeSource(source, [key, i], lenient, report));
}

/**
 * The steps an event's fields go through after its keys are mapped, in
 * order. Strict reading runs only those not marked `lenientOnly`: what the
 * format itself does (a block scalar's last line break, a year YAML read
 * as a number), the status check, and the sources' own strict steps.
 */
export const EVENT_STEPS: readonly NormalizeStep[] = [
  { name: 'unsafe id', lenientOnly: true, run: unsafeId },
  { name: 'block scalar end', lenientOnly: false, run: blockScalarEnd },
  { name: 'year as number', lenientOnly: false, run: yearAsNumber },
  { name: 'empty optional fields', lenientOnly: true, run: emptyOptional },
  { name: 'untrimmed text', lenientOnly: true, run: untrimmed },
  { name: 'lists', lenientOnly: true, run: lists },
  { name: 'missing importance', lenientOnly: true, run: missingImportance },
  { name: 'unwritable characters', lenientOnly: true, run: unwritable },
  { name: 'missing lists', lenientOnly: true, run: missingLists },
  { name: 'status', lenientOnly: false, run: status },
  { name: 'location list', lenientOnly: true, run: locationList },
  { name: 'sources', lenientOnly: false, run: sources },
];
