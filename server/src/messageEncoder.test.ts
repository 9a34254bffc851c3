import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { asciiJson, jsonMessageEncoder } from './messageEncoder';

const UTF8 = { charset: 'utf-8' };
const PUBLISH = 'textDocument/publishDiagnostics';

function diagnostic(message: string, line = 0) {
  return { range: { start: { line, character: 2 }, end: { line, character: 9 } }, severity: 2, code: 'catalog/unknown-metric', source: 'k1s0', message };
}

function isAscii(bytes: Uint8Array): boolean {
  return bytes.every((b) => b < 0x80);
}

async function decoded(message: unknown, charset = 'utf-8'): Promise<{ bytes: Uint8Array; value: unknown }> {
  const bytes = await jsonMessageEncoder().encode(message, { charset });
  return { bytes, value: JSON.parse(Buffer.from(bytes).toString(charset === 'utf-8' ? 'utf8' : (charset as BufferEncoding))) };
}

test('a publish is ASCII bytes that read back as the message: other characters as \\u escapes, surrogate pairs and lone halves included', async () => {
  const message = {
    jsonrpc: '2.0',
    method: PUBLISH,
    params: { uri: 'file:///w/ルール.yaml', version: 7, diagnostics: [diagnostic('不明なメトリクス "x" — 😀 \ud800 "quoted" \\ \u0000 \u007f é'), diagnostic('second', 3)] },
  };
  const { bytes, value } = await decoded(message);
  assert.ok(isAscii(bytes));
  assert.deepEqual(value, message);
  assert.match(Buffer.from(bytes).toString('latin1'), /\\u4e0d\\u660e/);
});

test('a publish without diagnostics, without a version, and one whose params carry more keys', async () => {
  for (const params of [
    { uri: 'file:///a', diagnostics: [] },
    { uri: 'file:///a', version: undefined, diagnostics: [diagnostic('x')] },
    { uri: 'file:///a', extra: { n: 1 }, diagnostics: [] },
  ]) {
    const { value } = await decoded({ jsonrpc: '2.0', method: PUBLISH, params });
    assert.deepEqual(value, JSON.parse(JSON.stringify({ jsonrpc: '2.0', method: PUBLISH, params })));
  }
});

test('a diagnostic published again gives the same bytes; another object with other content gives its own', async () => {
  const encoder = jsonMessageEncoder();
  const kept = diagnostic('kept');
  const publish = (diagnostics: unknown[]) => encoder.encode({ jsonrpc: '2.0', method: PUBLISH, params: { uri: 'file:///a', version: 1, diagnostics } }, UTF8);
  const first = Buffer.from(await publish([kept]));
  assert.deepEqual(Buffer.from(await publish([kept])), first);
  const other = Buffer.from(await publish([diagnostic('changed')]));
  assert.deepEqual((JSON.parse(other.toString()) as { params: { diagnostics: { message: string }[] } }).params.diagnostics[0]?.message, 'changed');
  assert.deepEqual(JSON.parse(Buffer.from(await publish([kept, diagnostic('new', 1), kept])).toString()).params.diagnostics.length, 3);
});

test('any other message is plain JSON in ASCII; a charset other than UTF-8 gets what vscode-jsonrpc sends', async () => {
  const request = { jsonrpc: '2.0', id: 3, result: { contents: 'ホバー', items: [1, null, true] } };
  const { bytes, value } = await decoded(request);
  assert.ok(isAscii(bytes));
  assert.deepEqual(value, request);
  const latin1 = await jsonMessageEncoder().encode({ jsonrpc: '2.0', method: PUBLISH, params: { uri: 'é', diagnostics: [] } }, { charset: 'latin1' });
  assert.deepEqual(Buffer.from(latin1), Buffer.from(JSON.stringify({ jsonrpc: '2.0', method: PUBLISH, params: { uri: 'é', diagnostics: [] } }), 'latin1'));
});

test('a value JSON cannot encode is a rejected promise, not a throw', async () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  await assert.rejects(jsonMessageEncoder().encode({ jsonrpc: '2.0', method: PUBLISH, params: { uri: 'a', diagnostics: [cyclic] } }, UTF8), TypeError);
  await assert.rejects(jsonMessageEncoder().encode({ jsonrpc: '2.0', id: 1, result: cyclic }, UTF8), TypeError);
});

test('asciiJson: any JSON value reads back equal, in ASCII only', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
      for (const v of [value, text, { message: text, nested: [value] }]) {
        const json = asciiJson(v);
        assert.ok([...json].every((c) => c.charCodeAt(0) < 0x80));
        assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(v)));
      }
    }),
  );
});
