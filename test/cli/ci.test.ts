/**
 * The CLI as CI pipelines use it: workflow annotations, --ignore,
 * --max-warnings, --locale, SARIF valid against the 2.1.0 schema with rule
 * help, and the workspace's .k1s0/lint.yaml.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { tempDir, type Owner } from '../support/tempDir';

const ROOT = join(__dirname, '../..');
const CLI = join(ROOT, 'dist/cli.js');
const SYSTEM = 'examples/regions/system';
const AUTH = 'examples/regions/system/server/rust/auth/config/config.yaml';

function run(args: string[], options: { cwd?: string; lang?: string } = {}) {
  const env = { ...process.env, LANG: options.lang ?? 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT, encoding: 'utf8', env });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('--format github prints one workflow command per diagnostic, escaped', () => {
  const { code, stdout, stderr } = run(['check', SYSTEM, '--format', 'github']);
  assert.equal(code, 1);
  assert.equal(stderr, '');
  assert.equal(
    stdout,
    [
      `::error file=${AUTH},line=11,endLine=11,col=12,endColumn=21,title=k1s0 config/schema::observability.log.level must be one of debug, info, warn, error; got string "verbose".`,
      `::warning file=${AUTH},line=12,endLine=12,col=13,endColumn=19,title=k1s0 config/policy::prod: observability.log.format should be json, not "text" (design: JSON structured logs are the standard (Loki); text is for dev only).`,
      `::warning file=${AUTH},line=16,endLine=16,col=18,endColumn=21,title=k1s0 config/policy::prod: observability.trace.sample_rate should be 0.1, not 1.0 (design: トレースサンプリング戦略: prod keeps 10%25 (tail-based in the OTel Collector, errors 100%25)).`,
      '',
    ].join('\n'),
  );
  const clean = run(['check', 'examples/config', '--format', 'github']);
  assert.deepEqual([clean.code, clean.stdout], [0, '']);
});

test('--ignore drops codes by prefix, after --select', () => {
  const ignored = run(['check', SYSTEM, '--ignore', 'config/schema', '--format', 'json']);
  assert.equal(ignored.code, 0);
  assert.deepEqual(
    (JSON.parse(ignored.stdout) as { code: string }[]).map((i) => i.code),
    ['config/policy', 'config/policy'],
  );
  const both = run(['check', SYSTEM, '--select', 'config', '--ignore=config/policy,yaml', '--format', 'json']);
  assert.deepEqual(
    (JSON.parse(both.stdout) as { code: string }[]).map((i) => i.code),
    ['config/schema'],
  );
  assert.equal(run(['check', SYSTEM, '--ignore', 'config', '--format', 'json']).stdout, '[]\n');
});

test('--max-warnings N fails only when there are more than N warnings', () => {
  const within = run(['check', SYSTEM, '--ignore', 'config/schema', '--max-warnings', '2', '--format', 'json']);
  assert.deepEqual([within.code, within.stderr], [0, '']);
  const over = run(['check', SYSTEM, '--ignore', 'config/schema', '--max-warnings=1', '--format', 'json']);
  assert.deepEqual([over.code, over.stderr], [1, 'k1s0: too many warnings: 2, more than --max-warnings 1\n']);
  const zero = run(['check', 'examples/config', '--max-warnings', '0']);
  assert.equal(zero.code, 0);
  const bad = run(['check', SYSTEM, '--max-warnings', '-1']);
  assert.deepEqual([bad.code, bad.stderr.split('\n')[0]], [2, 'k1s0: --max-warnings needs a whole number of 0 or more, got "-1"']);
});

test('--locale ja says messages, summary and usage errors in Japanese; LANG is the default', () => {
  const ja = run(['check', SYSTEM, '--locale', 'ja']);
  assert.equal(ja.code, 1);
  assert.equal(
    ja.stdout,
    [
      `${AUTH}:11:12: error observability.log.level は debug、info、warn、error のいずれかである必要があります。実際の値: 文字列 "verbose"。 [config/schema]`,
      `${AUTH}:12:13: warning prod: observability.log.format は "text" ではなく json にしてください（設計: JSON 構造化ログが標準（Loki）、text は dev のみ）。 [config/policy]`,
      `${AUTH}:16:18: warning prod: observability.trace.sample_rate は 1.0 ではなく 0.1 にしてください（設計: トレースサンプリング戦略: prod は 10%（OTel Collector でテールベース、エラーは 100%））。 [config/policy]`,
      '3 件の問題（エラー 1 件、警告 2 件、その他 0 件）: 検査した 1 ファイルのうち 1 ファイル。',
      '',
    ].join('\n'),
  );
  assert.equal(run(['check', SYSTEM], { lang: 'ja_JP.UTF-8' }).stdout, ja.stdout);
  assert.equal(run(['check', 'examples/config', '--locale=en'], { lang: 'ja_JP.UTF-8' }).stdout, 'No problems (3 files checked).\n');
  const usage = run(['check', '--format', 'xml', '--locale', 'ja']);
  assert.deepEqual([usage.code, usage.stderr.split('\n')[0]], [2, 'k1s0: 不明な形式 "xml"（text、json、sarif、github のいずれか）']);
  const unknown = run(['check', '--locale', 'fr']);
  assert.deepEqual([unknown.code, unknown.stderr.split('\n')[0]], [2, 'k1s0: unknown locale "fr" (expected en, ja)']);
});

test('SARIF is valid against the SARIF 2.1.0 schema and every rule carries help text', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const validate = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }).compile(schema);
  for (const locale of ['en', 'ja']) {
    const { code, stdout } = run(['check', 'examples', '--format', 'sarif', '--locale', locale]);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout) as {
      runs: {
        tool: { driver: { rules: { id: string; shortDescription: { text: string }; help: { text: string; markdown: string }; helpUri: string }[] } };
        results: { ruleId: string; ruleIndex: number }[];
      }[];
    };
    assert.equal(validate(sarif), true, JSON.stringify(validate.errors, null, 2));
    const [only] = sarif.runs;
    assert.ok(only);
    const rules = only.tool.driver.rules;
    assert.deepEqual(
      rules.map((r) => r.id),
      [
        'alertmanager/config',
        'alerts/labels',
        'catalog/file',
        'catalog/label-value',
        'catalog/undefined-rule',
        'catalog/unknown-label',
        'catalog/unknown-metric',
        'compose/policy',
        'config/policy',
        'config/schema',
        'consistency/rule-files',
        'dashboard/variable',
        'logql/syntax',
        'loki/config',
        'otelcol/pipeline',
        'policy/alert',
        'policy/slo',
        'prometheus/config',
        'promql/rate-window',
        'promql/syntax',
        'promql/type',
        'promql/vector-matching',
        'promtail/config',
        'rules/structure',
        'rules/template',
        'yaml/syntax',
      ],
    );
    for (const rule of rules) {
      assert.notEqual(rule.help.text, '');
      assert.ok(rule.help.markdown.startsWith(`**${rule.id}**: ${rule.help.text}`));
      assert.equal(rule.helpUri, 'https://github.com/k1s0-platform/k1s0-observability-vscode#what-it-checks');
    }
    for (const result of only.results) assert.equal(rules[result.ruleIndex]?.id, result.ruleId);
    const schemaRule = rules.find((r) => r.id === 'config/schema');
    assert.equal(schemaRule?.shortDescription.text, locale === 'ja' ? 'observability セクションがスキーマに合わない' : 'observability section does not match the schema');
  }
});

function workspace(t: Owner, lintYaml: string | undefined): string {
  const dir = tempDir(t, 'lint');
  cpSync(join(ROOT, SYSTEM), join(dir, 'system'), { recursive: true });
  if (lintYaml !== undefined) {
    mkdirSync(join(dir, '.k1s0'));
    writeFileSync(join(dir, '.k1s0/lint.yaml'), lintYaml);
  }
  return dir;
}

test('.k1s0/lint.yaml re-grades and turns off checks like the editor setting, from the nearest parent', (t) => {
  const dir = workspace(t, 'diagnostics:\n  severity:\n    config/policy: "off"\n    config: warning\n');
  const { code, stdout } = run(['check', '.', '--format', 'json'], { cwd: join(dir, 'system') });
  assert.equal(code, 0);
  assert.deepEqual(
    (JSON.parse(stdout) as { code: string; severity: string }[]).map((i) => `${i.severity} ${i.code}`),
    ['warning config/schema'],
  );
  // --config names another file; an empty one is the defaults.
  writeFileSync(join(dir, 'empty.yaml'), '');
  const defaults = run(['check', '.', '--format', 'json', '--config', join(dir, 'empty.yaml')], { cwd: join(dir, 'system') });
  assert.equal(defaults.code, 1);
  assert.equal((JSON.parse(defaults.stdout) as unknown[]).length, 3);
});

test('.k1s0/lint.yaml environments and file globs are the settings of the same names', (t) => {
  const dir = workspace(t, 'config:\n  environments:\n    "**/auth/config/*.yaml": dev\n');
  const asDev = run(['check', '.', '--format', 'json'], { cwd: dir });
  assert.deepEqual(
    (JSON.parse(asDev.stdout) as { code: string }[]).map((i) => i.code),
    ['config/schema'],
  );
  const noConfigs = workspace(t, 'files:\n  config: ["**/settings.yaml"]\n');
  assert.equal(run(['check', '.'], { cwd: noConfigs }).stdout, 'No problems (2 files checked).\n'); // config.yaml and lint.yaml itself
});

test('an invalid .k1s0/lint.yaml is a usage problem (exit 2) naming each wrong key', (t) => {
  const dir = workspace(t, 'diagnostics:\n  severity:\n    config/policy: silent\nfiles:\n  maxFileSizeKB: 0\nextra: 1\n');
  const { code, stdout, stderr } = run(['check', '.'], { cwd: dir });
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.equal(
    stderr,
    'k1s0: .k1s0/lint.yaml is not a valid lint configuration: diagnostics.severity.config/policy: Invalid option: expected one of "error"|"warning"|"information"|"hint"|"off"; files.maxFileSizeKB: Too small: expected number to be >0; (top level): Unrecognized key: "extra"\n',
  );
  const notYaml = workspace(t, 'diagnostics: [\n');
  const broken = run(['check', '.'], { cwd: notYaml });
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /^k1s0: \.k1s0\/lint\.yaml is not a valid lint configuration: not YAML: /);
});
