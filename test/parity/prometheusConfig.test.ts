/**
 * Parity with Prometheus on prometheus.yaml: every case of
 * prometheus-config/cases.txt, and the design's own prometheus.yaml, gets the
 * same verdict (rejected or not) from `promtool check config --syntax-only`
 * (Debian's 2.42, DESIGN.md's oracle) and from k1s0's checker (an
 * error-severity diagnostic of any code). Cases marked `full` run promtool
 * without --syntax-only beside a rule file, where rule_files are looked for.
 * Debian builds promtool without Kubernetes discovery: those cases assert
 * that promtool still rejects them and that the checker gives upstream's
 * verdict. Fails (does not skip) when promtool is missing.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/base/settings';
import { diagnoseConfig } from '../../server/src/prometheus/testSupport';
import { tempDir } from '../support/tempDir';
import { promtoolVersion } from './promtool';

interface ConfigCase {
  name: string;
  line: number;
  text: string;
  full: boolean;
  debianLacks?: string;
  expect?: 'valid' | 'invalid';
}

function readConfigCases(): ConfigCase[] {
  const lines = readFileSync(join(__dirname, 'prometheus-config/cases.txt'), 'utf8').split('\n');
  const cases: ConfigCase[] = [];
  let current: ConfigCase | undefined;
  let body: string[] = [];
  const flush = () => {
    if (current) cases.push({ ...current, text: body.join('\n').replace(/\n+$/, '\n') });
  };
  lines.forEach((line, i) => {
    const header = /^### (.+)$/.exec(line);
    if (header) {
      flush();
      current = { name: header[1] ?? '', line: i + 1, text: '', full: false };
      body = [];
      return;
    }
    if (!current) return;
    if (body.length === 0 && line === 'full') current.full = true;
    else if (body.length === 0 && line.startsWith('debian-lacks ')) current.debianLacks = line.slice('debian-lacks '.length);
    else if (body.length === 0 && (line === 'expect valid' || line === 'expect invalid')) current.expect = line === 'expect valid' ? 'valid' : 'invalid';
    else body.push(line);
  });
  flush();
  return cases;
}

/** promtool is told the file is a Prometheus configuration; so is the checker, by the setting (a list or a lone `tracing:` is none by content). */
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, files: { ...DEFAULT_SETTINGS.files, prometheusConfig: ['**/prometheus.yaml'] } };

function promtoolVerdict(file: string, full: boolean): Promise<{ valid: boolean; output: string }> {
  const args = ['check', 'config', ...(full ? [] : ['--syntax-only']), file];
  return new Promise((resolve, reject) => {
    const child = spawn('promtool', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    // promtool 2.42 panics on some inputs (a null Alertmanager entry): a rejection all the same.
    child.on('close', (status) => resolve({ valid: status === 0 && output.includes('SUCCESS'), output: output.trim() }));
  });
}

/** Each file through promtool, a few at a time (one process per case: promtool stops at a file's first error). */
async function promtoolVerdicts(jobs: { file: string; full: boolean }[]): Promise<{ valid: boolean; output: string }[]> {
  const results: { valid: boolean; output: string }[] = [];
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index];
      if (job) results[index] = await promtoolVerdict(job.file, job.full);
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return results;
}

test('promtool is installed', () => {
  assert.match(promtoolVersion(), /promtool, version/);
});

test('the checker agrees with promtool check config on every case', async (t) => {
  promtoolVersion();
  const cases = readConfigCases();
  assert.ok(cases.length >= 60, `expected a few dozen cases, got ${cases.length}`);
  const dir = tempDir(t, 'prometheus-config-parity');
  const failures: string[] = [];
  let valid = 0;
  const files = cases.map((c, i) => {
    const caseDir = join(dir, `case${i}`);
    mkdirSync(join(caseDir, 'rules'), { recursive: true });
    writeFileSync(join(caseDir, 'rules.yaml'), 'groups: []\n');
    writeFileSync(join(caseDir, 'rules', 'a.yaml'), 'groups: []\n');
    const file = join(caseDir, 'prometheus.yaml');
    writeFileSync(file, c.text);
    return file;
  });
  const verdicts = await promtoolVerdicts(cases.map((c, i) => ({ file: files[i] ?? '', full: c.full })));
  cases.forEach((c, i) => {
    const file = files[i] ?? '';
    const theirs = verdicts[i] ?? { valid: false, output: 'no verdict' };
    // The checker sees the file where promtool does only when rule_files are looked for.
    const diagnostics = diagnoseConfig(c.text, c.full ? { path: file, settings: SETTINGS } : { settings: SETTINGS });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const oursValid = errors.length === 0;
    const ours = errors.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).join(' | ') || 'valid';
    if (c.debianLacks) {
      if (theirs.valid) failures.push(`cases.txt:${c.line} ${c.name}: Debian's promtool now has ${c.debianLacks} discovery; compare it as any other case`);
      if (oursValid !== (c.expect === 'valid')) failures.push(`cases.txt:${c.line} ${c.name}: upstream says ${c.expect ?? '?'}, ours: ${ours}`);
      return;
    }
    if (theirs.valid) valid++;
    if (theirs.valid !== oursValid) failures.push(`cases.txt:${c.line} ${c.name}\n    promtool: ${theirs.output.split('\n').slice(1).join(' ')}\n    ours:     ${ours}`);
  });
  assert.ok(valid >= 15 && cases.length - valid >= 30, `valid and invalid cases both: ${valid} valid of ${cases.length}`);
  assert.equal(failures.length, 0, `${failures.length} case(s) disagree:\n${failures.join('\n')}`);
});

test("promtool and the checker accept the design's prometheus.yaml", async (t) => {
  const text = readFileSync(join(__dirname, '../../examples/infra/docker/prometheus/prometheus.yaml'), 'utf8');
  const file = join(tempDir(t, 'prometheus-config-design'), 'prometheus.yaml');
  writeFileSync(file, text);
  const theirs = await promtoolVerdict(file, false);
  assert.ok(theirs.valid, theirs.output);
  assert.deepEqual(
    diagnoseConfig(text).filter((d) => d.code.startsWith('prometheus/')),
    [],
  );
});
