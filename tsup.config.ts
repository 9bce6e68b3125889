import { defineConfig } from 'tsup';

const dts = { compilerOptions: { ignoreDeprecations: '6.0' } };
const common = { target: 'es2022', sourcemap: false, clean: false, removeNodeProtocol: false } as const;

export default defineConfig([
  // ESM: one file per source module, so a bundler drops every module a page
  // does not use (the package is "sideEffects": false). A page that only
  // queries never loads the YAML parser or zod.
  { ...common, entry: ['src/**/*.ts', '!src/cli/**', '!src/data.ts'], format: ['esm'], bundle: false },
  // The same ESM entries for Node, bundled with shared chunks: Node loads a
  // few files instead of a hundred (an import costs about a third less), and
  // an app that imports two entries still gets one copy of each module.
  { ...common, entry: { index: 'src/index.ts', node: 'src/node.ts', 'json-schema': 'src/json-schema.ts', lint: 'src/lint.ts' }, outDir: 'dist/for-node', format: ['esm'], platform: 'node', splitting: true },
  // The types of the ESM entries.
  { ...common, entry: { index: 'src/index.ts', node: 'src/node.ts', 'json-schema': 'src/json-schema.ts', lint: 'src/lint.ts' }, format: ['esm'], dts: { ...dts, only: true } },
  // CommonJS bundles for require(), with their .d.cts.
  // shims: import.meta.url (the SQLite worker and the site find the package's files by it) works in CommonJS too.
  { ...common, entry: { index: 'src/index.ts', node: 'src/node.ts', 'json-schema': 'src/json-schema.ts', lint: 'src/lint.ts' }, format: ['cjs'], dts, splitting: true, shims: true },
  // The dataset, with its JSON inlined, in both formats.
  { ...common, entry: { data: 'src/data.ts' }, format: ['esm', 'cjs'], dts },
  // One self-contained, minified ESM file for pages with no build step and
  // for CDNs: <script type="module"> import ... from '.../dist/browser.js'.
  { ...common, entry: { browser: 'src/index.ts' }, format: ['esm'], platform: 'browser', noExternal: [/.*/], minify: true },
  // The command line.
  { ...common, entry: { cli: 'src/cli/main.ts' }, format: ['esm'], target: 'node20', platform: 'node', banner: { js: '#!/usr/bin/env node' } },
]);
