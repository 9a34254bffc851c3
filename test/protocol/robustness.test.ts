/**
 * A client that misbehaves, over stdio against the real server: requests
 * about documents it never opened, edits out of range, cancellations, huge
 * and binary documents, bursts of changes, garbage parameters. After each,
 * the process is alive and answers a normal request correctly, and what the
 * server logged says no check threw where nothing was wrong.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/base/lineIndex';
import { LspTestClient } from '../support/lspClient';
import { rangeOf } from '../support/text';
import { tempDir } from '../support/tempDir';

const GOOD_TEXT = 'groups:\n  - name: good\n    rules:\n      - record: job:http_requests:rate5m\n        expr: sum by (job) (rate(http_requests_total[5m]))\n';
const RATE_HOVER = {
  contents: { kind: 'markdown', value: '```promql\nrate(range vector) → instant vector\n```\n\nPer-second average rate of increase of a counter over the range.' },
  range: rangeOf(GOOD_TEXT, 'rate', 1),
};
let client: LspTestClient;
const uriOf = (relative: string) => pathToFileURL(join(workspace, relative)).href;

after(async () => {
  assert.equal(await client.shutdown(), 0, 'the server still exits cleanly after all of it');
});
// Removed once the hook above has shut the server down.
const workspace = tempDir({ after }, 'robust');

before(async () => {
  mkdirSync(join(workspace, 'rules'));
  writeFileSync(join(workspace, 'rules/good.yaml'), GOOD_TEXT);
  writeFileSync(join(workspace, 'rules/closed.yaml'), GOOD_TEXT.replace('good', 'closed'));
  client = new LspTestClient();
  await client.initialize(pathToFileURL(workspace).href);
  await client.open(uriOf('rules/good.yaml'), GOOD_TEXT);
  assert.deepEqual(await client.diagnosticsFor(uriOf('rules/good.yaml')), []);
});

/** The process runs and a normal request on a known document gets its exact answer. */
async function assertAlive(after_: string): Promise<void> {
  assert.ok(client.alive, `after ${after_}: the server exited; stderr: ${client.stderr.join('').slice(0, 2000)}`);
  const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf('rules/good.yaml') }, position: { line: 4, character: 30 } });
  assert.deepEqual(hover, RATE_HOVER, `after ${after_}: hover on a known document`);
}

/** Errors the server logged since `mark` (a check that threw, caught and logged). */
const errorsSince = (mark: number) =>
  client.logs
    .slice(mark)
    .filter(([type]) => type === 1)
    .map(([, message]) => message.slice(0, 500));

/** A request's answer, or the code of the error it got. */
async function settle(method: string, params: unknown): Promise<{ result: unknown } | { error: number }> {
  try {
    return { result: await client.connection.sendRequest(method, params) };
  } catch (error) {
    assert.ok(error instanceof ResponseError, `${method}: ${String(error)}`);
    return { error: error.code };
  }
}

const emptyItems = (answer: unknown) => (Array.isArray(answer) ? answer : (answer as { items: unknown[] }).items);

test('requests about documents never opened answer empty, whatever the URI', async () => {
  const mark = client.logs.length;
  const position = { line: 4, character: 30 };
  for (const uri of [uriOf('rules/closed.yaml'), 'file:///nowhere/rules.yaml', 'untitled:Untitled-1', 'not a uri at all', '']) {
    const textDocument = { uri };
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument, position }), null, uri);
    assert.deepEqual(emptyItems(await client.connection.sendRequest('textDocument/completion', { textDocument, position })), [], uri);
    assert.equal(await client.connection.sendRequest('textDocument/signatureHelp', { textDocument, position }), null, uri);
    assert.deepEqual(await client.connection.sendRequest('textDocument/definition', { textDocument, position }), [], uri);
    assert.deepEqual(await client.connection.sendRequest('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }), [], uri);
    assert.deepEqual(await client.connection.sendRequest('textDocument/documentSymbol', { textDocument }), [], uri);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeLens', { textDocument }), [], uri);
    assert.deepEqual(await client.connection.sendRequest('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: { diagnostics: [] } }), [], uri);
    assert.equal(await client.connection.sendRequest('textDocument/prepareRename', { textDocument, position }), null, uri);
    assert.equal(await client.connection.sendRequest('textDocument/rename', { textDocument, position, newName: 'job:x:y' }), null, uri);
  }
  assert.deepEqual(errorsSince(mark), []);
  await assertAlive('requests about unopened documents');
});

test('didChange and didClose of documents never opened are ignored; opening one later starts from its own text', async () => {
  const uri = uriOf('scratch/never-opened.yaml');
  const mark = client.logs.length;
  await client.change(uri, 7, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'groups: [\n' }]);
  await client.change(uri, 8, [{ text: 'groups: [\n' }]);
  await client.close(uri);
  await client.close(uriOf('rules/closed.yaml'));
  assert.deepEqual(errorsSince(mark), []);
  // A change without a version breaks the protocol: the library refuses it, the server stays up.
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf('rules/good.yaml') }, contentChanges: [{ text: 'garbage: [' }] });
  await assertAlive('changes to unopened documents');
  const text = GOOD_TEXT.replace('http_requests_total[5m]', 'http_requests_total');
  await client.open(uri, text, 'yaml', 1);
  const diagnostics = await client.diagnosticsFor(uri, (p) => p.version === 1);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range, d.message]),
    [['promql/type', rangeOf(text, 'http_requests_total'), 'expected type range vector in call to function "rate", got instant vector']],
  );
  await client.close(uri);
});

