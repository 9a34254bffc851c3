// npm run test:mutation — StrykerJS over the check modules, with the in-process
// node:test runner of scripts/mutation (see its header for why not `command`).
// Incremental: reports/mutation/stryker-incremental.json is committed, so a run
// mutates only the code (and re-runs only the tests) that changed since it was
// written. scripts/mutation/scores.mjs checks each module against its goal.
import { existsSync, readFileSync } from 'node:fs';
import { MUTATED } from './scripts/mutation/modules.mjs';

const INCREMENTAL = 'reports/mutation/stryker-incremental.json';

/**
 * What to mutate: K1S0_MUTATE (comma-separated paths, or `all` for every check
 * module), else the modules the committed incremental file holds, so CI re-runs
 * only what changed there. A module joins that file by a run of its own
 * (`K1S0_MUTATE=server/src/x/y.ts npm run test:mutation`, then commit the file).
 */
function mutated() {
  const asked = process.env.K1S0_MUTATE;
  if (asked === 'all') return MUTATED;
  if (asked) return asked.split(',');
  if (!existsSync(INCREMENTAL)) return MUTATED;
  const held = new Set(Object.keys(JSON.parse(readFileSync(INCREMENTAL, 'utf8')).files));
  return MUTATED.filter((module) => held.has(module));
}

export default {
  plugins: ['./scripts/mutation/node-test-runner.mjs', './scripts/mutation/ignore-docs.mjs'],
  ignorers: ['check-docs'],
  testRunner: 'node-test',
  coverageAnalysis: 'perTest',
  mutate: mutated(),
  nodeTest: {
    roots: ['server/src'],
    // The corpus tests read ../shared/corpus (not in the sandbox) and only re-prove what the unit tests do.
    // registry.test.ts reads the modules' source text, which Stryker's instrumentation rewrites.
    // retention.test.ts measures memory over dozens of versions of a big file (seconds per run) and asserts no behaviour.
    exclude: ['corpus\\.test\\.ts$', 'checks/registry\\.test\\.ts$', 'service/retention\\.test\\.ts$'],
    // Tests inside unit files that read the corpus (until they move to *.corpus.test.ts).
    skipTests: ['promtool accepts, and duplicates only', 'on every rule of the public corpus'],
  },
  incremental: true,
  incrementalFile: process.env.K1S0_MUTATION_BATCH ? `reports/mutation/batches/${process.env.K1S0_MUTATION_BATCH}.incremental.json` : INCREMENTAL,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${process.env.K1S0_MUTATION_BATCH ? `batches/${process.env.K1S0_MUTATION_BATCH}` : 'mutation'}.html` },
  jsonReporter: { fileName: `reports/mutation/${process.env.K1S0_MUTATION_BATCH ? `batches/${process.env.K1S0_MUTATION_BATCH}` : 'mutation'}.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, skipFull: false },
  concurrency: Number(process.env.K1S0_MUTATION_CONCURRENCY ?? 2),
  // Generous: on a loaded machine a slow run is not an infinite loop (Stryker counts a timeout as caught).
  timeoutMS: 60_000,
  // The initial run of every test takes ~1 minute alone; on a shared, loaded machine several times that.
  dryRunTimeoutMinutes: 20,
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['/dist', '/out', '/.e2e', '/test-artifacts', '/bench', '/reports', '*.vsix', '.ci'],
  disableTypeChecks: false,
  thresholds: { high: 95, low: 85, break: null },
};
