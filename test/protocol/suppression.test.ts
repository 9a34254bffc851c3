import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { lines, rangeOf } from '../support/text';
import { tempDir } from '../support/tempDir';

const CLI = join(__dirname, '../../dist/cli.js');
let client: LspTestClient;
const uriOf = (relative: string) => pathToFileURL(join(workspace, relative)).href;

const POLICY_MESSAGE = 'prod: observability.log.format should be json, not "text" (design: JSON structured logs are the standard (Loki); text is for dev only).';

const CONFIG = lines(
  'observability:',
  '  log:',
  '    level: "warn"',
  '    format: "text"',
  '  trace:',
  '    enabled: true',
  '    endpoint: "jaeger:4317"',
  '    # k1s0-disable-next-line config/policy -- load test cluster samples everything',
  '    sample_rate: 1.0',
  '  metrics:',
  '    enabled: true',
  '    path: "/metrics"',
);

const RULES = lines(
  'groups:',
  '  - name: legacy',
  '    rules:',
  '      - alert: LegacyErrors',
  '        # k1s0-disable catalog -- exported by the legacy gateway, not in the catalog',
  '        expr: |',
  '          sum(rate(legacy_errors_total[5m])) > 1',
  '        labels:',
  '          severity: warning',
  '        annotations:',
  '          summary: legacy gateway errors',
  '      - alert: LegacyDown',
  '        # k1s0-disable-next-line promql/counter',
  '        expr: absent(up{job="legacy"})',
  '        labels:',
  '          severity: critical',
  '        annotations:',
  '          summary: legacy gateway down',
);

after(async () => {
  assert.equal(await client.shutdown(), 0);
});
// Removed once the hook above has shut the server down.
const workspace = tempDir({ after }, 'suppression');

before(async () => {
  mkdirSync(join(workspace, 'config'));
  mkdirSync(join(workspace, 'rules'));
  mkdirSync(join(workspace, '.k1s0'));
  writeFileSync(join(workspace, 'config/config.yaml'), CONFIG);
  writeFileSync(join(workspace, 'rules/legacy.yaml'), RULES);
  writeFileSync(join(workspace, '.k1s0/lint.yaml'), lines('diagnostics:', '  severity:', '    suppression/unknown-code: error'));
  client = new LspTestClient();
  await client.initialize(pathToFileURL(workspace).href);
});

test('a suppressed finding disappears; the one left carries no suppressed neighbour', async () => {
  const diagnostics = await client.diagnosticsFor(uriOf('config/config.yaml'));
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.range, d.message]),
    [['config/policy', 2, rangeOf(CONFIG, '"text"'), POLICY_MESSAGE]],
  );
  // The rule file: `k1s0-disable catalog` silences the unknown metric for the rest of its rule.
  const rules = await client.diagnosticsFor(uriOf('rules/legacy.yaml'));
  assert.deepEqual(
    rules.map((d) => [d.code, d.severity, d.range, d.message]),
    [['suppression/unused', 4, rangeOf(RULES, 'promql/counter'), 'Unused suppression: no promql/counter diagnostic on the next line; remove "promql/counter" from the directive.']],
    'an unused suppression is a hint',
  );
});

test('"Disable <code> for this line" inserts the directive above the line, indented like it', async () => {
  const uri = uriOf('config/config.yaml');
  await client.open(uri, CONFIG, 'yaml', 7);
  const [policy] = await client.diagnosticsFor(uri, (p) => p.version === 7);
  assert.ok(policy);
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: rangeOf(CONFIG, '"text"'),
    context: { diagnostics: [policy] },
  })) as { title: string; edit: unknown }[];
  const disable = actions.find((a) => a.title === 'Disable config/policy for this line');
  const lineStart = { line: rangeOf(CONFIG, '"text"').start.line, character: 0 };
  assert.deepEqual(disable?.edit, {
    documentChanges: [{ textDocument: { uri, version: 7 }, edits: [{ range: { start: lineStart, end: lineStart }, newText: '    # k1s0-disable-next-line config/policy\n' }] }],
  });
  // Applying it: the finding is gone and the new directive is used.
  const fixed = CONFIG.replace('    format: "text"', '    # k1s0-disable-next-line config/policy\n    format: "text"');
  await client.change(uri, 8, [{ text: fixed }]);
  assert.deepEqual(await client.diagnosticsFor(uri, (p) => p.version === 8), []);
  // An unknown code: re-graded by lint.yaml (error), with did-you-mean.
  const typo = fixed.replace('# k1s0-disable-next-line config/policy\n    format', '# k1s0-disable-next-line config/polcy\n    format');
  await client.change(uri, 9, [{ text: typo }]);
  const unknown = await client.diagnosticsFor(uri, (p) => p.version === 9);
  assert.deepEqual(unknown.map((d) => [d.code, d.severity, d.range, d.message]), [
    ['suppression/unknown-code', 1, rangeOf(typo, 'config/polcy'), 'Unknown diagnostic code "config/polcy" in k1s0-disable-next-line. Did you mean "config/policy"?'],
    ['config/policy', 2, rangeOf(typo, '"text"'), POLICY_MESSAGE],
  ]);
  await client.close(uri);
  await client.diagnosticsFor(uri, (p) => p.version === undefined && p.diagnostics.length === 1);
});

