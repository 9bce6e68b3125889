import { readFileSync, writeFileSync } from 'node:fs';
import { withTables } from './codeTables.js';

const page = new URL('../../docs/maintaining.md', import.meta.url);
writeFileSync(page, withTables(readFileSync(page, 'utf8')));
