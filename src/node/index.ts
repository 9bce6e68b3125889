export { loadEvents, listEventFiles, DEFAULT_INCLUDE, type LoadEventsOptions, type LoadEventsResult } from './loadEvents.js';
export { buildDataset, renderDataset, type BuildDatasetOptions, type BuildDatasetResult } from './buildDataset.js';
export { loadActors, type LoadActorsResult } from './loadActors.js';
export { writeFileAtomic } from './writeFileAtomic.js';
export { toDataPackage, type DataFile, type DataPackageOptions, type TableSchemaField } from '../format/dataPackage.js';
