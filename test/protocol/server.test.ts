import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';
import { lines, rangeOf } from '../support/text';
import { LineIndex } from '../../server/src/base/lineIndex';
import { tempDir } from '../support/tempDir';

const EXAMPLES = join(__dirname, '../../examples');
let client: LspTestClient;
const uriOf = (relative: string) => pathToFileURL(join(workspace, relative)).href;

after(async () => {
  const code = await client.shutdown();
  assert.equal(code, 0, 'the server exits cleanly after shutdown/exit');
});
// Removed once the hook above has shut the server down.
const workspace = tempDir({ after }, 'lsp');

before(async () => {
  cpSync(EXAMPLES, workspace, { recursive: true });
  client = new LspTestClient();
  const result = (await client.initialize(pathToFileURL(workspace).href)) as { capabilities: Record<string, unknown> };
  assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
});

test('the start-up scan publishes diagnostics for workspace files nobody opened', async () => {
  const uri = uriOf('regions/system/server/rust/auth/config/config.yaml');
  const text = readFileSync(join(workspace, 'regions/system/server/rust/auth/config/config.yaml'), 'utf8');
  const diagnostics = await client.diagnosticsFor(uri);
  assert.deepEqual(
    diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, source: d.source })),
    [
      { range: rangeOf(text, '"verbose"'), severity: 1, code: 'config/schema', source: 'k1s0' },
      { range: rangeOf(text, '"text"'), severity: 2, code: 'config/policy', source: 'k1s0' },
      { range: rangeOf(text, '1.0', 1), severity: 2, code: 'config/policy', source: 'k1s0' },
    ],
  );
  assert.equal(diagnostics[0]?.message, 'observability.log.level must be one of debug, info, warn, error; got string "verbose".');
});

test('rule files found by content: PromQL and rule problems land on their tokens inside YAML scalars', async () => {
  const relative = 'infra/observability/prometheus/alerts/system-tier-alerts.yaml';
  const text = readFileSync(join(workspace, relative), 'utf8');
  const diagnostics = await client.diagnosticsFor(uriOf(relative));
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range, d.message]),
    [
      // The first alert of the tier: the file has none of the design's burn-rate pair.
      ['policy/slo', rangeOf(text, 'SystemServiceErrorRateWarning'), 'the system tier (SLO 99.95%) has no SLOBurnRateCritical (14.4x over 1h + 5m, critical) and SLOBurnRateWarning (6x over 6h + 30m, warning) covering auth-server, bff-proxy, config-server, dlq-manager, saga-server: the design pages and tickets on the burn rate of every SLO (SLO 設計 (system 99.95%, business / service 99.9%))'],
      // Inside a literal block scalar: the second `by`, where Prometheus's parser stops.
      ['promql/syntax', rangeOf(text, 'by', 1), 'unexpected <by> in aggregation'],
      ['promql/type', rangeOf(text, 'http_requests_total{tier="system", status=~"5.."}', 1), 'expected type range vector in call to function "rate", got instant vector'],
      ['rules/structure', rangeOf(text, '5 minutes'), "'for': not a valid duration string: \"5 minutes\"; use a Prometheus duration such as \"5m\""],
      ['rules/template', rangeOf(text, 'humanizePct'), 'annotation "description": function "humanizePct" not defined in Prometheus templates; did you mean "humanizePercentage"?'],
    ],
  );
});

test('the design examples get no diagnostics at all', async () => {
  // A clean file is never published; give the scan time to publish the broken ones first.
  await client.diagnosticsFor(uriOf('regions/business/accounting/server/go/ledger/config/config.staging.yaml'));
  for (const name of ['config/config.dev.yaml', 'config/config.staging.yaml', 'config/config.yaml', 'infra/docker/prometheus/recording_rules.yaml', 'infra/docker/prometheus/alerting_rules.yaml']) {
    assert.equal(client.lastDiagnostics(uriOf(name)), undefined, name);
  }
});

test('open, incremental change, quick fix and close', async () => {
  const uri = uriOf('scratch/config.staging.yaml');
  const text = lines('observability:', '  log:', '    level: info', '    format: jsno', '  trace:', '    enabled: false', '  metrics:', '    enabled: false');
  await client.open(uri, text);
  const first = await client.diagnosticsFor(uri, (p) => p.version === 1);
  assert.deepEqual(first.map((d) => [d.code, d.range, d.message]), [
    ['config/schema', rangeOf(text, 'jsno'), 'observability.log.format must be one of text, json; got string "jsno". Did you mean "json"?'],
  ]);

  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: rangeOf(text, 'jsno'),
    context: { diagnostics: first },
  })) as { title: string; kind: string; isPreferred: boolean; edit: unknown }[];
  assert.deepEqual(actions, [
    {
      title: 'Change to "json"',
      kind: 'quickfix',
      isPreferred: true,
      diagnostics: [first[0]],
      edit: { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: rangeOf(text, 'jsno'), newText: 'json' }] }] },
    },
    {
      title: 'Disable config/schema for this line',
      kind: 'quickfix',
      diagnostics: [first[0]],
      edit: { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '    # k1s0-disable-next-line config/schema\n' }] }] },
    },
  ]);

  // An incremental edit that introduces a second mistake two lines below.
  await client.change(uri, 2, [{ range: rangeOf(text, 'enabled: false'), text: 'enabled: maybe' }]);
  const edited = text.replace('enabled: false', 'enabled: maybe');
  const second = await client.diagnosticsFor(uri, (p) => p.version === 2);
  assert.deepEqual(second.map((d) => [d.code, d.range]), [
    ['config/schema', rangeOf(edited, 'jsno')],
    ['config/schema', rangeOf(edited, 'maybe')],
  ]);

  await client.change(uri, 3, [{ text: edited.replace('jsno', 'json').replace('maybe', 'false') }]);
  assert.deepEqual(await client.diagnosticsFor(uri, (p) => p.version === 3), []);

  await client.change(uri, 4, [{ text: 'observability:\n  log: [\n' }]);
  const broken = await client.diagnosticsFor(uri, (p) => p.version === 4);
  assert.deepEqual([...new Set(broken.map((d) => d.code))], ['yaml/syntax']);

  await client.close(uri);
  assert.deepEqual(await client.diagnosticsFor(uri, (p) => p.version === undefined), [], 'a file that is not on disk is cleared on close');
});

