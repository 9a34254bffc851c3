// Merges Stryker JSON reports (mutation-testing-report-schema) into one: the
// files and test files of each, later ones winning. Used to make the committed
// incremental file from runs made module group by module group.
//
//   node scripts/mutation/merge.mjs OUT IN...
import { readFileSync, writeFileSync } from 'node:fs';

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) {
  console.error('usage: merge.mjs OUT IN...');
  process.exit(2);
}
const merged = JSON.parse(readFileSync(inputs[0], 'utf8'));
for (const input of inputs.slice(1)) {
  const report = JSON.parse(readFileSync(input, 'utf8'));
  Object.assign(merged.files, report.files);
  merged.testFiles = { ...merged.testFiles, ...report.testFiles };
}
writeFileSync(out, JSON.stringify(merged));
