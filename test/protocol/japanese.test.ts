/**
 * The built server over real stdio with the display language VS Code sends at
 * initialize set to Japanese: diagnostics, quick fixes, hover, completion
 * documentation and signature help all answer in Japanese; so do the keys of
 * .k1s0/lint.yaml and of a collector configuration, and the outline's details.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, CompletionList, DocumentSymbol, Hover, SignatureHelp } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lspClient';
import { lines, rangeOf } from '../support/text';
import { newTempDir, removeDir } from '../support/tempDir';

const EXAMPLES = join(__dirname, '../../examples');
let workspace: string;
let client: LspTestClient;
const uriOf = (relative: string) => pathToFileURL(join(workspace, relative)).href;

const RULES = lines('groups:', '  - name: scratch', '    rules:', '      - record: job:http_requests:rate5m', '        expr: sum by (job) (rate(http_requests_total))');
const RULES_URI = () => uriOf('infra/docker/prometheus/scratch_rules.yaml');

before(async () => {
  workspace = newTempDir('lsp-ja');
  cpSync(EXAMPLES, workspace, { recursive: true });
  client = new LspTestClient();
  await client.initialize(pathToFileURL(workspace).href, undefined, 'ja');
  await client.open(RULES_URI(), RULES);
});

after(async () => {
  const code = await client.shutdown();
  assert.equal(code, 0);
  removeDir(workspace);
});

/** The position of the `nth` character of `needle` in `text`. */
function positionOf(text: string, needle: string, nth = 0): { line: number; character: number } {
  const { start } = rangeOf(text, needle);
  return { line: start.line, character: start.character + nth };
}

test("a diagnostic and its quick fix are in Japanese, Prometheus's own error in parentheses", async () => {
  const diagnostics = await client.diagnosticsFor(RULES_URI(), (p) => p.diagnostics.length > 0);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.message]),
    [['promql/type', '関数 "rate" のこの引数は範囲ベクトルである必要がありますが、瞬時ベクトルです（Prometheus: expected type range vector in call to function "rate", got instant vector）']],
  );
  const actions = await client.connection.sendRequest<{ title: string }[]>('textDocument/codeAction', {
    textDocument: { uri: RULES_URI() },
    range: diagnostics[0]!.range,
    context: { diagnostics },
  });
  assert.deepEqual(
    actions.map((a) => a.title),
    ['この行の promql/type を無効にする'],
  );
});

test('hover on a function and on a metric answers in Japanese', async () => {
  const onRate = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: RULES_URI() }, position: positionOf(RULES, 'rate(', 1) });
  assert.deepEqual(onRate?.contents, { kind: 'markdown', value: '```promql\nrate(range vector) → instant vector\n```\n\n範囲内のカウンターの 1 秒あたりの平均増加率。' });
  const onMetric = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: RULES_URI() }, position: positionOf(RULES, 'http_requests_total', 3) });
  assert.match(
    (onMetric?.contents as { value: string }).value,
    /^\*\*http_requests_total\*\* — カウンター\n\nHTTP リクエスト総数\n\nラベル: .*\n\n出所: k1s0 カタログ（observability-design\.md: カスタムメトリクス一覧）。$/,
  );
});

test('completion details and documentation are in Japanese', async () => {
  const position = positionOf(RULES, 'rate(', 2);
  const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: RULES_URI() }, position });
  const rate = list.items.find((item) => item.label === 'rate');
  assert.ok(rate, 'rate is offered');
  const resolved = await client.connection.sendRequest<CompletionItem>('completionItem/resolve', rate);
  assert.deepEqual(resolved.documentation, { kind: 'markdown', value: '範囲内のカウンターの 1 秒あたりの平均増加率。' });
  const atSum = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: RULES_URI() }, position: positionOf(RULES, 'sum by', 2) });
  const sum = atSum.items.find((item) => item.label === 'sum');
  assert.ok(sum, 'sum is offered');
  const sumResolved = await client.connection.sendRequest<CompletionItem>('completionItem/resolve', sum);
  assert.deepEqual(sumResolved.documentation, { kind: 'markdown', value: '次元にわたる合計。' });
  const metric = list.items.find((item) => item.label === 'http_requests_total');
  assert.equal(metric?.detail, 'カウンター · k1s0 カタログ');
});

test('the output channel says in Japanese that the server started', () => {
  assert.ok(
    client.logs.some(([, message]) => message === 'k1s0 言語サーバーを起動しました（メッセージ: ja）'),
    JSON.stringify(client.logs),
  );
});

test('signature help is in Japanese, the signature itself as PromQL writes it', async () => {
  const help = await client.connection.sendRequest<SignatureHelp | null>('textDocument/signatureHelp', {
    textDocument: { uri: RULES_URI() },
    position: positionOf(RULES, 'http_requests_total'),
  });
  assert.deepEqual(
    help?.signatures.map((s) => [s.label, s.documentation]),
    [['rate(range vector) → instant vector', { kind: 'markdown', value: '範囲内のカウンターの 1 秒あたりの平均増加率。' }]],
  );
});

test('.k1s0/lint.yaml completes a code with its Japanese short name and help', async () => {
  const uri = uriOf('.k1s0/lint.yaml');
  const text = lines('diagnostics:', '  severity:', '    catalog/unk');
  await client.open(uri, text);
  const list = await client.connection.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 15 } });
  const item = list.items.find((i) => i.label === 'catalog/unknown-metric');
  assert.deepEqual(
    [item?.detail, item?.documentation],
    [
      'カタログにないメトリクス（既定: warning）',
      {
        kind: 'markdown',
        value:
          'メトリクスが k1s0 カタログ、設計が使うエクスポーター、ワークスペースのレコーディングルール、稼働中の Prometheus のどれにもありません。打ち間違いか、.k1s0/catalog.yaml に追加すべきメトリクスです。',
      },
    ],
  );
});

test("a collector configuration's keys are hovered in Japanese, and its outline names the component kinds in Japanese", async () => {
  const uri = uriOf('infra/observability/otel-collector/otel-collector-config.yaml');
  const text = readFileSync(join(EXAMPLES, 'infra/observability/otel-collector/otel-collector-config.yaml'), 'utf8');
  await client.open(uri, text);
  const hover = await client.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: positionOf(text, 'timeout: 5s', 2) });
  assert.deepEqual(hover?.contents, { kind: 'markdown', value: '**timeout** — 期間\n\nバッチを送るまでの最長の待ち時間（デフォルト 200ms）。' });
  const symbols = await client.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(
    symbols.slice(0, 2).map((s) => [s.name, (s.children ?? []).slice(0, 1).map((c) => [c.name, c.detail])]),
    [
      ['receivers', [['otlp', 'レシーバー']]],
      ['processors', [['memory_limiter', 'プロセッサー']]],
    ],
  );
});
