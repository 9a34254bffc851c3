// Bundles the three entry points the contracts name: dist/extension.js (the
// VS Code client), dist/server.js (the language server) and dist/cli.js (a loader
// for dist/cli.bundle.js and the V8 code cache made here by one run over examples/).
import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// The stack files "Create observability stack files" writes: examples/ holds them (client/src/stack/designFiles.ts).
const designPaths = JSON.parse(readFileSync('client/src/stack/designFiles.json', 'utf8'));
const designFiles = Object.fromEntries(designPaths.map((path) => [path, readFileSync(`examples/${path}`, 'utf8')]));

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
  build({ ...common, entryPoints: { extension: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'], define: { K1S0_DESIGN_STACK_FILES: JSON.stringify(JSON.stringify(designFiles)) } }),
  build({ ...common, entryPoints: { server: 'server/src/server.ts' }, outdir: 'dist' }),
  build({ ...common, entryPoints: { 'cli.bundle': 'server/src/cli.ts' }, outdir: 'dist' }),
]);

// V8 keeps each bundle's source text in memory, two bytes a character if any one is past ASCII
// (+1.9 MB for the server). esbuild escapes strings; a regex literal or template kept raw is not.
if (production) {
  for (const bundle of ['dist/extension.js', 'dist/server.js', 'dist/cli.bundle.js']) {
    const source = readFileSync(bundle, 'utf8');
    const wide = /[\u0080-\uffff]/.exec(source);
    if (wide) throw new Error(`${bundle} is not ASCII at ${wide.index}: ${JSON.stringify(source.slice(wide.index - 40, wide.index + 10))}; write that character as a \\u escape in a string`);
  }
}

copyFileSync('scripts/cli-loader.cjs', 'dist/cli.js');
for (const name of readdirSync('dist')) if (/^cli\.bundle\.[0-9a-f]+\.cache$/.test(name)) rmSync(`dist/${name}`);
// A representative run, so the cache holds the functions a check compiles, not only the top level;
// the loader names the cache after the bundle it loaded.
const warm = spawnSync(process.execPath, ['dist/cli.js', 'check', 'examples', '--format', 'json'], { env: { ...process.env, K1S0_WRITE_CODE_CACHE: '1' }, stdio: 'ignore' });
if (warm.status !== 0 && warm.status !== 1) throw new Error(`the code-cache run of dist/cli.js exited with ${warm.status}`);