test('edits with ranges out of range are clamped, never fatal, and diagnostics follow the resulting text', async () => {
  const uri = uriOf('scratch/clamped.yaml');
  let reference = TextDocument.create(uri, 'yaml', 1, GOOD_TEXT);
  await client.open(uri, GOOD_TEXT);
  const mark = client.logs.length;
  const edits = [
    { range: { start: { line: 1_000_000, character: 0 }, end: { line: 1_000_000, character: 5 } }, text: '# appended past the end\n' },
    { range: { start: { line: 0, character: -5 }, end: { line: 0, character: -1 } }, text: '# negative characters\n' },
    // End before start: the range is read the right way round ("good" becomes "renamed").
    { range: { start: { line: 2, character: 14 }, end: { line: 2, character: 10 } }, text: 'renamed' },
    { range: { start: { line: 3, character: 1_000_000_000 }, end: { line: 3, character: 2 ** 31 } }, text: ' # past the end of the line' },
    { range: { start: { line: -3, character: 0 }, end: { line: -1, character: 0 } }, text: '' },
  ];
  let version = 1;
  for (const edit of edits) {
    version++;
    await client.change(uri, version, [edit]);
    reference = TextDocument.create(uri, 'yaml', version, TextDocument.applyEdits(reference, [{ range: edit.range, newText: edit.text }]));
  }
  // Positions past the end of the text or negative: answered, and the server lives.
  for (const position of [
    { line: 1_000_000, character: 1_000_000 },
    { line: -1, character: -1 },
    { line: 2, character: 2 ** 31 },
  ]) {
    assert.equal(await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }), null);
    await settle('textDocument/completion', { textDocument: { uri }, position });
  }
  // The last edit breaks the expression; its diagnostics are for the text the clamped edits made.
  const text = reference.getText();
  const at = new LineIndex(text).positionAt(text.indexOf('[5m])') + 4);
  version++;
  await client.change(uri, version, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
  const expected = text.slice(0, text.indexOf('[5m])') + 4) + text.slice(text.indexOf('[5m])') + 5);
  const diagnostics = await client.diagnosticsFor(uri, (p) => p.version === version);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range, d.message]),
    [['promql/syntax', rangeOf(expected, '(rate(http_requests_total[5m])'), 'unclosed left parenthesis']],
  );
  assert.deepEqual(errorsSince(mark), []);
  await assertAlive('out-of-range edits');
  await client.close(uri);
});

test('$/cancelRequest for queued, running, answered and unknown requests', async () => {
  const uri = uriOf('scratch/cancel.yaml');
  const text = `${GOOD_TEXT}${'      - record: job:x:sum\n        expr: sum by (job) (rate(http_requests_total[5m]))\n'.repeat(2_000)}`;
  await client.open(uri, text);
  const sources = Array.from({ length: 60 }, () => new CancellationTokenSource());
  const answers = sources.map((source) =>
    client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token).then(
      (result) => ({ result }),
      (error: unknown) => ({ error: error instanceof ResponseError ? error.code : String(error) }),
    ),
  );
  for (const source of sources) source.cancel();
  const settled = await Promise.all(answers);
  for (const answer of settled) {
    // Cancelled before it ran (RequestCancelled), or answered: nothing else.
    if ('error' in answer) assert.equal(answer.error, -32800);
    else assert.ok(Array.isArray(answer.result));
  }
  // Cancelling what was answered long ago, or never existed.
  for (const id of [0, 1, 999_999, 'no-such-id', -1]) await client.connection.sendNotification('$/cancelRequest', { id });
  await assertAlive('cancellations');
  await client.close(uri);
});

