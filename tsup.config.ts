import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', node: 'src/node.ts', data: 'src/data.ts' },
    format: ['esm', 'cjs'],
    target: 'es2022',
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    splitting: true,
    treeshake: true,
    sourcemap: false,
    clean: true,
    removeNodeProtocol: false,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    removeNodeProtocol: false,
  },
]);
