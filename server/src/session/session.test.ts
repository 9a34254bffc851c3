/**
 * The session in process, on a copy of the examples: start-up scan, open /
 * change / close, quick fixes, files on disk, settings, and the order in which
 * files are published while typing. (test/protocol/server.test.ts keeps the
 * same round trip over stdio.)
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineIndex } from '../base/lineIndex';
import { lines, rangeOf } from '../../../test/support/text';
import { EXAMPLES, startSession, wire, type Harness } from './testSupport';

let h: Harness;
const textOf = (relative: string) => readFileSync(join(h.root, relative), 'utf8');

before(async () => {
  h = await startSession({ from: EXAMPLES });
  assert.deepEqual(h.client.registrations, [{ configuration: true, watchedFiles: false }]);
});

after(() => h.close());

test('the start-up scan publishes diagnostics for workspace files nobody opened', () => {
  const relative = 'regions/system/server/rust/auth/config/config.yaml';
  const text = textOf(relative);
  const diagnostics = h.client.diagnostics(h.uriOf(relative));
  assert.deepEqual(
    diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, source: d.source })),
    [
      { range: rangeOf(text, '"verbose"'), severity: 1, code: 'config/schema', source: 'k1s0' },
      { range: rangeOf(text, '"text"'), severity: 2, code: 'config/policy', source: 'k1s0' },
      { range: rangeOf(text, '1.0', 1), severity: 2, code: 'config/policy', source: 'k1s0' },
    ],
  );
  assert.equal(diagnostics[0]?.message, 'observability.log.level must be one of debug, info, warn, error; got string "verbose".');
  assert.equal(h.client.last(h.uriOf(relative))?.version, undefined, 'a file on disk has no version');
});

test('rule files found by content: PromQL and rule problems land on their tokens inside YAML scalars', () => {
  const relative = 'infra/observability/prometheus/alerts/system-tier-alerts.yaml';
  const text = textOf(relative);
  assert.deepEqual(
    h.client.diagnostics(h.uriOf(relative)).map((d) => [d.code, d.range, d.message]),
    [
      // The first alert of the tier: the file has none of the design's burn-rate pair.
      [
        'policy/slo',
        rangeOf(text, 'SystemServiceErrorRateWarning'),
        'the system tier (SLO 99.95%) has no SLOBurnRateCritical (14.4x over 1h + 5m, critical) and SLOBurnRateWarning (6x over 6h + 30m, warning) covering auth-server, bff-proxy, config-server, dlq-manager, saga-server: the design pages and tickets on the burn rate of every SLO (SLO 設計 (system 99.95%, business / service 99.9%))',
      ],
      // Inside a literal block scalar: the second `by`, where Prometheus's parser stops.
      ['promql/syntax', rangeOf(text, 'by', 1), 'unexpected <by> in aggregation — the `(` at line 2, column 8 of the expression is not closed'],
      ['promql/type', rangeOf(text, 'http_requests_total{tier="system", status=~"5.."}', 1), 'expected type range vector in call to function "rate", got instant vector'],
      ['rules/structure', rangeOf(text, '5 minutes'), '\'for\': not a valid duration string: "5 minutes"; use a Prometheus duration such as "5m"'],
      ['rules/template', rangeOf(text, 'humanizePct'), 'annotation "description": function "humanizePct" not defined in Prometheus templates; did you mean "humanizePercentage"?'],
    ],
  );
});

test("the design examples get no diagnostics but the design's own mistake: a clean file on disk is never published", () => {
  for (const name of ['config/config.dev.yaml', 'config/config.staging.yaml', 'config/config.yaml', 'infra/docker/prometheus/alerting_rules.yaml']) {
    assert.equal(h.client.last(h.uriOf(name)), undefined, name);
  }
  // The design's error-budget rule divides {namespace, service} by a series with no labels: always empty.
  const recording = h.client.diagnostics(h.uriOf('infra/docker/prometheus/recording_rules.yaml'));
  assert.deepEqual(
    recording.map((d) => [d.code, d.range.start.line, d.range.start.character]),
    [['promql/vector-matching', 56, 12]],
  );
  assert.deepEqual(h.client.errors(), []);
});

test('open, incremental change, quick fix and close', async () => {
  const uri = h.uriOf('scratch/config.staging.yaml');
  const text = lines('observability:', '  log:', '    level: info', '    format: jsno', '  trace:', '    enabled: false', '  metrics:', '    enabled: false');
  h.session.open(uri, text, 1);
  await h.session.idle();
  assert.equal(h.client.last(uri)?.version, 1);
  const first = h.client.diagnostics(uri);
  assert.deepEqual(
    first.map((d) => [d.code, d.range, d.message]),
    [['config/schema', rangeOf(text, 'jsno'), 'observability.log.format must be one of text, json; got string "jsno". Did you mean "json"?']],
  );

  const actions = wire(await h.lsp.codeAction({ textDocument: { uri }, range: rangeOf(text, 'jsno'), context: { diagnostics: first } }));
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
      edit: {
        documentChanges: [
          { textDocument: { uri, version: 1 }, edits: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: '    # k1s0-disable-next-line config/schema\n' }] },
        ],
      },
    },
  ]);

  // An incremental edit that introduces a second mistake two lines below.
  h.session.change(uri, 2, [{ range: rangeOf(text, 'enabled: false'), text: 'enabled: maybe' }]);
  await h.session.idle();
  const edited = text.replace('enabled: false', 'enabled: maybe');
  assert.equal(h.client.last(uri)?.version, 2);
  assert.deepEqual(
    h.client.diagnostics(uri).map((d) => [d.code, d.range]),
    [
      ['config/schema', rangeOf(edited, 'jsno')],
      ['config/schema', rangeOf(edited, 'maybe')],
    ],
  );

  h.session.change(uri, 3, [{ text: edited.replace('jsno', 'json').replace('maybe', 'false') }]);
  await h.session.idle();
  assert.deepEqual(h.client.last(uri), { uri, version: 3, diagnostics: [] }, 'an open document always hears back, clean or not');

  h.session.change(uri, 4, [{ text: 'observability:\n  log: [\n' }]);
  await h.session.idle();
  assert.deepEqual([...new Set(h.client.diagnostics(uri).map((d) => d.code))], ['yaml/syntax']);

  h.session.close(uri);
  await h.session.idle();
  assert.deepEqual(h.client.last(uri), { uri, diagnostics: [] }, 'a file that is not on disk is cleared on close');
});

test('a code action racing an edit is answered for the text the editor shows now', async () => {
  const uri = h.uriOf('scratch/race/config.staging.yaml');
  const text = lines('observability:', '  log:', '    level: info', '    format: jsno');
  h.session.open(uri, text, 1);
  await h.session.idle();
  // Version 2 is not validated yet when the editor asks.
  const moved = `# a comment\n${text}`;
  h.session.change(uri, 2, [{ text: moved }]);
  const actions = wire(await h.lsp.codeAction({ textDocument: { uri }, range: rangeOf(moved, 'jsno'), context: { diagnostics: [] } }));
  assert.deepEqual(
    actions.map((a) => [a.title, a.edit]),
    [
      ['Change to "json"', { documentChanges: [{ textDocument: { uri, version: 2 }, edits: [{ range: rangeOf(moved, 'jsno'), newText: 'json' }] }] }],
      [
        'Disable config/schema for this line',
        {
          documentChanges: [
            { textDocument: { uri, version: 2 }, edits: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '    # k1s0-disable-next-line config/schema\n' }] },
          ],
        },
      ],
    ],
  );
  h.session.close(uri);
  await h.session.idle();
});

test('closing a workspace file falls back to its contents on disk', async () => {
  const relative = 'regions/system/server/rust/auth/config/config.yaml';
  const uri = h.uriOf(relative);
  const onDisk = textOf(relative);
  h.session.open(uri, onDisk.replace('"verbose"', '"warn"').replace('"text"', '"json"').replace('sample_rate: 1.0', 'sample_rate: 0.1'), 1);
  await h.session.idle();
  assert.deepEqual(h.client.last(uri), { uri, version: 1, diagnostics: [] });
  h.session.close(uri);
  await h.session.idle();
  assert.equal(h.client.last(uri)?.version, undefined);
  assert.equal(h.client.diagnostics(uri).length, 3);
});

test('files changed on disk are re-read through watched-file events', async () => {
  const relative = 'regions/service/new/config/config.dev.yaml';
  const uri = h.uriOf(relative);
  cpSync(join(h.root, 'config/config.dev.yaml'), join(h.root, relative));
  writeFileSync(join(h.root, relative), textOf('config/config.dev.yaml').replace('sample_rate: 1.0', 'sample_rate: 2'));
  h.session.filesChanged([{ uri, type: 1 }]);
  await h.session.idle();
  assert.deepEqual(
    h.client.diagnostics(uri).map((d) => d.code),
    ['config/schema'],
  );
  rmSync(join(h.root, relative));
  h.session.filesChanged([{ uri, type: 3 }]);
  await h.session.idle();
  assert.deepEqual(h.client.last(uri), { uri, diagnostics: [] });
});

test('unchanged diagnostics of a file on disk are not published again', async () => {
  const uri = h.uriOf('regions/system/server/rust/auth/config/config.yaml');
  const from = h.client.publishes.length;
  h.session.filesChanged([{ uri, type: 2 }]);
  await h.session.idle();
  assert.deepEqual(
    h.client.publishes.slice(from).filter((p) => p.uri === uri),
    [],
  );
});

test('severity settings re-grade and silence codes after a configuration change', async () => {
  const uri = h.uriOf('regions/system/server/rust/auth/config/config.yaml');
  h.client.settings = { diagnostics: { severity: { 'config/policy': 'off', 'config/schema': 'warning' } } };
  h.session.configurationChanged(null);
  await h.session.idle();
  assert.deepEqual(
    h.client.diagnostics(uri).map((d) => [d.code, d.severity]),
    [['config/schema', 2]],
  );
  h.client.settings = {};
  h.session.configurationChanged(null);
  await h.session.idle();
  assert.equal(h.client.diagnostics(uri).length, 3);
});

test('misbehaving clients do not bring the session down', async () => {
  const mark = h.client.logs.length;
  h.session.change('file:///nowhere/config.yaml', 7, [{ text: 'x' }]);
  h.session.close('file:///nowhere/never-opened.yaml');
  const none = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  assert.deepEqual(await h.lsp.codeAction({ textDocument: { uri: 'file:///nowhere/config.yaml' }, range: none, context: { diagnostics: [] } }), []);
  // Garbage where an editor sends documents.
  h.session.open(42 as unknown as string, undefined as unknown as string, 1);
  h.session.change(h.uriOf('config/config.yaml'), undefined as unknown as number, [{ text: 'garbage: [' }]);
  h.session.filesChanged('none' as unknown as []);
  await h.session.idle();
  assert.deepEqual(h.client.errors(mark), []);
  const uri = h.uriOf('scratch/alive/config.yaml');
  h.session.open(uri, 'observability: 1\n', 1);
  await h.session.idle();
  assert.equal(h.client.diagnostics(uri).length, 1);
});

test('edits with ranges out of range are clamped as TextDocument clamps them, and diagnostics follow the resulting text', async () => {
  const uri = h.uriOf('scratch/clamped.yaml');
  const good = 'groups:\n  - name: good\n    rules:\n      - record: job:http_requests:rate5m\n        expr: sum by (job) (rate(http_requests_total[5m]))\n';
  let reference = TextDocument.create(uri, 'yaml', 1, good);
  h.session.open(uri, good, 1);
  const edits = [
    { range: { start: { line: 1_000_000, character: 0 }, end: { line: 1_000_000, character: 5 } }, text: '# appended past the end\n' },
    { range: { start: { line: 0, character: -5 }, end: { line: 0, character: -1 } }, text: '# negative characters\n' },
    { range: { start: { line: 2, character: 14 }, end: { line: 2, character: 10 } }, text: 'renamed' },
    { range: { start: { line: -3, character: 0 }, end: { line: -1, character: 0 } }, text: '' },
  ];
  let version = 1;
  for (const edit of edits) {
    version++;
    h.session.change(uri, version, [edit]);
    reference = TextDocument.create(uri, 'yaml', version, TextDocument.applyEdits(reference, [{ range: edit.range, newText: edit.text }]));
  }
  assert.equal(h.session.document(uri)?.text, reference.getText());
  const text = reference.getText();
  const at = new LineIndex(text).positionAt(text.indexOf('[5m])') + 4);
  h.session.change(uri, ++version, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
  await h.session.idle();
  const expected = text.slice(0, text.indexOf('[5m])') + 4) + text.slice(text.indexOf('[5m])') + 5);
  assert.equal(h.client.last(uri)?.version, version);
  // (This workspace's prometheus.yaml does not load scratch/: that finding is beside the point.)
  const promql = h.client.diagnostics(uri).filter((d) => d.code !== 'consistency/rule-files');
  assert.deepEqual(
    promql.map((d) => [d.code, d.range, d.message]),
    [['promql/syntax', rangeOf(expected, '(rate(http_requests_total[5m])'), 'unclosed left parenthesis']],
  );
  h.session.close(uri);
  await h.session.idle();
});

test('a burst of changes is validated once, for its last version', async () => {
  const uri = h.uriOf('scratch/burst.yaml');
  h.session.open(uri, 'groups: []\n', 1);
  for (let version = 2; version <= 200; version++) h.session.change(uri, version, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '#' }]);
  const from = h.client.publishes.length;
  await h.session.idle();
  assert.deepEqual(
    h.client.publishes
      .slice(from)
      .filter((p) => p.uri === uri)
      .map((p) => p.version),
    [200],
  );
  h.session.close(uri);
  await h.session.idle();
});

test('typing in a rule file publishes that file first; files reading what it defines, and the SLO tree, follow once typing pauses', async () => {
  const recording = h.uriOf('infra/docker/prometheus/recording_rules.yaml');
  const alerting = h.uriOf('infra/docker/prometheus/alerting_rules.yaml');
  const text = textOf('infra/docker/prometheus/recording_rules.yaml');
  h.session.open(recording, text, 1);
  await h.session.idle();
  h.timers.hold = true;
  try {
    const from = h.client.publishes.length;
    const announced = h.client.sloTreeChanges;
    // Rename the rule the alerting rules read, one keystroke at a time.
    const at = new LineIndex(text).positionAt(text.indexOf('record: service:http_errors:rate5m') + 'record: service:http_errors'.length);
    for (let version = 2; version <= 4; version++) {
      h.session.change(recording, version, [{ range: { start: at, end: at }, text: 'x' }]);
      // Each keystroke after the previous one was validated: the pause timer restarts each time.
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    }
    // Typing has not paused yet: only the edited file was published.
    while (h.client.last(recording)?.version !== 4) await new Promise((resolve) => setImmediate(resolve));
    assert.equal(h.timers.pending, 2, 'one pending revalidation of the others and one announcement of the SLO tree, each restarted by each keystroke');
    assert.deepEqual(
      h.client.publishes.slice(from).filter((p) => p.uri === alerting),
      [],
    );
    assert.equal(h.client.sloTreeChanges, announced, 'the client is not told to fetch the tree at each keystroke');
    h.timers.fire();
    await h.session.idle();
    assert.equal(h.client.sloTreeChanges, announced + 1, 'once typing paused');
    const undefinedRule = h.client.diagnostics(alerting).filter((d) => d.code === 'catalog/undefined-rule');
    assert.ok(undefinedRule.length > 0);
    const order = h.client.publishes.slice(from).map((p) => (p.uri === recording ? `recording v${p.version}` : p.uri === alerting ? 'alerting' : 'other'));
    assert.ok(order.lastIndexOf('recording v4') < order.indexOf('alerting'), order.join(', '));
    // Typed back: the alerting rules are clean again.
    h.session.change(recording, 5, [{ range: { start: at, end: { line: at.line, character: at.character + 3 } }, text: '' }]);
    while (Number(h.timers.pending) === 0) await new Promise((resolve) => setImmediate(resolve));
    h.timers.fire();
    await h.session.idle();
    assert.deepEqual(
      h.client.diagnostics(alerting).filter((d) => d.code === 'catalog/undefined-rule'),
      [],
    );
  } finally {
    h.timers.hold = false;
    h.timers.fire();
  }
  h.session.close(recording);
  await h.session.idle();
});
