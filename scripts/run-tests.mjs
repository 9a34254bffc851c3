// Runs the test suites with node's own test runner.
//
//   node scripts/run-tests.mjs unit               tests that run from the sources, no build: the co-located
//                                                 *.test.ts of server/src and client/src, and test/ except
//                                                 the folders below
//   node scripts/run-tests.mjs integration        tests of what `npm run build` makes (dist/): the language
//                                                 server over stdio (test/protocol), CLI processes (test/cli),
//                                                 the bundles themselves (test/bundle) and the test of this
//                                                 runner (test/suite); builds first
//   node scripts/run-tests.mjs corpus             the *corpus.test.ts files: the public corpus, read from
//                                                 K1S0_CORPUS or ../shared/corpus (fails, saying so, when
//                                                 neither is there); builds first
//   node scripts/run-tests.mjs unit integration   what `npm test` runs (one build, before integration)
//   node scripts/run-tests.mjs PATH...            the *.test.ts files under PATH, as a suite (builds first
//                                                 when one of them is an integration or corpus test)
//   node scripts/run-tests.mjs --tsx PATH...      the *.test.ts files under PATH, one after another through
//                                                 tsx, without the checks below (the end-to-end tests:
//                                                 `npm run test:e2e`)
//
// Options: --no-build (dist/ is already built), --concurrency N (test files at a time; default: cores + 1,
// since many tests wait on processes they start), --name PATTERN (only tests whose name matches),
// --out DIR (where the bundles go; default out/tests).
//
// A suite's test files are bundled once with esbuild (out/tests/, sources and __dirname as they
// are in the tree) and run in parallel; that is what makes the loop fast, not fewer tests. The
// co-located unit tests (server/src, client/src) share processes: a process per core or so, each
// one bundle with one copy of the sources, in which each test file is a suite named by its path
// (its hooks scoped to it). Starting a process and loading the server into it cost more than most
// of those files' tests. The files of test/ (fuzzing, parity with promtool and amtool, the lint)
// each keep a process of their own. Each suite runs with its own empty os.tmpdir() (TMPDIR): a
// suite fails when it leaves a file there, or a process that was started with it still running,
// and the folder is then removed anyway.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { locateCorpus } = createRequire(import.meta.url)('../test/support/corpus.cjs');

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const ES_MODULES_ONLY = new Set(['tm-grammars']);
const EXTERNAL = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })
  .filter((name) => !ES_MODULES_ONLY.has(name))
  .flatMap((name) => [name, `${name}/*`]);

/** Folders of test/ whose tests need dist/. */
const INTEGRATION = ['test/protocol', 'test/cli', 'test/bundle', 'test/suite'];
const SUITES = ['unit', 'integration', 'corpus'];
const SKIP = new Set(['node_modules', '.git', 'dist', 'out', 'fixtures', 'e2e']);

function walk(path, out, skip = SKIP) {
  if (statSync(path).isFile()) {
    if (path.endsWith('.test.ts')) out.push(path);
    return out;
  }
  for (const entry of readdirSync(path).sort()) if (!skip.has(entry)) walk(join(path, entry), out, skip);
  return out;
}

/** The suite a test file belongs to, from its name and folder. */
export function suiteOf(file) {
  const path = relative(ROOT, resolve(ROOT, file)).split('\\').join('/');
  if (path.endsWith('corpus.test.ts')) return 'corpus';
  if (INTEGRATION.some((folder) => path.startsWith(`${folder}/`))) return 'integration';
  return 'unit';
}

function parseArgs(argv) {
  const options = { suites: [], paths: [], build: true, tsx: false, out: join(ROOT, 'out/tests'), concurrency: availableParallelism() + 1, name: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--concurrency') options.concurrency = Number(argv[++i]);
    else if (arg === '--name') options.name = argv[++i];
    else if (arg === '--tsx') options.tsx = true;
    else if (arg === '--out') options.out = resolve(argv[++i] ?? '');
    else if (SUITES.includes(arg)) options.suites.push(arg);
    else options.paths.push(arg);
  }
  if (!Number.isInteger(options.concurrency) || options.concurrency < 1) fail('--concurrency needs a whole number of 1 or more');
  if (options.suites.length && options.paths.length) fail('give suites or paths, not both');
  if (!options.suites.length && !options.paths.length) fail(`name a suite (${SUITES.join(', ')}) or paths`);
  if (options.tsx && !options.paths.length) fail('--tsx runs paths, not suites');
  return options;
}

