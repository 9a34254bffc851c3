// Merges Stryker JSON reports (mutation-testing-report-schema) into one: the
// files and test files of each. Used to make the committed incremental file
// from runs made module group by module group, or on different branches.
// For each file, the entry whose recorded source is the file as it is on disk
// wins (a result made against another version of a test would make Stryker
// test again what that test covers); else the later report's.
//
//   node scripts/mutation/merge.mjs OUT IN...
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [out, ...inputs] = process.argv.slice(2);
if (!out || inputs.length === 0) {
  console.error('usage: merge.mjs OUT IN...');
  process.exit(2);
}

const read = new Map();
/** A file's text on disk (undefined when it is gone), read once however many reports name it. */
function onDisk(path) {
  if (!read.has(path)) read.set(path, existsSync(path) ? readFileSync(path, 'utf8') : undefined);
  return read.get(path);
}

/** The entries of every report for one kind (`files`, `testFiles`), the one matching the disk first. */
function mergeEntries(reports, kind) {
  const merged = {};
  for (const report of reports) {
    for (const [path, entry] of Object.entries(report[kind] ?? {})) {
      const current = onDisk(path);
      const kept = merged[path];
      if (kept !== undefined && kept.source === current && entry.source !== current) continue;
      merged[path] = entry;
    }
  }
  return merged;
}

const reports = inputs.map((input) => JSON.parse(readFileSync(input, 'utf8')));
const merged = { ...reports[0], files: mergeEntries(reports, 'files'), testFiles: mergeEntries(reports, 'testFiles') };
writeFileSync(out, JSON.stringify(merged));