test('a lint.yaml change re-grades every file without a restart; its own problems are diagnostics on it', async () => {
  const lintUri = uriOf('.k1s0/lint.yaml');
  const configUri = uriOf('config/config.yaml');
  const lint = lines('diagnostics:', '  severity:', '    config/policy: "off"', '    suppression: "off"');
  writeFileSync(join(workspace, '.k1s0/lint.yaml'), lint);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lintUri, type: 2 }] });
  assert.deepEqual(await client.diagnosticsFor(configUri, (p) => p.diagnostics.length === 0), []);
  assert.deepEqual(await client.diagnosticsFor(uriOf('rules/legacy.yaml'), (p) => p.diagnostics.length === 0), []);

  const broken = lines('diagnostics:', '  severty:', '    config/policy: "off"', 'files:', '  maxFileSizeKB: -1');
  writeFileSync(join(workspace, '.k1s0/lint.yaml'), broken);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lintUri, type: 2 }] });
  const problems = await client.diagnosticsFor(lintUri, (p) => p.diagnostics.length > 0);
  assert.deepEqual(problems.map((d) => [d.code, d.severity, d.range, d.message]), [
    ['lint/config', 1, rangeOf(broken, 'severty'), 'diagnostics: unknown key "severty"; did you mean "severity"?'],
    ['lint/config', 1, rangeOf(broken, '-1'), 'files.maxFileSizeKB: Too small: expected number to be >0'],
  ]);
  // Nothing of it applies any more: config/policy is back.
  const back = await client.diagnosticsFor(configUri, (p) => p.diagnostics.length > 0);
  assert.deepEqual(back.map((d) => d.code), ['config/policy']);
});

test('the CLI and the editor report the same diagnostics for the same workspace', async () => {
  const lintUri = uriOf('.k1s0/lint.yaml');
  writeFileSync(join(workspace, '.k1s0/lint.yaml'), lines('diagnostics:', '  severity:', '    config/policy: hint', '    suppression/unused: warning'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: lintUri, type: 2 }] });
  const editor = new Map<string, Diagnostic[]>();
  for (const relative of ['config/config.yaml', 'rules/legacy.yaml']) {
    editor.set(relative, await client.diagnosticsFor(uriOf(relative), (p) => p.diagnostics.some((d) => d.severity === (relative.startsWith('config') ? 4 : 2))));
  }
  const lintDiagnostics = await client.diagnosticsFor(lintUri, (p) => p.diagnostics.length === 0);
  assert.deepEqual(lintDiagnostics, []);

  const run = spawnSync(process.execPath, [CLI, 'check', '.', '--format', 'json'], { cwd: workspace, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const severities = { error: 1, warning: 2, information: 3, hint: 4 } as const;
  const cli = JSON.parse(run.stdout) as { file: string; range: unknown; severity: keyof typeof severities; code: string; message: string }[];
  const fromCli = cli.map((d) => [d.file, d.range, severities[d.severity], d.code, d.message]);
  const fromEditor = [...editor].flatMap(([file, diagnostics]) => diagnostics.map((d) => [file, d.range, d.severity, d.code, d.message]));
  assert.deepEqual(fromCli, fromEditor);
  assert.deepEqual(fromCli.map((d) => d[3]), ['config/policy', 'suppression/unused']);
  assert.equal(readFileSync(join(workspace, 'config/config.yaml'), 'utf8'), CONFIG, 'nothing touched the files');
});
