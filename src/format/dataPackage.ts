import type { DatasetMeta } from '../model/dataset.js';
import { DATASET_FILE_TABLE } from './datasetFiles.js';
import { columnsOf, type CsvTable, type FormColumn } from './tables.js';
import { clean } from '../model/clean.js';

const DESCRIPTIONS = new Map<string, string | undefined>(DATASET_FILE_TABLE.map((f) => [f.path, f.description]));

/** A file of the dataset, as measured after it was written. */
export interface DataFile {
  /** Path relative to the data folder. */
  path: string;
  /** Size in bytes. */
  bytes: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
}

/** Options for {@link toDataPackage}. */
export interface DataPackageOptions {
  /** The data's version (by default the one `meta` gives; none when neither does). */
  version?: string;
  /** What the dataset says of itself (`dataset.yaml`): name, title, licences, sources. Without it the descriptor says the dataset has not said what it is. */
  meta?: DatasetMeta;
  /** The files to describe: every CSV, Parquet, JSON, NDJSON and JSON Schema file of the dataset. */
  files: readonly DataFile[];
}

/** A Table Schema field of a CSV resource. */
export interface TableSchemaField {
  /** The column name. */
  name: string;
  /** The Table Schema type: string, integer, date. */
  type: string;
  /** What the column holds. */
  description: string;
  /** Table Schema constraints. */
  constraints?: Record<string, unknown>;
  /** For a `list` field: the type of its items. */
  itemType?: string;
}

/** A column's Table Schema field, in the format the file has. */
function fieldOf(column: FormColumn): TableSchemaField {
  return { name: column.name, type: column.type, ...(column.type === 'list' ? { itemType: 'string' } : {}), description: column.description, ...(column.constraints ? { constraints: column.constraints } : {}) };
}

/** Each format's media type, by the file's extension. */
const MEDIA_TYPES = { csv: 'text/csv', parquet: 'application/vnd.apache.parquet', sqlite: 'application/vnd.sqlite3', ndjson: 'application/x-ndjson', json: 'application/json' } as const;

/**
 * The `datapackage.json` descriptor (Frictionless Data Package v2) of the
 * dataset: what the dataset says of itself (name, title, version, licence,
 * sources, citation: `dataset.yaml`), and every file with its path, format,
 * size, hash and, for the CSV tables, the field schema with primary and
 * foreign keys.
 *
 * @param options - the dataset's description, its version and the measured files
 * @returns the descriptor
 *
 * @example
 * ```ts
 * toDataPackage({ meta: { name: 'city-hall-watch' }, version: '1.2.0', files: [{ path: 'events.csv', bytes: 10, sha256: 'ab' }] }).resources[0].schema.primaryKey;
 * // => ['id']
 * ```
 */
export function toDataPackage(options: DataPackageOptions) {
  const base = (path: string) => path.replace(/\.[^.]+$/, '').replace(/[^a-z0-9_-]/g, '-');
  const tables = new Set(options.files.filter((f) => f.path.endsWith('.csv')).map((f) => base(f.path)));
  const resources = options.files.map((file) => {
    const name = base(file.path);
    const format = (Object.keys(MEDIA_TYPES) as (keyof typeof MEDIA_TYPES)[]).find((f) => file.path.endsWith(`.${f}`)) ?? 'json';
    const mediatype = file.path.endsWith('.schema.json') ? 'application/schema+json' : MEDIA_TYPES[format];
    const table = format === 'csv' || format === 'parquet' ? (name as CsvTable) : undefined;
    const schema = table && {
      fields: columnsOf(table, format as 'csv' | 'parquet').map(fieldOf),
      ...(table === 'events'
        ? { primaryKey: ['id'] }
        : { foreignKeys: [{ fields: ['event_id'], reference: { resource: 'events', fields: ['id'] } }] }),
    };
    return clean({
      // The CSV tables keep their plain names (foreign keys point at them);
      // a JSON file of the same name says its format.
      name: format === 'csv' || !tables.has(name) ? name : `${name}-${format}`,
      path: file.path,
      type: table ? 'table' : undefined,
      format,
      mediatype,
      encoding: format === 'parquet' || format === 'sqlite' ? undefined : 'utf-8',
      bytes: file.bytes,
      hash: `sha256:${file.sha256}`,
      description: DESCRIPTIONS.get(file.path),
      schema,
      dialect: format === 'csv' ? { header: true, delimiter: ',', quoteChar: '"', doubleQuote: true, lineTerminator: '\n' } : undefined,
    });
  });
  const meta = options.meta;
  const version = options.version ?? meta?.version;
  // A dataset speaks for itself; one that has not said what it is says so, and borrows no one's name.
  const identity = meta
    ? { name: meta.name, title: meta.title, description: meta.description, version, homepage: meta.homepage, licenses: meta.licenses, sources: meta.sources, contributors: meta.contributors, citation: meta.citation }
    : {
        name: 'unnamed-dataset',
        title: 'A dataset that has not said what it is',
        description: 'Built with democracy-timeline from a seeds folder with no dataset.yaml, so it gives no name, licence or sources of its own. Primary key: the event id.',
        version,
      };
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    ...clean(identity),
    resources,
  };
}
