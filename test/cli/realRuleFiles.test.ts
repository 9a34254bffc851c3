/**
 * Rule files as other tools write them, found and checked as promtool checks
 * them: top-level keys quoted (`"groups":`, `"kind": "PrometheusRule"`, as
 * jsonnet writes YAML), and `*.json` files whose top level is `groups` (YAML
 * reads JSON; promtool accepts them). Found when a directory is walked
 * (`check DIR`), when named (`check FILE`), and in the editor (kindOf); each
 * error is the one the real `promtool check rules` reports on the same file,
 * at the place it names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { tempDir } from '../support/tempDir';
import { DEFAULT_SETTINGS } from '../../server/src/base/settings';
import { LanguageService } from '../../server/src/service/languageService';
import { promtoolCheck, requirePromtool } from '../../server/src/rules/promtoolOracle';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');

interface JsonItem {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

function check(args: string[], cwd: string): { code: number | null; items: JsonItem[]; stderr: string } {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [CLI, 'check', ...args, '--format', 'json'], { cwd, encoding: 'utf8', env });
  return { code: result.status, items: JSON.parse(result.stdout) as JsonItem[], stderr: result.stderr };
}

const row = (i: JsonItem) => `${i.file}:${i.range.start.line}:${i.range.start.character}-${i.range.end.line}:${i.range.end.character} ${i.severity} ${i.code} ${i.message}`;

/**
 * promtool's parse error of the one broken rule of a file: where it is (0-based line and
 * character, from the expr node's line:col and the 1-based column inside a one-line
 * quoted expression) and what it says.
 */
function promtoolParseError(file: string, shift = { lines: 0, characters: 0 }): { line: number; character: number; message: string } {
  const verdict = promtoolCheck({ file });
  assert.equal(verdict.accepted, false, verdict.output);
  const m = /: (\d+):(\d+): group "[^"]*", rule \d+, "[^"]*": could not parse expression: 1:(\d+): parse error: (.*)$/m.exec(verdict.output);
  assert.ok(m, verdict.output);
  const [line, column, inside] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // column is the opening quote's (1-based); the expression starts one further.
  return { line: line - 1 + shift.lines, character: column + inside - 1 + shift.characters, message: m[4] ?? '' };
}

const QUOTED = `"groups":
  - "name": "jsonnet"
    "rules":
      - "record": "job:up:sum"
        "expr": "foo bar"
`;

const QUOTED_CRD = `"apiVersion": "monitoring.coreos.com/v1"
"kind": "PrometheusRule"
"metadata":
  "name": "generated"
"spec":
  "groups":
    - "name": "jsonnet"
      "rules":
        - "record": "job:up:sum"
          "expr": "up =="
`;

const JSON_RULES = `{
  "groups": [
    {
      "name": "json",
      "rules": [
        { "record": "job:up:sum", "expr": "sum by (job) (up)" },
        { "record": "job:up:count", "expr": "up ==" }
      ]
    }
  ]
}
`;

function layOut(dir: string): void {
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'rules', 'quoted.yaml'), QUOTED);
  writeFileSync(join(dir, 'rules', 'crd.yaml'), QUOTED_CRD);
  writeFileSync(join(dir, 'rules', 'rules.json'), JSON_RULES);
}

test('quoted top-level keys and JSON rule files: found when a directory is walked, each error where promtool puts it', (t) => {
  requirePromtool();
  const dir = tempDir(t, 'real-rules');
  layOut(dir);
  // promtool reads no PrometheusRule resource: it is given the resource's spec, two characters less indented, five lines up.
  const spec = join(dir, 'spec.yaml');
  writeFileSync(
    spec,
    QUOTED_CRD.split('\n')
      .slice(5)
      .map((line) => line.slice(2))
      .join('\n'),
  );
  assert.deepEqual(parse(readFileSync(spec, 'utf8')), (parse(QUOTED_CRD) as { spec: unknown }).spec);
  const theirs = {
    crd: promtoolParseError(spec, { lines: 5, characters: 2 }),
    quoted: promtoolParseError(join(dir, 'rules', 'quoted.yaml')),
    json: promtoolParseError(join(dir, 'rules', 'rules.json')),
  };
  assert.deepEqual(theirs, {
    crd: { line: 9, character: 24, message: 'unexpected end of input' },
    quoted: { line: 4, character: 21, message: 'unexpected identifier "bar"' },
    json: { line: 6, character: 50, message: 'unexpected end of input' },
  });

  const { code, items, stderr } = check(['rules'], dir);
  assert.equal(stderr, '');
  assert.equal(code, 1);
  assert.deepEqual(items.map(row), [
    'rules/crd.yaml:9:24-9:24 error promql/syntax unexpected end of input',
    'rules/quoted.yaml:4:21-4:24 error promql/syntax unexpected identifier "bar"',
    'rules/rules.json:6:50-6:50 error promql/syntax unexpected end of input',
  ]);
});

test('a JSON rule file named on the command line is checked as a rule file', (t) => {
  const dir = tempDir(t, 'real-rules');
  layOut(dir);
  const { code, items } = check(['rules/rules.json'], dir);
  assert.equal(code, 1);
  assert.deepEqual(items.map(row), ['rules/rules.json:6:50-6:50 error promql/syntax unexpected end of input']);
});

test('the editor tells the same files rule files (and a Grafana dashboard still a dashboard)', () => {
  const service = new LanguageService();
  const kind = (path: string, text: string) => service.kindOf({ uri: `file://${path}`, text }, DEFAULT_SETTINGS, { path });
  assert.equal(kind('/w/rules/quoted.yaml', QUOTED), 'rules');
  assert.equal(kind('/w/rules/crd.yaml', QUOTED_CRD), 'rules');
  assert.equal(kind('/w/rules/rules.json', JSON_RULES), 'rules');
  assert.equal(kind('/w/dashboards/d.json', JSON.stringify({ title: 'd', panels: [{ type: 'timeseries', targets: [{ refId: 'A', expr: 'up' }] }] })), 'dashboard');
});
