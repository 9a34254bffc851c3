/**
 * The built server over real stdio: initialize, the start-up scan, one open /
 * change / quick fix / close round trip, settings pulled from the client, the
 * SLO tree request and notification, an error answer, and a clean shutdown.
 * What the server decides is tested in process (server/src/session/*.test.ts);
 * this is the wiring (server.ts) end to end.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';
import { lines, rangeOf } from '../support/text';
import { SloTreeChangedNotification, SloTreeRequest } from '../../server/src/protocol';
import { newTempDir, removeDir } from '../support/tempDir';

const EXAMPLES = join(__dirname, '../../examples');
let workspace: string;
let client: LspTestClient;
let capabilities: Record<string, unknown>;
let treeChanges = 0;
const uriOf = (relative: string) => pathToFileURL(join(workspace, relative)).href;

before(async () => {
  workspace = newTempDir('lsp');
  cpSync(EXAMPLES, workspace, { recursive: true });
  // Not UTF-8, named like a config file: the editor says so, as the CLI does.
  writeFileSync(join(workspace, 'config/config.prod.yaml'), Buffer.from([0x6f, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
  client = new LspTestClient();
  client.connection.onNotification(SloTreeChangedNotification.method, () => {
    treeChanges++;
  });
  ({ capabilities } = (await client.initialize(pathToFileURL(workspace).href)) as { capabilities: Record<string, unknown> });
});

after(async () => {
  const code = await client.shutdown();
  assert.equal(code, 0, 'the server exits cleanly after shutdown/exit');
  removeDir(workspace);
});

test('initialize announces every provider', () => {
  assert.deepEqual(capabilities, {
    textDocumentSync: { openClose: true, change: 2 },
    codeActionProvider: { codeActionKinds: ['quickfix'] },
    completionProvider: { triggerCharacters: ['{', ',', '(', '"', "'", '=', '[', ' ', ':'], resolveProvider: true },
    hoverProvider: true,
    signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentSymbolProvider: true,
    codeLensProvider: { resolveProvider: false },
    workspaceSymbolProvider: true,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  });
});

test('the start-up scan publishes diagnostics for workspace files nobody opened, file/encoding included', async () => {
  const relative = 'regions/system/server/rust/auth/config/config.yaml';
  const text = readFileSync(join(workspace, relative), 'utf8');
  const diagnostics = await client.diagnosticsFor(uriOf(relative));
  assert.deepEqual(
    diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, source: d.source })),
    [
      { range: rangeOf(text, '"verbose"'), severity: 1, code: 'config/schema', source: 'k1s0' },
      { range: rangeOf(text, '"text"'), severity: 2, code: 'config/policy', source: 'k1s0' },
      { range: rangeOf(text, '1.0', 1), severity: 2, code: 'config/policy', source: 'k1s0' },
    ],
  );
  const encoding = await client.diagnosticsFor(uriOf('config/config.prod.yaml'));
  assert.deepEqual(encoding, [
    {
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: 1,
      code: 'file/encoding',
      source: 'k1s0',
      message: 'Not checked: the file is not valid UTF-8; k1s0 checks only UTF-8 YAML and JSON.',
    },
  ]);
});

test('open, incremental change, quick fix and close', async () => {
  const uri = uriOf('scratch/config.staging.yaml');
  const text = lines('observability:', '  log:', '    level: info', '    format: jsno', '  trace:', '    enabled: false', '  metrics:', '    enabled: false');
  await client.open(uri, text);
  const first = await client.diagnosticsFor(uri, (p) => p.version === 1);
  assert.deepEqual(
    first.map((d) => [d.code, d.range, d.message]),
    [['config/schema', rangeOf(text, 'jsno'), 'observability.log.format must be one of text, json; got string "jsno". Did you mean "json"?']],
  );
  const actions = await client.connection.sendRequest<unknown[]>('textDocument/codeAction', { textDocument: { uri }, range: rangeOf(text, 'jsno'), context: { diagnostics: first } });
  assert.deepEqual(actions[0], {
    title: 'Change to "json"',
    kind: 'quickfix',
    isPreferred: true,
    diagnostics: [first[0]],
    edit: { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: rangeOf(text, 'jsno'), newText: 'json' }] }] },
  });
  await client.change(uri, 2, [{ range: rangeOf(text, 'enabled: false'), text: 'enabled: maybe' }]);
  const edited = text.replace('enabled: false', 'enabled: maybe');
  const second = await client.diagnosticsFor(uri, (p) => p.version === 2);
  assert.deepEqual(
    second.map((d) => [d.code, d.range]),
    [
      ['config/schema', rangeOf(edited, 'jsno')],
      ['config/schema', rangeOf(edited, 'maybe')],
    ],
  );
  await client.close(uri);
  assert.deepEqual(await client.diagnosticsFor(uri, (p) => p.version === undefined), [], 'a file that is not on disk is cleared on close');
});

test("alertmanager.yml over LSP: the scan's diagnostic, its did-you-mean quick fix, the outline of routes and receivers", async () => {
  const relative = 'infra/observability/alertmanager/alertmanager.yml';
  const uri = uriOf(relative);
  const text = readFileSync(join(workspace, relative), 'utf8');
  const diagnostics = await client.diagnosticsFor(uri);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.range]),
    [['alertmanager/config', 1, rangeOf(text, 'group_wiat')]],
  );
  await client.open(uri, text);
  const opened = await client.diagnosticsFor(uri, (p) => p.version === 1);
  const actions = await client.connection.sendRequest<{ title: string; edit: unknown }[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: rangeOf(text, 'group_wiat'),
    context: { diagnostics: opened },
  });
  assert.equal(actions[0]?.title, 'Rename to "group_wait"');
  assert.deepEqual(actions[0]?.edit, { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: rangeOf(text, 'group_wiat'), newText: 'group_wait' }] }] });
  const symbols = await client.connection.sendRequest<{ name: string; kind: number; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(
    symbols.map((symbol) => [symbol.name, symbol.kind, (symbol.children ?? []).map((child) => child.name)]),
    [
      ['route', symbols[0]?.kind, ['severity="critical"', 'severity="warning"']],
      ['teams-ops', symbols[1]?.kind, []],
      ['teams-warnings', symbols[1]?.kind, []],
    ],
  );
  assert.notEqual(symbols[0]?.kind, symbols[1]?.kind, 'routes and receivers have icons of their own');
  await client.close(uri);
});

test('a collector file: its deliberate mistake with the fix, its outline', async () => {
  const uri = uriOf('infra/observability/otel-collector/otel-collector-config.yaml');
  const text = readFileSync(join(workspace, 'infra/observability/otel-collector/otel-collector-config.yaml'), 'utf8');
  const diagnostics = await client.diagnosticsFor(uri);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity, d.range, d.message]),
    [['otelcol/pipeline', 1, rangeOf(text, 'otlp/jager', 1), 'Exporter "otlp/jager" is not defined in exporters or connectors. Did you mean "otlp/jaeger"?']],
  );
  await client.open(uri, text);
  const opened = await client.diagnosticsFor(uri, (p) => p.version === 1);
  const actions = await client.connection.sendRequest<{ title: string; edit: unknown }[]>('textDocument/codeAction', {
    textDocument: { uri },
    range: rangeOf(text, 'otlp/jager', 1),
    context: { diagnostics: opened },
  });
  assert.deepEqual(actions[0]?.edit, { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: rangeOf(text, 'otlp/jager', 1), newText: 'otlp/jaeger' }] }] });
  const symbols = await client.connection.sendRequest<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(
    symbols.map((symbol) => [symbol.name, (symbol.children ?? []).map((child) => child.name)]),
    [
      ['receivers', ['otlp']],
      ['processors', ['memory_limiter', 'batch', 'tail_sampling']],
      ['exporters', ['otlp/jaeger', 'prometheus']],
      ['service', ['traces', 'metrics']],
    ],
  );
  await client.close(uri);
});

test('settings are pulled from the client again after a configuration change', async () => {
  const uri = uriOf('regions/system/server/rust/auth/config/config.yaml');
  await client.diagnosticsFor(uri);
  client.settings = { diagnostics: { severity: { 'config/policy': 'off', 'config/schema': 'warning' } } };
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const regraded = await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 1);
  assert.deepEqual(
    regraded.map((d) => [d.code, d.severity]),
    [['config/schema', 2]],
  );
  client.settings = {};
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await client.diagnosticsFor(uri, (p) => p.diagnostics.length === 3);
});

test('k1s0/sloTree answers and k1s0/sloTreeChanged was announced', async () => {
  const tree = await client.connection.sendRequest(SloTreeRequest, {});
  assert.deepEqual(
    tree.tiers.map((t) => t.tier),
    ['system', 'business', 'service'],
  );
  assert.ok(treeChanges >= 1);
});

test('a refused rename is an error answer', async () => {
  const relative = 'infra/docker/prometheus/alerting_rules.yaml';
  const text = readFileSync(join(workspace, relative), 'utf8');
  await client.open(uriOf(relative), text);
  const at = rangeOf(text, 'service:http_errors:rate5m').start;
  await assert.rejects(client.connection.sendRequest('textDocument/rename', { textDocument: { uri: uriOf(relative) }, position: at, newName: '5xx-rate' }), /"5xx-rate" is not a valid metric name/);
  // LSP's RequestFailed (-32803): the request was valid and refused, which the client shows as information, not an error.
  await assert.rejects(
    client.connection.sendRequest('textDocument/rename', { textDocument: { uri: uriOf(relative) }, position: at, newName: '5xx-rate' }),
    (error: { code?: number }) => error.code === -32803,
  );
  await client.close(uriOf(relative));
});

test('over Node IPC, which the server serves too (a client may launch it so): an edit is answered with its diagnostics, and the server exits cleanly', async () => {
  const ipc = new LspTestClient({ transport: 'ipc' });
  try {
    await ipc.initialize(null);
    const uri = uriOf('scratch/config.ipc.yaml');
    const text = lines('observability:', '  log:', '    level: info', '    format: json', '  trace:', '    enabled: false', '  metrics:', '    enabled: false');
    await ipc.open(uri, text);
    assert.deepEqual(await ipc.diagnosticsFor(uri, (p) => p.version === 1), []);
    await ipc.change(uri, 2, [{ range: rangeOf(text, 'json'), text: 'jsno' }]);
    const edited = await ipc.diagnosticsFor(uri, (p) => p.version === 2);
    assert.deepEqual(
      edited.map((d) => [d.code, d.range, d.message]),
      [['config/schema', rangeOf(text, 'json'), 'observability.log.format must be one of text, json; got string "jsno". Did you mean "json"?']],
    );
    assert.equal(await ipc.shutdown(), 0);
  } finally {
    // A failed assertion must not leave the server (and its IPC channel, which keeps this process alive) behind.
    if (ipc.alive) ipc.kill();
  }
});
