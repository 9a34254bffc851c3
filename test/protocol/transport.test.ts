/**
 * The built server's stdio transport at the byte level: what it writes is
 * ASCII (Japanese as \u escapes) and reads back as the messages; closing its
 * stdin ends it, as vscode-languageserver does for the streams it opens.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { SERVER_PATH } from '../support/lspClient';
import { SERVER_NODE_ARGS } from '../../server/src/protocol';

function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/** The complete messages in what the server wrote so far, by their Content-Length headers. */
function messages(bytes: Buffer): { id?: number; method?: string; params?: { diagnostics?: { message: string }[] } }[] {
  const found = [];
  let at = 0;
  for (;;) {
    const headerEnd = bytes.indexOf('\r\n\r\n', at);
    if (headerEnd < 0) return found;
    const length = Number(/Content-Length: (\d+)/.exec(bytes.subarray(at, headerEnd).toString('ascii'))?.[1]);
    const end = headerEnd + 4 + length;
    if (end > bytes.length) return found;
    found.push(JSON.parse(bytes.subarray(headerEnd + 4, end).toString('utf8')));
    at = end;
  }
}

/** The built server over stdio, killed when the test ends however it ends; `output` is all it has written. */
function startServer(t: TestContext): { server: ChildProcessWithoutNullStreams; output: () => Buffer } {
  const server = spawn(process.execPath, [...SERVER_NODE_ARGS, SERVER_PATH, '--stdio']);
  t.after(() => {
    if (server.exitCode === null) server.kill();
  });
  const chunks: Buffer[] = [];
  server.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { server, output: () => Buffer.concat(chunks) };
}

/** The first message written that `wanted` accepts, waiting for more output until there is one. */
async function firstMessage(server: ChildProcessWithoutNullStreams, output: () => Buffer, wanted: (m: ReturnType<typeof messages>[number]) => boolean) {
  for (;;) {
    const found = messages(output()).find(wanted);
    if (found) return found;
    await once(server.stdout, 'data');
  }
}

test('over stdio the server writes ASCII only, and a Japanese diagnostic reads back as written', { timeout: 30_000 }, async (t) => {
  const { server, output } = startServer(t);
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
  const publish = await firstMessage(server, output, (m) => m.method === 'textDocument/publishDiagnostics');
  const bytes = output();
  assert.ok(
    bytes.every((b) => b < 0x80),
    'every byte is ASCII',
  );
  const message = publish.params?.diagnostics?.[0]?.message ?? '';
  assert.match(message, /[\u3040-\u30ff\u4e00-\u9fff]/, `a Japanese message, got ${message}`);
  assert.ok(bytes.toString('ascii').includes('\\u'));
  const exited = once(server, 'exit');
  server.stdin.end();
  const [code] = (await exited) as [number | null];
  assert.equal(code, 1, 'stdin closed without a shutdown request: exit code 1');
});

test('over stdio, shutdown then closing stdin exits with 0', { timeout: 30_000 }, async (t) => {
  const { server, output } = startServer(t);
  server.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
  server.stdin.write(frame({ jsonrpc: '2.0', id: 2, method: 'shutdown', params: null }));
  // The shutdown answered: the server knows it was asked to stop.
  await firstMessage(server, output, (m) => m.id === 2);
  const exited = once(server, 'exit');
  server.stdin.end();
  const [code] = (await exited) as [number | null];
  assert.equal(code, 0);
});
