/**
 * A diagnostic's related places (the unclosed `(` a PromQL parse error comes from) reach a client
 * that says it shows them (textDocument.publishDiagnostics.relatedInformation), in LSP's shape; a
 * client that does not gets the message alone, which names the place too.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CAPABILITIES, startSession } from './testSupport';

const RULES = 'groups:\n  - name: g\n    rules:\n      - record: job:x:rate5m\n        expr: sum(rate(x[5m]) by (job)\n';
const MESSAGE = 'unexpected <by> in aggregation — the `(` at column 4 of the expression is not closed';
const at = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

test('a client that shows related information gets it, in the document the diagnostic is in', async (t) => {
  const h = await startSession({ init: { capabilities: { ...DEFAULT_CAPABILITIES, textDocument: { publishDiagnostics: { relatedInformation: true } } } } });
  t.after(() => h.close());
  const uri = h.uriOf('rules/x.yaml');
  await h.open(uri, RULES);
  assert.deepEqual(h.client.diagnostics(uri), [
    {
      range: at(4, 30, 32),
      severity: 1,
      code: 'promql/syntax',
      source: 'k1s0',
      message: MESSAGE,
      relatedInformation: [{ location: { uri, range: at(4, 17, 18) }, message: 'this `(` is not closed' }],
    },
  ]);
  // The quick fix's diagnostic is the one published.
  const actions = (await h.request('textDocument/codeAction', { textDocument: { uri }, range: at(4, 30, 32), context: { diagnostics: [] } })) as { diagnostics: unknown[] }[];
  assert.deepEqual(actions[0]?.diagnostics, h.client.diagnostics(uri));
});

test('a client that does not gets the message alone', async (t) => {
  const h = await startSession();
  t.after(() => h.close());
  const uri = h.uriOf('rules/x.yaml');
  await h.open(uri, RULES);
  assert.deepEqual(h.client.diagnostics(uri), [{ range: at(4, 30, 32), severity: 1, code: 'promql/syntax', source: 'k1s0', message: MESSAGE }]);
});
