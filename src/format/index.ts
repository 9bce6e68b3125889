export { toCSV, csvLines, CSV_COLUMNS, type CsvTable, type CsvValue, type ToCSVOptions } from './csv.js';
export { toNDJSON } from './ndjson.js';
export { fitTimelineJS, type TimelineJSFit } from './fitTimelineJS.js';
export { toTimelineJS, type TimelineJSDocument, type TimelineJSEvent, type TimelineJSDate, type ToTimelineJSOptions } from './timelineJS.js';
export { toVisTimeline, toVisTimelineView, VIS_WINDOW_ITEMS, type VisTimelineItem, type VisTimelineGroup, type VisTimelineView, type ToVisTimelineOptions } from './visTimeline.js';
export { markdownToHtml } from './markdown.js';
export { toDataPackage, type DataFile, type DataPackageOptions, type TableSchemaField } from './dataPackage.js';
export { withDerivedDates, withoutDerivedDates, type DatasetEvent } from './derivedDates.js';
export { exportEvents, EXPORT_FORMATS, type ExportFormat, type ExportEventsOptions, type Grouping } from './exportEvents.js';