function fail(message) {
  console.error(`run-tests: ${message}`);
  process.exit(1);
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Whether a test file shares a process with others: a co-located unit test. */
function shares(file) {
  const path = relative(ROOT, file).split('\\').join('/');
  return suiteOf(file) === 'unit' && (path.startsWith('server/src/') || path.startsWith('client/src/'));
}

/** `files` in `count` groups of about equal source size (largest first, each to the lightest group). */
function shardsOf(files, count) {
  const shards = Array.from({ length: Math.min(count, files.length) }, () => ({ files: [], size: 0 }));
  const sized = files.map((file) => [file, statSync(file).size]).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [file, size] of sized) {
    const lightest = shards.reduce((a, b) => (b.size < a.size ? b : a));
    lightest.files.push(file);
    lightest.size += size;
  }
  return shards.map((shard) => shard.files.sort());
}

/**
 * Bundles the test files: those of test/ each into out/tests/<its path>.js, the co-located unit tests
 * into out/tests/shared/<n>.js, `count` of them. __dirname and __filename stay those of the source.
 * Returns each test file's bundle.
 */
async function bundle(files, out, count) {
  rmSync(out, { recursive: true, force: true });
  const alone = files.filter((file) => !shares(file));
  const entries = join(out, 'shared-entries');
  mkdirSync(entries, { recursive: true });
  const bundleOf = new Map(alone.map((file) => [file, join(out, relative(ROOT, file)).replace(/\.ts$/, '.js')]));
  const shared = shardsOf(files.filter(shares), count).map((shard, i) => {
    const entry = join(entries, `${i + 1}.js`);
    for (const file of shard) bundleOf.set(file, join(out, 'shared', `${i + 1}.js`));
    const suites = shard.map((file) => `describe(${JSON.stringify(relative(ROOT, file))}, () => require(${JSON.stringify(file)}));`);
    writeFileSync(entry, [`const { describe } = require('node:test');`, ...suites, ''].join('\n'));
    return entry;
  });
  const sourcePaths = {
    name: 'source-paths',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        // Module-level constants: esbuild renames them apart in the bundle; text in strings stays as it is.
        const contents = `const __dirname = ${JSON.stringify(dirname(args.path))}, __filename = ${JSON.stringify(args.path)};\n${readFileSync(args.path, 'utf8')}`;
        return { contents, loader: 'ts' };
      });
    },
  };
  const options = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // As scripts/build.mjs: ES module builds first (jsonc-parser's UMD entry cannot be bundled).
    mainFields: ['module', 'main'],
    // Function and class names as in the sources: tests and messages name them.
    keepNames: true,
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
    // Packages are loaded from node_modules as they are, except those that are ES modules only
    // (a CommonJS bundle cannot require them).
    external: EXTERNAL,
    plugins: [sourcePaths],
  };
  await Promise.all([
    alone.length && build({ ...options, entryPoints: alone, outdir: out, outbase: ROOT }),
    shared.length && build({ ...options, entryPoints: shared, outdir: join(out, 'shared'), outbase: entries }),
  ]);
  rmSync(entries, { recursive: true, force: true });
  return bundleOf;
}

