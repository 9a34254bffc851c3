/**
 * prometheus.yaml in the editor, over real stdio: the start-up scan reports
 * the example's mistake; an opened file gets its did-you-mean quick fix,
 * completion of a job's keys, hover of a key and the outline of its jobs.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lspClient';
import { lines, rangeOf } from '../support/text';
import { newTempDir, removeDir } from '../support/tempDir';

const EXAMPLES = join(__dirname, '../../examples');
let workspace: string;
let client: LspTestClient;
const uriOf = (relative: string) => pathToFileURL(join(workspace, relative)).href;

before(async () => {
  workspace = newTempDir('lsp-prometheus');
  cpSync(EXAMPLES, workspace, { recursive: true });
  client = new LspTestClient();
  await client.initialize(pathToFileURL(workspace).href);
});

after(async () => {
  assert.equal(await client.shutdown(), 0);
  removeDir(workspace);
});

test("the start-up scan reports the example's URL target", async () => {
  const diagnostics = await client.diagnosticsFor(uriOf('infra/observability/prometheus/prometheus.yaml'));
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range.start, d.severity]),
    [['prometheus/config', { line: 15, character: 18 }, 1]],
  );
});

test('an opened prometheus.yaml: quick fix, completion, hover, outline', async () => {
  const uri = uriOf('scratch/prometheus.yaml');
  const text = lines('global:', '  scrape_interval: 15s', 'scrape_configs:', '  - job_name: api', '    metric_path: /metrics', '    ');
  await client.open(uri, text);
  const [first] = await client.diagnosticsFor(uri, (p) => p.version === 1);
  assert.ok(first);
  assert.deepEqual([first.code, first.range], ['prometheus/config', rangeOf(text, 'metric_path')]);
  const actions = await client.connection.sendRequest<{ title: string; edit: unknown }[]>('textDocument/codeAction', { textDocument: { uri }, range: first.range, context: { diagnostics: [first] } });
  assert.deepEqual(actions[0]?.title, 'Rename to "metrics_path"');
  assert.deepEqual(actions[0]?.edit, { documentChanges: [{ textDocument: { uri, version: 1 }, edits: [{ range: rangeOf(text, 'metric_path'), newText: 'metrics_path' }] }] });
  const completion = await client.connection.sendRequest<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 4 } });
  const labels = completion.items.map((item) => item.label);
  assert.ok(labels.includes('scrape_timeout') && labels.includes('static_configs') && !labels.includes('job_name'), labels.join(', '));
  const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 4 } });
  assert.match(hover.contents.value, /^\*\*scrape_interval\*\* — duration/);
  const symbols = await client.connection.sendRequest<{ name: string; children?: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(
    symbols.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]),
    [
      ['global', []],
      ['scrape_configs', ['api']],
    ],
  );
  await client.close(uri);
});