test('closing a workspace file falls back to its contents on disk', async () => {
  const relative = 'regions/system/server/rust/auth/config/config.yaml';
  const uri = uriOf(relative);
  const onDisk = readFileSync(join(workspace, relative), 'utf8');
  await client.open(uri, onDisk.replace('"verbose"', '"warn"').replace('"text"', '"json"').replace('sample_rate: 1.0', 'sample_rate: 0.1'));
  assert.deepEqual(await client.diagnosticsFor(uri, (p) => p.version === 1), []);
  await client.close(uri);
  const restored = await client.diagnosticsFor(uri, (p) => p.version === undefined && p.diagnostics.length > 0);
  assert.equal(restored.length, 3);
});

test('files changed on disk are re-read through watched-file events', async () => {
  const relative = 'regions/service/new/config/config.dev.yaml';
  const uri = uriOf(relative);
  cpSync(join(workspace, 'config/config.dev.yaml'), join(workspace, relative));
  writeFileSync(join(workspace, relative), readFileSync(join(workspace, 'config/config.dev.yaml'), 'utf8').replace('sample_rate: 1.0', 'sample_rate: 2'));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
  const created = await client.diagnosticsFor(uri);
  assert.deepEqual(created.map((d) => d.code), ['config/schema']);
  rmSync(join(workspace, relative));
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
  assert.deepEqual(await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 0), []);
});

test('severity settings re-grade and silence codes after a configuration change', async () => {
  const uri = uriOf('regions/system/server/rust/auth/config/config.yaml');
  client.settings = { diagnostics: { severity: { 'config/policy': 'off', 'config/schema': 'warning' } } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const regraded = await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 1);
  assert.deepEqual(regraded.map((d) => [d.code, d.severity]), [['config/schema', 2]]);
  client.settings = {};
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 3);
});

test('misbehaving clients do not bring the server down', async () => {
  await client.change('file:///nowhere/config.yaml', 7, [{ text: 'x' }]);
  await client.close('file:///nowhere/never-opened.yaml');
  const actions = await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri: 'file:///nowhere/config.yaml' },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [] },
  });
  assert.deepEqual(actions, []);
  // Still alive and answering.
  const uri = uriOf('scratch/alive/config.yaml');
  await client.open(uri, 'observability: 1\n');
  assert.equal((await client.diagnosticsFor(uri, (p) => p.version === 1)).length, 1);
});

test('typing in a rule file publishes that file first; files reading what it defines follow once typing pauses', async () => {
  const recording = uriOf('infra/docker/prometheus/recording_rules.yaml');
  const alerting = uriOf('infra/docker/prometheus/alerting_rules.yaml');
  const text = readFileSync(join(workspace, 'infra/docker/prometheus/recording_rules.yaml'), 'utf8');
  await client.open(recording, text, 'yaml', 1);
  await client.diagnosticsFor(recording, (p) => p.version === 1);
  const from = client.publishes.length;
  // Rename the rule the alerting rules read, one keystroke at a time.
  const at = new LineIndex(text).positionAt(text.indexOf('record: service:http_errors:rate5m') + 'record: service:http_errors'.length);
  for (let version = 2; version <= 4; version++) {
    await client.change(recording, version, [{ range: { start: at, end: at }, text: 'x' }]);
  }
  const undefinedRule = (p: { diagnostics: { code?: string | number }[] }) => p.diagnostics.some((d) => d.code === 'catalog/undefined-rule');
  await client.diagnosticsFor(alerting, undefinedRule);
  const order = client.publishes.slice(from).map((p) => (p.uri === recording ? `recording v${p.version}` : p.uri === alerting ? 'alerting' : 'other'));
  assert.ok(order.indexOf('recording v4') >= 0 && order.indexOf('recording v4') < order.indexOf('alerting'), order.join(', '));
  // Typed back: the alerting rules are clean again.
  await client.change(recording, 5, [{ range: { start: at, end: { line: at.line, character: at.character + 3 } }, text: '' }]);
  await client.diagnosticsFor(alerting, (p) => !undefinedRule(p));
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: recording } });
});
