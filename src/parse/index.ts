export { parseEvent, type ParseEventOptions, type ParseEventResult, type EventFormat } from './parseEvent.js';
export { stringifyEvent, type StringifyEventOptions } from './stringifyEvent.js';
export { parseActors, type ParseActorsResult } from './parseActors.js';
