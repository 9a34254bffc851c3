/** prometheus.yaml through the CLI: the same code and range in every format; bad input is one clear diagnostic, never a crash. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/tempDir';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const MISTAKE = 'examples/infra/observability/prometheus/prometheus.yaml';

function run(args: string[], cwd = ROOT) {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test("the example's deliberate mistake: the same code and place in text, json and sarif", () => {
  const text = run(['check', MISTAKE]);
  assert.equal(text.code, 1);
  assert.equal(
    text.stdout,
    `${MISTAKE}:16:19: error "http://kong:8001/metrics" is not a valid hostname: a target is host:port, here "kong:8001" [prometheus/config]\n1 problem (1 error, 0 warnings, 0 other) in 1 of 1 file checked.\n`,
  );
  const json = JSON.parse(run(['check', MISTAKE, '--format', 'json']).stdout) as { code: string; range: unknown; message: string }[];
  assert.deepEqual(
    json.map((d) => [d.code, d.range]),
    [['prometheus/config', { start: { line: 15, character: 18 }, end: { line: 15, character: 44 } }]],
  );
  const sarif = JSON.parse(run(['check', MISTAKE, '--format', 'sarif']).stdout) as {
    runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[];
  };
  assert.deepEqual(
    sarif.runs[0]?.results.map((r) => [r.ruleId, r.locations[0]?.physicalLocation.region.startLine, r.locations[0]?.physicalLocation.region.startColumn]),
    [['prometheus/config', 16, 19]],
  );
});

test('a prometheus.yaml that is not YAML, nested too deep or not UTF-8 gets one diagnostic, and the run goes on', (t) => {
  const dir = tempDir(t, 'cli-prometheus-bad');
  mkdirSync(join(dir, 'bad'));
  writeFileSync(join(dir, 'bad', 'broken.yaml'), 'scrape_configs:\n  - job_name: "a\n');
  writeFileSync(join(dir, 'bad', 'deep.yaml'), 'scrape_configs:\n  - job_name: a\n' + Array.from({ length: 300 }, (_, i) => `${' '.repeat(4 + 2 * i)}x:\n`).join(''));
  writeFileSync(join(dir, 'bad', 'prometheus.yaml'), Buffer.from([...Buffer.from('scrape_configs:\n  - job_name: a\n'), 0x00, 0xff, 0xfe]));
  writeFileSync(join(dir, 'bad', 'ok.yaml'), 'scrape_configs:\n  - job_name: a\n    static_configs:\n      - targets: [a:1, "http://b:2"]\n');
  const files = ['broken.yaml', 'deep.yaml', 'prometheus.yaml', 'ok.yaml'].map((name) => join('bad', name));
  const { code, stdout, stderr } = run(['check', ...files, '--format', 'json'], dir);
  assert.equal(stderr, '');
  assert.equal(code, 1);
  assert.deepEqual(
    (JSON.parse(stdout) as { file: string; range: { start: { line: number; character: number } }; code: string; message: string }[]).map(
      (d) => `${d.file}:${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`,
    ),
    [
      'bad/broken.yaml:2:0 yaml/syntax Missing closing "quote',
      'bad/deep.yaml:255:510 yaml/syntax Not checked: the document nests deeper than 256 levels',
      'bad/prometheus.yaml:0:0 file/encoding Not checked: the file is not valid UTF-8; k1s0 checks only UTF-8 YAML and JSON.',
      'bad/ok.yaml:3:23 prometheus/config "http://b:2" is not a valid hostname: a target is host:port, here "b:2"',
    ],
  );
});
