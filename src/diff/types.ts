import type { Actor } from '../model/actor.js';
import type { Event } from '../model/event.js';

/** One side of a comparison: the events, and the actor registry when there is one. */
export interface DatasetSide {
  events: readonly Event[];
  actors?: readonly Actor[];
}

/** A field that differs: its path (`title`, `sources[1].url`) and both values (absent: not set). */
export interface FieldChange {
  field: string;
  old?: unknown;
  new?: unknown;
}

/** An event in both datasets (under the same id, or renamed) whose fields differ. */
export interface ChangedEvent {
  /** Its id now. */
  id: string;
  /** Its id before, when it was renamed. */
  from?: string;
  /** Its title now. */
  title: string;
  fields: FieldChange[];
}

/** What changed from one dataset to the next, record by record. */
export interface DatasetDiff {
  events: {
    /** New ids (not the new id of a renamed event). */
    added: { id: string; title: string }[];
    /** Ids gone with no event naming them in `formerIds`: the versioning policy's breaking change. */
    removed: { id: string; title: string }[];
    /** Events whose fields differ, renamed ones included. */
    changed: ChangedEvent[];
    /** An id gone, held by exactly one new event's `formerIds`; the old id still finds it. */
    renamed: { from: string; to: string }[];
    /** Ids gone into an event that existed already, or several into one new event. */
    merged: { from: string[]; into: string }[];
    /**
     * Former ids that found an event before (in its `formerIds`) and find
     * nothing now: the list was tidied, or the event went. `replacedBy` is
     * where the event that held it is now, when it still is. A breaking
     * change, like a removal: a link that worked stops working.
     */
    dropped: { id: string; heldBy: string; replacedBy?: string }[];
    /**
     * Removed ids that look renamed: an added event has the same date and a
     * near-identical title. A hint, not a verdict: to keep the old id
     * resolving, write it in the new event's `former_ids`.
     */
    likelyRenames: { from: string; to: string; date: string; similarity: number }[];
    /** Events the same in both. */
    unchanged: number;
    /** Ids that appear more than once on a side (a dataset has one event per id): the first of each is compared. */
    repeated?: { before: string[]; after: string[] };
  };
  actors: {
    added: string[];
    removed: string[];
    /** Entries whose name, aliases or kind differ (the counts and dates derived by the build are left out). */
    changed: { id: string; fields: FieldChange[] }[];
    unchanged: number;
  };
  /**
   * The smallest version bump the data's policy asks for: `major` when an
   * event or an actor is removed, `minor` when any is added, changed,
   * renamed or merged, `none` when nothing changed.
   */
  bump: 'none' | 'minor' | 'major';
  /** Why that bump, one line each. */
  reasons: string[];
}
