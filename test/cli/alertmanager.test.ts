/** The CLI reports an alertmanager.yml's problems with the editor's codes and ranges, in every format. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/tempDir';

const CLI = join(__dirname, '../../dist/cli.js');

function run(args: string[], cwd: string) {
  const env = { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const ALERTMANAGER = [
  'route:',
  '  receiver: mail',
  '  routes:',
  '    - matchers: [\'severity="critical"\']',
  '      receiver: teams-opz',
  'receivers:',
  '  - name: mail',
  '    email_configs: [{to: a@example.com, from: b@example.com, smarthost: "smtp:25"}]',
  '  - name: teams-ops',
  '    webhook_configs:',
  '      - url: http://prometheus-msteams:2000/ops',
  '',
].join('\n');
const RULES = 'groups:\n  - name: g\n    rules:\n      - alert: ServiceDown\n        expr: up == 0\n        labels:\n          severity: warning\n';

/** Every code once: alertmanager/config (a did-you-mean), unused-receiver, unrouted-severity (the rule file's warning) and policy (prod). */
const EXPECTED = [
  'prod/alertmanager.yml:1:12-1:16 warning alertmanager/policy',
  'prod/alertmanager.yml:1:12-1:16 information alertmanager/unrouted-severity',
  'prod/alertmanager.yml:4:16-4:25 error alertmanager/config',
  'prod/alertmanager.yml:8:10-8:19 warning alertmanager/unused-receiver',
];

test('check reports every alertmanager code with the same ranges in json, text, github and sarif', (t) => {
  const dir = tempDir(t, 'am-cli');
  mkdirSync(join(dir, 'prod'));
  mkdirSync(join(dir, 'rules'));
  writeFileSync(join(dir, 'prod/alertmanager.yml'), ALERTMANAGER);
  writeFileSync(join(dir, 'rules/alerts.yaml'), RULES);

  const json = run(['check', '.', '--select', 'alertmanager', '--format', 'json'], dir);
  assert.equal(json.stderr, '');
  assert.equal(json.code, 1);
  const items = JSON.parse(json.stdout) as {
    file: string;
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: string;
    code: string;
    message: string;
  }[];
  assert.deepEqual(
    items.map((i) => `${i.file}:${i.range.start.line}:${i.range.start.character}-${i.range.end.line}:${i.range.end.character} ${i.severity} ${i.code}`),
    EXPECTED,
  );
  assert.equal(items[2]?.message, 'Undefined receiver "teams-opz" used in route.routes[0]. Did you mean "teams-ops"? Receivers: mail, teams-ops.');

  const text = run(['check', '.', '--select', 'alertmanager'], dir);
  assert.equal(text.code, 1);
  assert.deepEqual(
    text.stdout
      .split('\n')
      .filter((line) => line.startsWith('prod/'))
      .map((line) => /^(\S+?):(\d+):(\d+): (\w+) .* \[(\S+)\]$/.exec(line)?.slice(1).join(' ')),
    [
      'prod/alertmanager.yml 2 13 warning alertmanager/policy',
      'prod/alertmanager.yml 2 13 information alertmanager/unrouted-severity',
      'prod/alertmanager.yml 5 17 error alertmanager/config',
      'prod/alertmanager.yml 9 11 warning alertmanager/unused-receiver',
    ],
  );

  const github = run(['check', '.', '--select', 'alertmanager', '--format', 'github'], dir);
  assert.equal(github.code, 1);
  assert.deepEqual(
    github.stdout
      .split('\n')
      .filter((line) => line.startsWith('::'))
      .map((line) => /^::(\w+) file=([^,]+),line=(\d+),endLine=\d+,col=(\d+),endColumn=\d+,title=k1s0 ([^:]+)::/.exec(line)?.slice(1).join(' ')),
    [
      'warning prod/alertmanager.yml 2 13 alertmanager/policy',
      'notice prod/alertmanager.yml 2 13 alertmanager/unrouted-severity',
      'error prod/alertmanager.yml 5 17 alertmanager/config',
      'warning prod/alertmanager.yml 9 11 alertmanager/unused-receiver',
    ],
  );

  const sarif = run(['check', '.', '--select', 'alertmanager', '--format', 'sarif'], dir);
  assert.equal(sarif.code, 1);
  const results =
    (JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number; startColumn: number } } }[] }[] }[] }).runs[0]
      ?.results ?? [];
  assert.deepEqual(
    results.map((r) => `${r.ruleId} ${r.level} ${r.locations[0]?.physicalLocation.region.startLine}:${r.locations[0]?.physicalLocation.region.startColumn}`),
    ['alertmanager/policy warning 2:13', 'alertmanager/unrouted-severity note 2:13', 'alertmanager/config error 5:17', 'alertmanager/unused-receiver warning 9:11'],
  );
});