test('a 1 MB single-line document and NUL bytes: checked, with diagnostics inside the document', async () => {
  const mark = client.logs.length;
  const bigUri = uriOf('scratch/big.yaml');
  const big = `groups:\n  - name: big\n    rules:\n      # ${'x'.repeat(1 << 20)}\n      - record: job:big:sum\n        expr: sum by (job) (up\n`;
  await client.open(bigUri, big);
  const bigDiagnostics = await client.diagnosticsFor(bigUri, (p) => p.version === 1, 30_000);
  assert.deepEqual(
    bigDiagnostics.map((d) => [d.code, d.range, d.message]),
    [['promql/syntax', rangeOf(big, '(up'), 'unclosed left parenthesis']],
  );
  const longLine = `${'up + '.repeat(200_000)}up`;
  const promqlUri = uriOf('scratch/long.promql');
  await client.open(promqlUri, longLine, 'promql');
  const longDiagnostics = await client.diagnosticsFor(promqlUri, (p) => p.version === 1, 30_000);
  assertInside(longLine, longDiagnostics);
  assert.equal((await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: promqlUri }, position: { line: 0, character: 500_000 } })) !== undefined, true);

  const nulUri = uriOf('scratch/nul.yaml');
  const nul = 'groups:\n  - name: "nul\\0group"\n    rules:\n      - record: job:nul:sum\n        expr: sum by (job) (up{job="a\0b"}) \0\n        labels:\n          note: "\0"\n';
  await client.open(nulUri, nul);
  const nulDiagnostics = await client.diagnosticsFor(nulUri, (p) => p.version === 1);
  assert.deepEqual(
    nulDiagnostics.map((d) => [d.code, d.range, d.message]),
    [['promql/syntax', rangeOf(nul, '\0', 1), "unexpected character: '\\x00'"]],
  );
  assert.deepEqual(errorsSince(mark), []);
  await assertAlive('huge and binary documents');
  for (const uri of [bigUri, promqlUri, nulUri]) await client.close(uri);
});

function assertInside(text: string, diagnostics: Diagnostic[]): void {
  const lengths = text.split(/\r\n|\r|\n/).map((line) => line.length);
  for (const { range } of diagnostics) {
    for (const end of [range.start, range.end]) assert.ok(end.line < lengths.length && end.character <= (lengths[end.line] ?? 0), JSON.stringify(range));
  }
}

test('a burst of 2,000 changes without waiting: the last version is published, and versions never go back', async () => {
  const uri = uriOf('scratch/burst.yaml');
  await client.open(uri, GOOD_TEXT);
  await client.diagnosticsFor(uri, (p) => p.version === 1);
  const first = client.publishes.length;
  const sends: Promise<void>[] = [];
  let text = GOOD_TEXT;
  for (let version = 2; version <= 2_001; version++) {
    // Typing into a comment at the end, one character per change.
    const line = text.split('\n').length - 1;
    const character = text.length - text.lastIndexOf('\n') - 1;
    const typed = version === 2 ? '#' : 'x';
    sends.push(client.change(uri, version, [{ range: { start: { line, character }, end: { line, character } }, text: typed }]));
    text += typed;
  }
  await Promise.all(sends);
  // The final change breaks the rule's expression.
  const broken = text.replace('[5m]))', '[5m])');
  const at = new LineIndex(text).positionAt(text.indexOf('[5m]))') + 5);
  await client.change(uri, 2_002, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' }]);
  const diagnostics = await client.diagnosticsFor(uri, (p) => p.version === 2_002, 30_000);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range, d.message]),
    [['promql/syntax', rangeOf(broken, '(rate(http_requests_total[5m])'), 'unclosed left parenthesis']],
  );
  const versions = client.publishes
    .slice(first)
    .filter((p) => p.uri === uri)
    .map((p) => p.version ?? 0);
  assert.deepEqual(
    versions,
    [...versions].sort((a, b) => a - b),
    'published versions only grow',
  );
  await assertAlive('a burst of changes');
  await client.close(uri);
});

test('garbage parameters and unknown methods get an answer or an error, and the server stays up', async () => {
  const good = { uri: uriOf('rules/good.yaml') };
  const calls: [string, unknown][] = [
    ['textDocument/hover', { textDocument: good }],
    ['textDocument/hover', {}],
    ['textDocument/completion', { textDocument: good, position: { line: 'four', character: null } }],
    ['textDocument/definition', { textDocument: good, position: { line: 4.5, character: Number.NaN } }],
    ['textDocument/references', { textDocument: good, position: { line: 4, character: 30 } }],
    ['textDocument/codeAction', { textDocument: good }],
    ['textDocument/rename', { textDocument: good, position: { line: 3, character: 20 }, newName: 42 }],
    ['textDocument/documentSymbol', { textDocument: null }],
    ['workspace/symbol', { query: { not: 'a string' } }],
    ['k1s0/noSuchMethod', { anything: true }],
  ];
  for (const [method, params] of calls) {
    const answer = await settle(method, params);
    if (method === 'k1s0/noSuchMethod') assert.deepEqual(answer, { error: -32601 });
    assert.ok(client.alive, `${method} ${JSON.stringify(params)}`);
  }
  for (const method of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'workspace/didChangeWatchedFiles', 'k1s0/noSuchNotification']) {
    await client.connection.sendNotification(method, { textDocument: { uri: 42 }, changes: 'none' });
  }
  await assertAlive('garbage parameters');
});
