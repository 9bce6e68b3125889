export { EventSchema, LenientEventSchema, EVENT_STATUSES, type Event, type EventStatus } from './event.js';
export { SourceSchema, type Source } from './source.js';
export { ActorSchema, ACTOR_KINDS, type Actor, type ActorKind } from './actor.js';
export { IssueSchema, type Issue, type Severity } from './issue.js';
export { isIsoDay, isIsoPartialDate } from './dates.js';
export { isSlug, isFileSafeId, idDate, slugify, EVENT_ID_PATTERN, SLUG_PATTERN } from './ids.js';
export { isHttpUrl, isDangerousUrl } from './url.js';
export { compareText } from './compareText.js';
