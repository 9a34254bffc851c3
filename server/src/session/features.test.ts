import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../base/lineIndex';
import { EXAMPLES, startSession, type Harness } from './testSupport';
import { rangeOf } from '../../../test/support/text';

const RECORDING = 'infra/docker/prometheus/recording_rules.yaml';
const ALERTING = 'infra/docker/prometheus/alerting_rules.yaml';
const DASHBOARD = 'infra/docker/grafana/dashboards/system-overview.json';
let h: Harness;
const uriOf = (relative: string) => h.uriOf(relative);
const textOf = (relative: string) => readFileSync(join(h.root, relative), 'utf8');

/** The LSP position just after the `occurrence`-th `needle` (or inside it, at `shift`). */
function after_(text: string, needle: string, occurrence = 0, shift = needle.length) {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} not found`);
  return new LineIndex(text).positionAt(index + shift);
}

interface Item {
  label: string;
  kind: number;
  detail?: string;
  documentation?: { kind: string; value: string };
  sortText: string;
  textEdit: { range: unknown; newText: string };
  insertTextFormat?: number;
  data?: unknown;
}

interface List {
  isIncomplete: boolean;
  items: Item[];
}

/** The completion list at a position, its items best first (as an editor sorts them). */
async function completeList(uri: string, position: unknown): Promise<List> {
  const list = (await h.request('textDocument/completion', { textDocument: { uri }, position })) as List;
  assert.equal(typeof list.isIncomplete, 'boolean', 'a CompletionList, not a bare array');
  list.items.sort((a, b) => a.sortText.localeCompare(b.sortText));
  return list;
}

async function complete(uri: string, position: unknown): Promise<Item[]> {
  return (await completeList(uri, position)).items;
}

const resolve = (item: Item) => h.request('completionItem/resolve', item) as Promise<Item>;

/**
 * Whether `label` holds what is typed in order (case-insensitive), or in order but for two
 * neighbours swapped: what an editor's fuzzy filter (VS Code forgives one such typo) may keep.
 */
function holdsInOrder(label: string, typed: string): boolean {
  const inOrder = (chars: string) => {
    let i = 0;
    for (const ch of label.toLowerCase()) if (ch === chars[i]) i++;
    return i === chars.length;
  };
  const lower = typed.toLowerCase();
  return inOrder(lower) || [...lower].some((_, i) => i + 1 < lower.length && inOrder(`${lower.slice(0, i)}${lower[i + 1]}${lower[i]}${lower.slice(i + 2)}`));
}

before(async () => {
  h = await startSession({ from: EXAMPLES });
  for (const relative of [RECORDING, ALERTING, 'config/config.dev.yaml']) await h.open(uriOf(relative), textOf(relative));
});

after(() => h.close());

test('completion of metric names inside a literal block scalar, best match first, replacing the word', async () => {
  const text = textOf(RECORDING);
  const position = after_(text, 'rate(http_req', 1);
  const { items, isIncomplete } = await completeList(uriOf(RECORDING), position);
  const first = items[0];
  assert.equal(first?.label, 'http_requests_total');
  assert.equal(first?.kind, 6);
  assert.deepEqual(first?.textEdit, { range: rangeOf(text, 'http_requests_total', 1), newText: 'http_requests_total' });
  assert.match(first?.detail ?? '', /^counter · k1s0 catalog$/);
  assert.ok(
    items.some((i) => i.label === 'service:http_requests:rate5m' && i.kind === 21),
    'recording rules of the workspace are offered',
  );
  assert.equal(isIncomplete, false, 'every name matching "http_req" fits in the list');
});

test('completion answers only the items matching the word typed, prefix matches first', async () => {
  const uri = uriOf('scratch/typed.promql');
  await h.open(uri, 'sum(histo', 'promql');
  const { items, isIncomplete } = await completeList(uri, { line: 0, character: 9 });
  assert.equal(isIncomplete, false);
  assert.ok(items.length > 0);
  for (const item of items) assert.ok(holdsInOrder(item.label, 'histo'), `${item.label} does not match "histo"`);
  assert.ok(!items.some((i) => i.label === 'http_requests_total' || i.label === 'rate' || i.label === 'sum'), 'what does not match is left out');
  assert.equal(items[0]?.label, 'histogram_avg', 'the shortest prefix match first');
  const quantile = items.find((i) => i.label === 'histogram_quantile');
  assert.deepEqual([quantile?.kind, quantile?.insertTextFormat, quantile?.textEdit.newText], [3, 2, 'histogram_quantile(${1:scalar}, ${2:instant_vector})']);
  // Prefix matches rank before the looser ones.
  const prefix = items.map((i) => i.label.toLowerCase().startsWith('histo'));
  assert.deepEqual(
    prefix,
    [...prefix].sort((a, b) => Number(b) - Number(a)),
  );

  // Another word typed in its place: its own matches, the function among them.
  await h.change(uri, 2, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } }, text: 'ra' }]);
  const rate = (await complete(uri, { line: 0, character: 6 })).find((i) => i.label === 'rate');
  assert.deepEqual([rate?.kind, rate?.insertTextFormat, rate?.textEdit.newText], [3, 2, 'rate(${1:range_vector})']);
});

test("the k1s0 catalog's metrics rank before the exporters'", async () => {
  const uri = uriOf('scratch/ranking.promql');
  await h.open(uri, 'sum(grpc_server_', 'promql');
  const items = await complete(uri, { line: 0, character: 16 });
  const catalog = (i: Item) => i.kind === 6 && / · k1s0 catalog$/.test(i.detail ?? '');
  const ranked = items.filter((i) => i.kind === 6).map((i) => (catalog(i) ? 'catalog' : 'exporter'));
  assert.deepEqual([...new Set(ranked)], ['catalog', 'exporter']);
  // The shorter exporter name does not come first.
  assert.equal(items[0]?.label, 'grpc_server_handled_total');
  assert.ok(items.findIndex((i) => i.label === 'grpc_server_handling_seconds_bucket') < items.findIndex((i) => i.label === 'grpc_server_started_total'));
});

test('a long list of names is cut to the best ones and marked incomplete; functions stay', async () => {
  // More recording rules than one answer holds.
  const rules = `groups:\n  - name: many\n    rules:\n${Array.from({ length: 300 }, (_, i) => `      - record: generated:load_${i}\n        expr: sum(rate(http_requests_total[5m]))\n`).join('')}`;
  const many = uriOf('scratch/many-rules.yaml');
  await h.open(many, rules);
  const uri = uriOf('scratch/long.promql');
  await h.open(uri, 'sum()', 'promql');
  try {
    const all = await completeList(uri, { line: 0, character: 4 });
    assert.equal(all.isIncomplete, true, 'the editor is told to ask again as the user types');
    const names = all.items.filter((i) => i.kind === 6 || i.kind === 21);
    assert.equal(names.length, 200);
    assert.ok(
      all.items.some((i) => i.label === 'rate' && i.kind === 3),
      "PromQL's functions are offered beside the names",
    );
    assert.ok(
      names.some((i) => i.label === 'http_requests_total'),
      'catalog metrics rank before the generated rules',
    );

    // Typed further: the few names that match, complete.
    await h.change(uri, 2, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, text: 'generated:load_29' }]);
    const narrow = await completeList(uri, { line: 0, character: 21 });
    assert.equal(narrow.isIncomplete, false);
    assert.equal(narrow.items[0]?.label, 'generated:load_29');
    const prefixed = narrow.items.filter((i) => i.label.startsWith('generated:load_29')).map((i) => i.label);
    assert.deepEqual([...prefixed].sort(), ['generated:load_29', ...Array.from({ length: 10 }, (_, i) => `generated:load_29${i}`)].sort());
    assert.deepEqual(
      narrow.items.slice(0, prefixed.length).map((i) => i.label),
      prefixed,
      'prefix matches first',
    );
  } finally {
    await h.closeDocument(many);
  }
  // Closed (and not on disk), its rules are gone from the workspace.
  assert.ok(!(await complete(uri, { line: 0, character: 21 })).some((i) => i.label.startsWith('generated:load_')));
});

test('documentation is left out of the list and added on completionItem/resolve', async () => {
  const text = textOf(RECORDING);
  const items = await complete(uriOf(RECORDING), after_(text, 'rate(http_req', 1));
  assert.ok(
    items.every((i) => i.documentation === undefined),
    'no documentation in the list',
  );

  const metric = items.find((i) => i.label === 'http_requests_total');
  assert.ok(metric?.data, 'the item says what to resolve');
  const resolvedMetric = await resolve(metric);
  assert.equal(resolvedMetric.documentation?.kind, 'markdown');
  assert.match(resolvedMetric.documentation?.value ?? '', /HTTP/);
  assert.deepEqual({ ...resolvedMetric, documentation: undefined }, { ...metric, documentation: undefined }, 'resolve adds documentation only');

  const rule = items.find((i) => i.label === 'service:http_requests:rate5m');
  assert.ok(rule);
  assert.equal((await resolve(rule)).documentation?.value, '```promql\nsum(rate(http_requests_total[5m])) by (service)\n```');

  const uri = uriOf('scratch/resolve.promql');
  await h.open(uri, 'sum(b', 'promql');
  const words = await complete(uri, { line: 0, character: 5 });
  const by = words.find((i) => i.label === 'by');
  assert.ok(by);
  assert.equal((await resolve(by)).documentation?.value, 'Keep only these labels in the aggregation result.');
  const bottomk = words.find((i) => i.label === 'bottomk');
  assert.ok(bottomk);
  assert.ok(((await resolve(bottomk)).documentation?.value ?? '').length > 0, 'aggregations are documented');

  await h.change(uri, 2, [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }, text: 'histogram_q' }]);
  const fn = (await complete(uri, { line: 0, character: 15 })).find((i) => i.label === 'histogram_quantile');
  assert.ok(fn);
  assert.ok(((await resolve(fn)).documentation?.value ?? '').length > 0, 'functions are documented');

  // Label names tell their known values.
  const labels = await complete(uriOf(RECORDING), after_(text, 'http_requests_total{', 0));
  const tier = labels.find((i) => i.label === 'tier');
  assert.ok(tier);
  assert.match((await resolve(tier)).documentation?.value ?? '', /^Known values: `system`, `business`, `service`/);

  // An item without a documentation key comes back as it went.
  const plain = { label: 'x', kind: 1, sortText: 'x', textEdit: { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'x' } };
  assert.deepEqual(await resolve(plain), plain);
});

test('completion of label names inside braces, for the metric in front of them', async () => {
  const text = textOf(RECORDING);
  const position = after_(text, 'http_requests_total{', 0);
  const items = await complete(uriOf(RECORDING), position);
  const labels = items.map((i) => i.label);
  for (const label of ['method', 'path', 'service', 'status', 'job', 'instance', 'tier']) assert.ok(labels.includes(label), `${label} offered`);
  assert.ok(!labels.includes('grpc_code'), 'labels of other metrics are not offered');
  assert.ok(items.every((i) => i.kind === 5));
});

test('completion of label values inside a matcher string', async () => {
  const uri = uriOf('scratch/values.promql');
  await h.open(uri, 'sum(rate(http_requests_total{tier=""}[5m]))', 'promql');
  const items = await complete(uri, { line: 0, character: 35 });
  assert.deepEqual(
    items.map((i) => i.label),
    ['system', 'business', 'service'],
    'in the design order',
  );
  assert.deepEqual(items[0]?.textEdit.range, { start: { line: 0, character: 35 }, end: { line: 0, character: 35 } });
});

test('completion of config keys and values, ranked by the environment policy', async () => {
  const uri = uriOf('config/config.staging.yaml');
  const text = 'observability:\n  log:\n    level: info\n    format: \n  \n';
  await h.open(uri, text);
  const values = await complete(uri, { line: 3, character: 12 });
  assert.deepEqual(
    values.map((i) => [i.label, i.detail]),
    [
      ['json', 'staging policy'],
      ['text', 'one of text, json'],
    ],
  );
  const keys = await complete(uri, { line: 4, character: 2 });
  assert.deepEqual(
    keys.map((i) => i.label),
    ['trace', 'metrics'],
  );
});

test('hover on a catalog metric, a function, a recording rule and a config key', async () => {
  const recording = textOf(RECORDING);
  const metric = (await h.request('textDocument/hover', { textDocument: { uri: uriOf(RECORDING) }, position: after_(recording, 'http_requests_total', 0, 3) })) as {
    contents: { value: string };
    range: unknown;
  };
  assert.deepEqual(metric.range, rangeOf(recording, 'http_requests_total'));
  assert.match(metric.contents.value, /^\*\*http_requests_total\*\* — counter\n\nHTTP/);
  assert.match(metric.contents.value, /Labels: .*`method`.*`status`/);

  const fn = (await h.request('textDocument/hover', { textDocument: { uri: uriOf(RECORDING) }, position: after_(recording, 'histogram_quantile', 0, 2) })) as { contents: { value: string } };
  assert.match(fn.contents.value, /^```promql\nhistogram_quantile\(scalar, instant vector\) → instant vector\n```/);

  const alerting = textOf(ALERTING);
  const rule = (await h.request('textDocument/hover', { textDocument: { uri: uriOf(ALERTING) }, position: after_(alerting, 'service:http_errors:rate5m', 0, 4) })) as { contents: { value: string } };
  assert.equal(
    rule.contents.value,
    '**service:http_errors:rate5m** — recording rule\n\n```promql\nsum(rate(http_requests_total{status=~"5.."}[5m])) by (service)\n/ sum(rate(http_requests_total[5m])) by (service)\n```\n\nDefined in `infra/docker/prometheus/recording_rules.yaml`.',
  );

  const config = textOf('config/config.dev.yaml');
  const key = (await h.request('textDocument/hover', { textDocument: { uri: uriOf('config/config.dev.yaml') }, position: after_(config, 'sample_rate', 0, 1) })) as { contents: { value: string } };
  assert.match(key.contents.value, /^\*\*observability\.trace\.sample_rate\*\* — a number between 0 and 1/);
  assert.match(key.contents.value, /\| prod \| `0.1` \|/);
});

test('hover and completion inside an escaped JSON string of a dashboard target', async () => {
  const dashboard = textOf(DASHBOARD);
  await h.open(uriOf(DASHBOARD), dashboard, 'json');
  // The matcher sits among \" escapes: positions map through them.
  const at = dashboard.indexOf('service=~\\"');
  const hover = (await h.request('textDocument/hover', { textDocument: { uri: uriOf(DASHBOARD) }, position: new LineIndex(dashboard).positionAt(at + 2) })) as {
    contents: { value: string };
    range: unknown;
  };
  assert.deepEqual(hover.range, new LineIndex(dashboard).rangeOf(at, at + 'service'.length));
  assert.match(hover.contents.value, /^\*\*service\*\* — label/);
  const metric = (await h.request('textDocument/hover', { textDocument: { uri: uriOf(DASHBOARD) }, position: after_(dashboard, 'service:http_errors:rate5m', 0, 2) })) as {
    contents: { value: string };
  };
  assert.match(metric.contents.value, /^\*\*service:http_errors:rate5m\*\* — recording rule/);
});

test('signature help follows the argument being typed', async () => {
  const uri = uriOf('scratch/signature.promql');
  await h.open(uri, 'histogram_quantile(0.99, sum(rate(x[5m])) by (le))', 'promql');
  const help = (await h.request('textDocument/signatureHelp', { textDocument: { uri }, position: { line: 0, character: 25 } })) as { signatures: { label: string }[]; activeParameter: number };
  assert.deepEqual([help.signatures[0]?.label, help.activeParameter], ['histogram_quantile(scalar, instant vector) → instant vector', 1]);
  const inner = (await h.request('textDocument/signatureHelp', { textDocument: { uri }, position: { line: 0, character: 34 } })) as { signatures: { label: string }[]; activeParameter: number };
  assert.deepEqual([inner.signatures[0]?.label, inner.activeParameter], ['rate(range vector) → instant vector', 0]);
});

test('go to definition, find references and rename a recording rule across files', async () => {
  const recording = textOf(RECORDING);
  const alerting = textOf(ALERTING);
  const position = after_(alerting, 'service:http_errors:rate5m', 0, 3);
  const definition = await h.request('textDocument/definition', { textDocument: { uri: uriOf(ALERTING) }, position });
  assert.deepEqual(definition, [{ uri: uriOf(RECORDING), range: rangeOf(recording, 'service:http_errors:rate5m') }]);

  const references = (await h.request('textDocument/references', { textDocument: { uri: uriOf(ALERTING) }, position, context: { includeDeclaration: true } })) as { uri: string; range: unknown }[];
  const dashboard = textOf(DASHBOARD);
  assert.deepEqual(
    references.sort((a, b) => a.uri.localeCompare(b.uri)),
    [
      { uri: uriOf(DASHBOARD), range: rangeOf(dashboard, 'service:http_errors:rate5m') },
      { uri: uriOf(ALERTING), range: rangeOf(alerting, 'service:http_errors:rate5m') },
      { uri: uriOf(RECORDING), range: rangeOf(recording, 'service:http_errors:rate5m') },
    ],
  );

  const refused = h.request('textDocument/rename', { textDocument: { uri: uriOf(ALERTING) }, position, newName: '5xx-rate' });
  await assert.rejects(refused, /"5xx-rate" is not a valid metric name/);
  const rename = (await h.request('textDocument/rename', { textDocument: { uri: uriOf(ALERTING) }, position, newName: 'service:http_5xx:ratio_rate5m' })) as {
    documentChanges: { textDocument: { uri: string; version: number | null } }[];
  };
  // Versioned: the editor applies the rename only to the texts it was computed from.
  assert.deepEqual(
    rename.documentChanges.sort((a, b) => a.textDocument.uri.localeCompare(b.textDocument.uri)),
    [
      { textDocument: { uri: uriOf(DASHBOARD), version: 1 }, edits: [{ range: rangeOf(dashboard, 'service:http_errors:rate5m'), newText: 'service:http_5xx:ratio_rate5m' }] },
      { textDocument: { uri: uriOf(ALERTING), version: 1 }, edits: [{ range: rangeOf(alerting, 'service:http_errors:rate5m'), newText: 'service:http_5xx:ratio_rate5m' }] },
      { textDocument: { uri: uriOf(RECORDING), version: 1 }, edits: [{ range: rangeOf(recording, 'service:http_errors:rate5m'), newText: 'service:http_5xx:ratio_rate5m' }] },
    ],
  );
  const notARule = h.request('textDocument/prepareRename', { textDocument: { uri: uriOf(RECORDING) }, position: after_(recording, 'http_requests_total', 0, 2) });
  await assert.rejects(notARule, /"http_requests_total" is not a recording rule of this workspace/);
});

test('document and workspace symbols', async () => {
  const symbols = (await h.request('textDocument/documentSymbol', { textDocument: { uri: uriOf(RECORDING) } })) as { name: string; kind: number; children: { name: string; kind: number }[] }[];
  assert.deepEqual(
    symbols.map((s) => [s.name, s.kind, s.children.map((c) => c.name)]),
    [
      [
        'red-recording-rules',
        3,
        [
          'service:http_requests:rate5m',
          'service:http_errors:rate5m',
          'service:http_request_duration_seconds:p99',
          'service:http_request_duration_seconds:p95',
          'service:grpc_requests:rate5m',
          'service:grpc_errors:rate5m',
          'service:grpc_handling_seconds:p99',
        ],
      ],
      ['slo-recording-rules', 3, ['slo:availability:ratio', 'slo:error_budget:remaining']],
    ],
  );
  const found = (await h.request('workspace/symbol', { query: 'higherr' })) as { name: string; kind: number; containerName: string; location: { uri: string } }[];
  assert.deepEqual(found.map((s) => [s.name, s.kind, s.containerName, s.location.uri]).sort(), [
    ['HighErrorRate', 24, 'local-dev-alerts', uriOf(ALERTING)],
    ['ServiceHighErrorRate', 24, 'business-service-tier', uriOf('infra/observability/prometheus/alerts/business-tier-alerts.yaml')],
    ['SystemServiceHighErrorRate', 24, 'system-tier', uriOf('infra/observability/prometheus/alerts/system-tier-alerts.yaml')],
  ]);
});

test('positions outside any query answer empty, never an error', async () => {
  const recording = textOf(RECORDING);
  const comment = after_(recording, '# リクエストレート', 0, 2);
  assert.deepEqual(await complete(uriOf(RECORDING), comment), []);
  assert.equal(await h.request('textDocument/hover', { textDocument: { uri: uriOf(RECORDING) }, position: comment }), null);
  assert.equal(await h.request('textDocument/signatureHelp', { textDocument: { uri: uriOf(RECORDING) }, position: comment }), null);
  assert.deepEqual(await h.request('textDocument/definition', { textDocument: { uri: 'file:///not/open.yaml' }, position: { line: 0, character: 0 } }), []);
  assert.deepEqual(await h.request('textDocument/completion', { textDocument: { uri: uriOf(RECORDING) }, position: { line: 999, character: 999 } }), { isIncomplete: false, items: [] });
  assert.deepEqual(await h.request('textDocument/completion', { textDocument: { uri: 'file:///not/open.yaml' }, position: { line: 0, character: 0 } }), { isIncomplete: false, items: [] });
});

test('a compose file over LSP: its services as symbols, its keys on hover, its enumerated values completed', async () => {
  const compose = textOf('docker-compose.yaml');
  await h.open(uriOf('docker-compose.yaml'), compose);
  const symbols = (await h.request('textDocument/documentSymbol', { textDocument: { uri: uriOf('docker-compose.yaml') } })) as { name: string; detail?: string }[];
  assert.deepEqual(
    symbols.map((s) => [s.name, s.detail]),
    [
      ['jaeger', 'jaegertracing/all-in-one:1.57'],
      ['prometheus', 'prom/prometheus:v2.53.0'],
      ['grafana', 'grafana/grafana:11.1.0'],
      ['loki', 'grafana/loki:3.1.0'],
      ['order', './regions/service/order/server/typescript/order'],
    ],
  );
  const hover = (await h.request('textDocument/hover', { textDocument: { uri: uriOf('docker-compose.yaml') }, position: after_(compose, 'depends_on', 0, 3) })) as { contents: { value: string } };
  assert.match(hover.contents.value, /^\*\*depends_on\*\* — /);
  const items = await complete(uriOf('docker-compose.yaml'), after_(compose, 'condition: ', 0));
  assert.deepEqual(
    items.map((i) => i.label),
    ['service_started', 'service_healthy', 'service_completed_successfully'],
  );
});

test('OTEL_ variables complete and hover in a .env file and a compose list (the kinds that write them one per line)', async () => {
  const dotenv = uriOf('services/ledger/.env');
  await h.open(dotenv, 'OTEL_SERVICE_NAME=ledger\nOTEL_EXPORTER_OTLP_PROTOCOL=\n');
  assert.deepEqual(
    (await complete(dotenv, { line: 1, character: 28 })).map((i) => i.label),
    ['grpc', 'http/protobuf', 'http/json'],
  );
  const hover = (await h.request('textDocument/hover', { textDocument: { uri: dotenv }, position: { line: 0, character: 3 } })) as { contents: { value: string } };
  assert.match(hover.contents.value, /^\*\*OTEL_SERVICE_NAME\*\*/);
  const compose = uriOf('docker-compose.yaml');
  const text = `${textOf('docker-compose.yaml')}  extra:\n    image: busybox\n    environment:\n      - OTEL_TRACES_SAMPLER_A\n`;
  await h.open(compose, text);
  const lines = text.split('\n');
  const items = await complete(compose, { line: lines.length - 2, character: lines[lines.length - 2]?.length ?? 0 });
  assert.deepEqual(
    items.map((i) => [i.label, i.textEdit.newText]),
    [['OTEL_TRACES_SAMPLER_ARG', 'OTEL_TRACES_SAMPLER_ARG=']],
  );
});
