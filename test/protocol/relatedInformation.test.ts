/**
 * The built server over stdio, for a client that shows related information (VS Code does):
 * a PromQL parse error after an unclosed `(` carries the `(`'s place as relatedInformation.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { LspTestClient } from '../support/lspClient';
import { tempDir } from '../support/tempDir';

test('relatedInformation names the unclosed bracket a syntax error comes from', async (t) => {
  const workspace = tempDir(t, 'lsp-related');
  const client = new LspTestClient();
  t.after(async () => {
    assert.equal(await client.shutdown(), 0);
  });
  await client.initialize(pathToFileURL(workspace).href, {
    workspace: { configuration: true, workspaceEdit: { documentChanges: true } },
    textDocument: { publishDiagnostics: { relatedInformation: true } },
  });
  const uri = pathToFileURL(join(workspace, 'rules.yaml')).href;
  await client.open(uri, 'groups:\n  - name: g\n    rules:\n      - record: job:x:rate5m\n        expr: sum(rate(x[5m]) by (job)\n');
  const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
  assert.deepEqual(await client.diagnosticsFor(uri), [
    {
      range: at(4, 30, 32),
      severity: 1,
      code: 'promql/syntax',
      source: 'k1s0',
      message: 'unexpected <by> in aggregation — the `(` at column 4 of the expression is not closed',
      relatedInformation: [{ location: { uri, range: at(4, 17, 18) }, message: 'this `(` is not closed' }],
    },
  ]);
});
