// Bundles the three entry points the contracts name: dist/extension.js (the
// VS Code client), dist/server.js (the language server) and dist/cli.js.
import { build } from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Prefer ES module builds: UMD entry points (jsonc-parser's) require their parts
  // dynamically, which a bundle cannot resolve.
  mainFields: ['module', 'main'],
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] }),
  build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env node' } }),
]);
