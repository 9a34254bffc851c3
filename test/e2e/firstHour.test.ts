/**
 * The first hour in the editor (a new user's path through the example
 * workspace): completion at the start of an empty `expr`, and "Insert
 * telemetry initialization" in a Go file leaving a file that gofmt accepts,
 * with its imports in the import block.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { e2eTest, useSession } from './support/harness';
import { waitFor } from './support/wait';

const session = useSession();

e2eTest('completion at the start of an empty expr offers the catalog (not only the word list)', session, async ({ workbench, workspace }) => {
  const relative = 'infra/docker/prometheus/first_hour_rules.yaml';
  const path = join(workspace, relative);
  writeFileSync(path, 'groups:\n  - name: first-hour\n    rules:\n      - record: service:http_requests:rate1m\n        expr: \n');
  await workbench.openFile(relative);
  await workbench.goTo(5, 15);
  await workbench.acceptSuggestion('http_requests_total');
  await workbench.escape();
  await workbench.save();
  assert.equal(readFileSync(path, 'utf8'), 'groups:\n  - name: first-hour\n    rules:\n      - record: service:http_requests:rate1m\n        expr: http_requests_total\n');
});

e2eTest('"Insert telemetry initialization" in a Go function puts the imports in the import block and gofmt accepts the file', session, async ({ workbench, workspace }) => {
  const relative = 'regions/system/server/go/firsthour/cmd/main.go';
  const path = join(workspace, relative);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(
    join(workspace, 'regions/system/server/go/firsthour/config.dev.yaml'),
    'app:\n  name: firsthour-server\n  version: 0.1.0\n  tier: system\nobservability:\n  log:\n    level: debug\n    format: text\n  trace:\n    enabled: true\n    endpoint: "jaeger:4317"\n    sample_rate: 1.0\n',
  );
  writeFileSync(path, 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("start")\n\t\n}\n');
  await workbench.openFile(relative);
  // Line 7 holds one tab: Go to Line and the status bar count columns as they show (a tab is 4 wide
  // here), so go to the line's start and then to its end, after the tab.
  await workbench.goTo(7, 1);
  await workbench.page.keyboard.press('End');
  await waitFor(async () => (await workbench.cursorPosition()) === 'Ln 7, Col 5', { what: 'the cursor after the tab of line 7' });
  await workbench.runCommand('k1s0.insertTelemetryInit', 'k1s0: Insert telemetry initialization');
  await workbench.escape();
  await workbench.save();
  const text = readFileSync(path, 'utf8');
  assert.match(text, /^package main\n\nimport "fmt"\n\nimport \(\n\t"context"\n\t"log"\n\t"net\/http"\n\ttelemetry "github\.com\/k1s0-platform\/system-library-go-telemetry"\n\)\n\nfunc main\(\) \{/);
  assert.match(text, /ServiceName: +"firsthour-server"/);
  const gofmt = spawnSync('gofmt', ['-e', path], { encoding: 'utf8' });
  assert.equal(gofmt.error, undefined, 'gofmt runs (npm run setup installs golang-go)');
  assert.equal(gofmt.status, 0, `gofmt -e:\n${gofmt.stderr}\n${text}`);
});
