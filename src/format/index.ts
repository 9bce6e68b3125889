export { toCSV, CSV_COLUMNS, type CsvTable, type CsvValue, type ToCSVOptions } from './csv.js';
export { toNDJSON } from './ndjson.js';
export { toTimelineJS, type TimelineJSDocument, type TimelineJSEvent, type TimelineJSDate, type ToTimelineJSOptions } from './timelineJS.js';
export { toVisTimeline, type VisTimelineItem, type ToVisTimelineOptions } from './visTimeline.js';
export { markdownToHtml } from './markdown.js';
export { escapeHtml } from './html.js';
export { boundedGroups, DEFAULT_MAX_GROUPS } from './groups.js';
export { eventTemplate, type EventTemplate } from './eventTemplate.js';
export { exportEvents, EXPORT_FORMATS, GROUPINGS, type ExportFormat, type ExportEventsOptions, type Grouping } from './exportEvents.js';
