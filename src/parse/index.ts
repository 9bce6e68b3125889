export { parseEvent, formatOf, DEFAULT_MAX_LENGTH, type ParseEventOptions, type ParseEventResult, type EventFormat } from './parseEvent.js';
export { stringifyEvent, eventToFileObject, type StringifyEventOptions } from './stringifyEvent.js';
export { findMojibake, repairMojibake, type MojibakeRun } from './mojibake.js';
export { formatPath, type FieldPath } from './locate.js';
