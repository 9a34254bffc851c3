// npm run test:mutation — mutates again the enrolled check modules whose source changed since the
// committed reports/mutation/stryker-incremental.json recorded them, then checks every module's
// score (the committed results, with this run's for the modules it mutated) against its goal/floor.
//
// Why not Stryker's own incremental run over every module: our node:test runner reports no test
// locations, so Stryker treats a test file that changed, and every test added, as new coverage of
// each mutant it reaches, and tests again thousands of mutants a catalog test happens to run through.
// New or changed tests can only kill more mutants; what can lose a kill is a changed module, and
// those are mutated here. A refresh of the whole file (after tests change) is a run of each module
// group's batch, merged (CONTRIBUTING.md).
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const INCREMENTAL = 'reports/mutation/stryker-incremental.json';
const BATCH = 'ci';
const BATCH_FILE = `reports/mutation/batches/${BATCH}.incremental.json`;

const recorded = JSON.parse(readFileSync(INCREMENTAL, 'utf8')).files;
const changed = Object.entries(recorded)
  .filter(([path, entry]) => existsSync(path) && readFileSync(path, 'utf8') !== entry.source)
  .map(([path]) => path);

const reports = [INCREMENTAL];
if (changed.length === 0) {
  console.log('mutation: no enrolled module changed since the committed results');
} else {
  console.log(`mutation: mutating again ${changed.join(', ')}`);
  mkdirSync('reports/mutation/batches', { recursive: true });
  // Stryker reads and writes one incremental file: a copy, so the committed one keeps every module.
  copyFileSync(INCREMENTAL, BATCH_FILE);
  const run = spawnSync('npx', ['stryker', 'run'], { stdio: 'inherit', env: { ...process.env, K1S0_MUTATION_BATCH: BATCH, K1S0_MUTATE: changed.join(',') } });
  if (run.status !== 0) process.exit(run.status ?? 1);
  reports.push(`reports/mutation/batches/${BATCH}.json`);
}
const scores = spawnSync(process.execPath, ['scripts/mutation/scores.mjs', '--check', ...reports], { stdio: 'inherit' });
process.exit(scores.status ?? 1);