/** Blocks for `ms` milliseconds (between polls that have a deadline). */
function pause(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Whether a process runs: it exists and is not a zombie waiting for its parent to reap it. */
export function isRunning(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Processes still running that were started with this TMPDIR (Linux: read from /proc). */
function processesOf(tmp) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return [];
  }
  const marker = `\0TMPDIR=${tmp}\0`;
  const found = [];
  for (const pid of pids) {
    try {
      if (`\0${readFileSync(`/proc/${pid}/environ`, 'latin1')}`.includes(marker)) {
        found.push(`${pid} ${readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim()}`);
      }
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/**
 * Runs `args` (node's test runner) with a private, empty os.tmpdir(); returns what is wrong
 * afterwards: files left in it, processes started with it still running.
 */
function runClean(args) {
  const tmp = mkdtempSync(join(tmpdir(), 'k1s0-run-'));
  const env = { ...process.env, TMPDIR: tmp, TMP: tmp, TEMP: tmp };
  // Run from a test (test/suite), node's runner would take itself for a test file's child and run nothing.
  delete env.NODE_TEST_CONTEXT;
  const result = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env });
  const problems = [];
  // Processes get a moment to finish exiting; each one still there is named, then stopped.
  const deadline = Date.now() + 1500;
  let running = processesOf(tmp);
  while (running.length && Date.now() < deadline) {
    pause(100);
    running = processesOf(tmp);
  }
  for (const line of running) {
    problems.push(`a process the tests started is still running: ${line}`);
    const pid = Number(line.split(' ')[0]);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Exited meanwhile.
    }
    const killed = Date.now() + 5000;
    while (isRunning(pid) && Date.now() < killed) pause(20);
  }
  const left = readdirSync(tmp).sort();
  for (const name of left) problems.push(`left in the temporary folder: ${name}`);
  rmSync(tmp, { recursive: true, force: true, maxRetries: 3 });
  return { status: result.status ?? 1, problems };
}

/** Runs groups of test files ([name, files][]) one after another, bundled, each in a clean temporary folder. */
async function runGroups(groups, options) {
  const files = groups.flatMap(([, groupFiles]) => groupFiles);
  const times = [];
  let started = performance.now();
  // Two processes per test file slot: a long file of test/ runs beside the shared ones.
  const bundleOf = await bundle(files, options.out, 2 * options.concurrency);
  times.push(['bundle', performance.now() - started]);
  let built = !options.build;
  let failed = false;
  for (const [name, groupFiles] of groups) {
    if (groupFiles.length === 0) fail(`no test files in ${name}`);
    if (!built && groupFiles.some((file) => suiteOf(file) !== 'unit')) {
      started = performance.now();
      const status = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' }).status;
      times.push(['build', performance.now() - started]);
      if (status !== 0) fail('npm run build failed');
      built = true;
    }
    // The files of test/ first: they are the longest, and the shared processes fill in beside them.
    const bundles = [...new Set([...groupFiles.filter((file) => !shares(file)), ...groupFiles.filter(shares)].map((file) => bundleOf.get(file)))];
    console.log(`\nrun-tests: ${name}, ${groupFiles.length} files in ${bundles.length} processes, ${options.concurrency} at a time`);
    started = performance.now();
    const args = ['--enable-source-maps', '--test', `--test-concurrency=${options.concurrency}`, '--test-reporter=spec'];
    if (options.name) args.push(`--test-name-pattern=${options.name}`);
    const { status, problems } = runClean([...args, ...bundles]);
    times.push([name, performance.now() - started]);
    for (const problem of problems) console.error(`run-tests: ${name}: ${problem}`);
    if (status !== 0 || problems.length) failed = true;
    if (status !== 0) console.error(`run-tests: ${name} failed`);
  }
  console.log(`\nrun-tests: ${times.map(([what, ms]) => `${what} ${seconds(ms)}`).join(', ')}`);
  process.exit(failed ? 1 : 0);
}

async function runSuites(options) {
  if (options.suites.includes('corpus')) {
    const corpus = locateCorpus();
    if (corpus.problem) fail(`${corpus.problem}. The corpus suite (npm run test:corpus) does not run without it.`);
    console.log(`run-tests: corpus at ${corpus.dir}`);
    process.env.K1S0_CORPUS = corpus.dir;
  }
  const all = ['server/src', 'client/src', 'test'].flatMap((root) => walk(join(ROOT, root), []));
  await runGroups(
    options.suites.map((suite) => [`${suite} suite`, all.filter((file) => suiteOf(file) === suite)]),
    options,
  );
}

function filesUnder(paths) {
  const files = paths.flatMap((path) => walk(resolve(path), [], new Set(['node_modules', '.git', 'dist', 'out', 'fixtures'])));
  if (files.length === 0) fail(`no test files found under ${paths.join(', ')}`);
  return files;
}

function runThroughTsx(files) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], { cwd: ROOT, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  if (options.tsx) runThroughTsx(filesUnder(options.paths));
  else if (options.paths.length) await runGroups([[options.paths.join(' '), filesUnder(options.paths)]], options);
  else await runSuites(options);
}
