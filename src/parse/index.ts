export { parseEvent, DEFAULT_MAX_LENGTH, type ParseEventOptions, type ParseEventResult, type EventFormat } from './parseEvent.js';
export { stringifyEvent, type StringifyEventOptions } from './stringifyEvent.js';
export { parseActors, type ParseActorsResult } from './parseActors.js';
