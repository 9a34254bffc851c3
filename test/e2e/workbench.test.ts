/**
 * The packed extension in a real VS Code (code-server) driven by Chromium:
 * what a user sees of it today. Hover and completion are checked through the
 * editor's providers in the extension-host suite (desktop.test.ts), the tree
 * view in sloTree.test.ts, the stack commands in stack.test.ts; new areas go
 * here or in a sibling file with its own session (support/workbench.ts).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cliBrief, cliDiagnostics, e2eTest, useSession } from './support/harness';
import { ROOT } from './support/paths';
import { brief, compareBrief } from './support/workbench';
import { waitFor } from './support/wait';

const session = useSession();

const STAGING = 'regions/business/accounting/server/go/ledger/config/config.staging.yaml';

/**
 * The deliberate mistakes of the example workspace's config files, as the
 * Problems panel lists them (by file, then position). Other areas' example
 * files add their own rows; the full list is compared with the CLI's report.
 */
const CONFIG_PROBLEMS = [
  `${STAGING}:12:13 error config/schema`,
  `${STAGING}:15:15 error config/schema`,
  `${STAGING}:16:5 error config/schema`,
  `${STAGING}:19:11 error config/schema`,
  'regions/service/order/server/typescript/order/config/config.dev.yaml:13:5 error yaml/syntax',
  'regions/system/server/rust/auth/config/config.yaml:11:12 error config/schema',
  'regions/system/server/rust/auth/config/config.yaml:12:13 warning config/policy',
  'regions/system/server/rust/auth/config/config.yaml:16:18 warning config/policy',
];

e2eTest('the Problems panel shows the example workspace diagnostics, word for word what the CLI reports', session, async ({ workbench, workspace }) => {
  const problems = await workbench.waitForProblems(cliBrief(workspace));
  assert.deepEqual(
    problems.map(brief).filter((p) => p.startsWith('regions/') || p.startsWith('config/')),
    CONFIG_PROBLEMS,
  );
  const oracle = cliDiagnostics(workspace).sort((a, b) => compareBrief(`${a.file}:${a.line}:${a.column} ${a.severity} ${a.code}`, `${b.file}:${b.line}:${b.column} ${b.severity} ${b.code}`));
  assert.deepEqual(
    problems.map((p) => ({ file: p.file, line: p.line, column: p.column, severity: p.severity, code: p.code, message: p.message })),
    oracle,
  );
  assert.deepEqual([...new Set(problems.map((p) => p.source))], ['k1s0']);
});

e2eTest('a config/schema did-you-mean key is fixed with Ctrl+. (the lightbulb quick fix)', session, async ({ workbench, workspace }) => {
  const path = join(workspace, STAGING);
  const original = readFileSync(path, 'utf8');
  await workbench.openFile(STAGING);
  await workbench.goTo(16, 5);
  await workbench.applyQuickFix('Rename to "sample_rate"');
  await workbench.save();
  assert.equal(readFileSync(path, 'utf8'), original.replace('    sample_ratio: 0.5\n', '    sample_rate: 0.5\n'));
  const fixed = cliBrief(workspace);
  assert.deepEqual(
    fixed.filter((p) => p.startsWith(STAGING)),
    CONFIG_PROBLEMS.filter((p) => p.startsWith(STAGING) && p !== `${STAGING}:16:5 error config/schema`),
  );
  await workbench.waitForProblems(fixed);
  // Back as it was, from outside the editor: the file watcher brings the problem back.
  writeFileSync(path, original);
  await workbench.waitForProblems(cliBrief(workspace));
  assert.ok(cliBrief(workspace).includes(`${STAGING}:16:5 error config/schema`));
});

e2eTest('"k1s0: Show Output" shows the language server output channel', session, async ({ workbench }) => {
  await workbench.runCommand('k1s0.showOutput', 'k1s0: Show Output');
  await waitFor(async () => (await workbench.outputText()).includes('k1s0 language server started (messages: en)'), { what: 'the server start line in the output channel' });
  assert.equal(await workbench.outputChannel(), 'k1s0 Observability');
});

e2eTest('"k1s0: Restart Language Server" restarts the server and the diagnostics come back', session, async ({ workbench, workspace }) => {
  const starts = async () => (await workbench.outputText()).split('\n').filter((line) => line.includes('k1s0 language server started')).length;
  await workbench.runCommand('k1s0.showOutput', 'k1s0: Show Output');
  const before = await waitFor(async () => (await starts()) || undefined, { what: 'a first server start in the output' });
  await workbench.runCommand('k1s0.restartServer', 'k1s0: Restart Language Server');
  await workbench.runCommand('k1s0.showOutput', 'k1s0: Show Output');
  await waitFor(async () => (await workbench.outputText()).includes('Restarting the k1s0 language server'), { what: 'the restart line in the output' });
  await waitFor(async () => (await starts()) === before + 1, { what: 'the restarted server to log its start' });
  await workbench.waitForProblems(cliBrief(workspace));
});

e2eTest('the config.yaml snippet inserts a dev observability section that checks clean', session, async ({ workbench, workspace }) => {
  const relative = 'regions/service/snippet/config/config.dev.yaml';
  const path = join(workspace, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '');
  await workbench.openFile(relative);
  await workbench.type('k1s0-observability-dev');
  await workbench.acceptSuggestion('k1s0-observability-dev');
  await workbench.escape();
  await workbench.save();
  assert.equal(
    readFileSync(path, 'utf8'),
    [
      'observability:',
      '  log:',
      '    level: "debug"',
      '    format: "text"',
      '  trace:',
      '    enabled: true',
      '    endpoint: "jaeger:4317"',
      '    sample_rate: 1.0',
      '  metrics:',
      '    enabled: true',
      '    path: "/metrics"',
      '',
    ].join('\n'),
  );
  const check = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'check', path], { encoding: 'utf8' });
  assert.deepEqual([check.status, check.stdout], [0, 'No problems (1 file checked).\n']);
  // The editor agrees: the workspace's problems are those of the examples, none in the new file.
  const problems = await workbench.waitForProblems(cliBrief(workspace));
  assert.deepEqual(problems.filter((p) => p.file === relative).map(brief), []);
});
