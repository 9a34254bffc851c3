/**
 * The built server's stdio transport at the byte level: what it writes is
 * ASCII (Japanese as \u escapes) and reads back as the messages; closing its
 * stdin ends it, as vscode-languageserver does for the streams it opens.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { SERVER_PATH } from '../support/lspClient';
import { SERVER_NODE_ARGS } from '../../server/src/protocol';

function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** The messages in what the server wrote, by their Content-Length headers. */
function messages(bytes: Buffer): { id?: number; method?: string; params?: { diagnostics?: { message: string }[] } }[] {
  const found = [];
  let at = 0;
  while (at < bytes.length) {
    const headerEnd = bytes.indexOf('\r\n\r\n', at);
    const length = Number(/Content-Length: (\d+)/.exec(bytes.subarray(at, headerEnd).toString('ascii'))?.[1]);
    found.push(JSON.parse(bytes.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')));
    at = headerEnd + 4 + length;
  }
  return found;
}

test('over stdio the server writes ASCII only, and a Japanese diagnostic reads back as written', async () => {
  const server = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER_PATH, '--stdio']);
  const chunks: Buffer[] = [];
  server.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  const uri = 'file:///nowhere/rules.yaml';
  server.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, locale: 'ja' } }));
  server.stdin.write(frame({ jsonrpc: '2.0', method: 'initialized', params: {} }));
  server.stdin.write(
    frame({
      jsonrpc: '2.0',
      method: 'textDocument/didOpen',
      params: { textDocument: { uri, languageId: 'yaml', version: 1, text: 'groups:\n  - name: g\n    rules:\n      - record: x\n        expr: rate(\n' } },
    }),
  );
  const published = async () => {
    for (;;) {
      const publish = messages(Buffer.concat(chunks)).find((m) => m.method === 'textDocument/publishDiagnostics');
      if (publish) return publish;
      await once(server.stdout, 'data');
    }
  };
  const publish = await published();
  const bytes = Buffer.concat(chunks);
  assert.ok(
    bytes.every((b) => b < 0x80),
    'every byte is ASCII',
  );
  const message = publish.params?.diagnostics?.[0]?.message ?? '';
  assert.match(message, /[\u3040-\u30ff\u4e00-\u9fff]/, `a Japanese message, got ${message}`);
  assert.ok(bytes.toString('ascii').includes('\\u'));
  server.stdin.end();
  const [code] = (await once(server, 'exit')) as [number | null];
  assert.equal(code, 1, 'stdin closed without a shutdown request: exit code 1');
});

test('over stdio, shutdown then closing stdin exits with 0', async () => {
  const server = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER_PATH, '--stdio']);
  const chunks: Buffer[] = [];
  server.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  server.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  server.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: null }));
  // The shutdown answered: the server knows it was asked to stop.
  while (!messages(Buffer.concat(chunks)).some((m) => m.id === 2)) await once(server.stdout, 'data');
  server.stdin.end();
  const [code] = (await once(server, 'exit')) as [number | null];
  assert.equal(code, 0);
});
