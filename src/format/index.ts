export { toCSV, toCSVText, csvField, CSV_COLUMNS, type CsvTable, type CsvValue, type ToCSVOptions } from './csv.js';
export { toNDJSON } from './ndjson.js';
export { toTimelineJS, type TimelineJSDocument, type TimelineJSEvent, type TimelineJSDate, type ToTimelineJSOptions } from './timelineJS.js';
export { toVisTimeline, type VisTimelineItem, type ToVisTimelineOptions } from './visTimeline.js';
export { escapeHtml } from './html.js';
export { deriveDataset, type Dataset, type DatasetStats, type DeriveResult, type SourceSummary, type TagSummary } from './deriveDataset.js';
export { eventTemplate, type EventTemplate } from './eventTemplate.js';
