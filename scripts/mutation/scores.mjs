// Each check module's mutation score against its goal (scripts/mutation/modules.mjs),
// from a Stryker JSON report (default: the committed incremental file, which holds
// every module's last result). Writes reports/mutation/scores.md and prints it.
// `--check` exits 1 when a module of the report is below min(goal, floor): the floors (scripts/mutation/floors.json, written with
// `--write-floors`) are the scores last recorded, a ratchet for the modules not
// at their goal yet: none may lose ground, and one that reached its goal keeps it.
//
//   node scripts/mutation/scores.mjs [--check] [--write-floors] [report.json ...]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { GOALS } from './modules.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const writeFloors = args.includes('--write-floors');
const reports = args.filter((a) => !a.startsWith('--'));
const FLOORS = 'scripts/mutation/floors.json';
const floors = existsSync(FLOORS) ? JSON.parse(readFileSync(FLOORS, 'utf8')) : {};
const newFloors = {};
if (reports.length === 0) reports.push('reports/mutation/stryker-incremental.json');

/** Later reports win for a file they hold. */
const files = {};
for (const report of reports) Object.assign(files, JSON.parse(readFileSync(report, 'utf8')).files);

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const rows = [];
let failed = false;
for (const [module, goal] of Object.entries(GOALS)) {
  const mutants = files[module]?.mutants;
  if (!mutants) {
    // Not enrolled yet: no baseline was committed for it (README: npm run test:mutation).
    rows.push([module, goal, '—', '', '', '', 'not mutated yet']);
    continue;
  }
  const count = (set) => mutants.filter((m) => set.has(m.status)).length;
  const detected = count(DETECTED);
  const undetected = count(UNDETECTED);
  const ignored = mutants.filter((m) => m.status === 'Ignored').length;
  const score = detected + undetected === 0 ? 100 : (100 * detected) / (detected + undetected);
  const floor = Math.min(goal, floors[module] ?? 0);
  newFloors[module] = Math.floor(score * 10) / 10;
  const status = score >= goal ? 'goal' : score >= floor ? `below goal (floor ${floor})` : `BELOW FLOOR ${floor}`;
  if (score < floor) failed = true;
  rows.push([module, goal, score.toFixed(1), detected, undetected, ignored, status]);
}
const table = ['| module | goal % | score % | caught | missed | ignored (equivalent / docs) | |', '| --- | ---: | ---: | ---: | ---: | ---: | --- |', ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
  '\n',
);
const out = 'reports/mutation/scores.md';
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `# Mutation score per check module\n\nFrom ${reports.join(', ')}.\n\n${table}\n`);
console.log(table);
if (writeFloors) writeFileSync(FLOORS, `${JSON.stringify(newFloors, null, 2)}\n`);
if (check && failed) {
  console.error('\nmutation: a module lost ground (below its floor; see above)');
  process.exit(1);
}
