export { loadEvents, listEventFiles, DEFAULT_INCLUDE, type LoadEventsOptions, type LoadEventsResult, type LoadCounts } from './load/loadEvents.js';
export { DEFAULT_MAX_FILE_BYTES } from './files/readTextFile.js';
export { loadActors, type LoadActorsOptions, type LoadActorsResult } from './load/loadActors.js';
export { openProject, openRegistry, type OpenProjectOptions, type Project, type OpenRegistryResult } from './load/openProject.js';
export { fixFiles, type FixFilesOptions, type FixFilesResult, type FixedFile } from './fix/fixFiles.js';
export { buildDataset, renderDataset, renderDatasetFiles, DATASET_FILES, type BuildDatasetOptions, type BuildDatasetResult, type BuildProgress, type DatasetFileContent } from './build/buildDataset.js';
export type { DatasetChanges, DatasetHistory } from './build/datasetHistory.js';
export { writeFileAtomic, writeFilesAtomic, createFileBatch, fileHolds, type FileBatch, type FileContent, type WriteFilesOptions } from './files/writeFileAtomic.js';
export { importEvents, type ImportEventsOptions, type ImportEventsResult, type ImportFate, type ImportConflict } from './import/importEvents.js';
// Every exporter in one place for Node: the root's (browser-safe), Parquet
// (here, not at the root, so the writer stays out of browser bundles) and
// the JSON Schema (an entry of its own in a browser, for the same reason).
export { toCSV, toNDJSON, toTimelineJS, toVisTimeline, toVisTimelineView, toDataPackage, exportEvents, EXPORT_FORMATS } from '../format/index.js';
export { toParquet, type ToParquetOptions } from '../format/parquet.js';
export { toJSONSchema } from '../format/jsonSchema.js';
export { placeFindings } from './load/placeFindings.js';
export { checkLinks, LINK_STATUSES, LINK_DEFAULTS, DEFAULT_USER_AGENT, type CheckLinksOptions, type CheckLinksResult, type LinkResult, type LinkStatus, type LinkLookup } from './links/checkLinks.js';
export {
  checkEventLinks,
  sourceLinks,
  linkFindings,
  summarizeLinks,
  findArchive,
  type CheckEventLinksOptions,
  type CheckEventLinksResult,
  type SourceLink,
  type LinkSummary,
  type ArchiveSuggestion,
  type FindArchiveOptions,
} from './links/links.js';
export { addArchiveUrl } from '../lint/addArchiveUrl.js';
export { diffDatasets } from '../diff/diffDatasets.js';
export { diffToMarkdown } from '../diff/diffToMarkdown.js';
export { readDataset, type ReadDatasetResult } from './load/readDataset.js';
export { loadDataset, type LoadedDataset } from './load/loadDataset.js';
export { getSnapshot, type GetSnapshotOptions, type GetSnapshotResult } from './get/getSnapshot.js';
export { contentDigest, type ContentDigest } from './get/contentDigest.js';
export { resolveSource, GET_SOURCES, type Snapshot, type RegistryEntry } from './get/sources.js';
export { GetError, type Downloaded } from './get/download.js';
export type { ExtractLimits } from './get/extract.js';
// SQLite for Datasette and sqlite-utils; the WebAssembly writer is loaded only when a database is written.
export { toSQLite, SQLITE_SCHEMA, type ToSQLiteOptions } from './sqlite/toSQLite.js';
export { toDatasetteMetadata, type DatasetteMetadata, type DatasetteTable } from './sqlite/datasetteMetadata.js';
export { buildSite, type BuildSiteOptions, type BuildSiteResult } from './site/buildSite.js';
export { SiteError } from './site/siteError.js';
export { SITE_MANIFEST } from './site/writeSite.js';
