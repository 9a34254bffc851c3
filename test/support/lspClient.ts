import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { IPCMessageReader, IPCMessageWriter, StreamMessageReader, StreamMessageWriter, createMessageConnection, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SERVER_NODE_ARGS } from '../../server/src/protocol';

export const SERVER_PATH = join(__dirname, '../../dist/server.js');

/**
 * A real LSP client: spawns `node dist/server.js --stdio` and speaks JSON-RPC
 * to it over pipes, as an editor would. Waits are on events with deadlines.
 * (the extension launches it so in VS Code too). `transport: 'ipc'` speaks over
 * Node's IPC channel instead (`--node-ipc`), which the server also serves.
 */
export class LspTestClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: { check: () => boolean; resolve: () => void }[] = [];
  readonly stderr: string[] = [];
  /** Every publishDiagnostics received, in order (which versions were published). */
  readonly publishes: { uri: string; version?: number }[] = [];
  /** What the server logged (window/logMessage), in order: [type, message]. */
  readonly logs: [number, string][] = [];
  /** Answers the server's workspace/configuration requests. */
  settings: unknown = {};

  constructor({ transport = 'stdio' }: { transport?: 'stdio' | 'ipc' } = {}) {
    // Launched as the extension launches it; K1S0_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/p" adds flags (profiling).
    const nodeArgs = [...SERVER_NODE_ARGS, ...(process.env.K1S0_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
    const ipc = transport === 'ipc';
    this.process = spawn(process.execPath, [...nodeArgs, SERVER_PATH, ipc ? '--node-ipc' : '--stdio'], { stdio: ipc ? ['pipe', 'pipe', 'pipe', 'ipc'] : 'pipe' }) as ChildProcessWithoutNullStreams;
    this.process.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString()));
    this.connection = ipc
      ? createMessageConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process))
      : createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publishes.push({ uri: params.uri, version: params.version });
      this.wake();
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      this.logs.push([params.type, params.message]);
    });
    this.connection.listen();
  }

  /** `locale` is what VS Code sends as its display language (`ja`); none leaves the server in English. */
  async initialize(
    rootUri: string | null,
    capabilities: Record<string, unknown> = { workspace: { configuration: true, workspaceEdit: { documentChanges: true } } },
    locale?: string,
  ): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      ...(locale !== undefined ? { locale } : {}),
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      capabilities,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'yaml', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  close(uri: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Resolves with the diagnostics of `uri` once `accept` says they are the awaited ones. */
  async diagnosticsFor(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const ready = () => {
      const params = this.diagnostics.get(uri);
      return params !== undefined && accept(params);
    };
    if (!ready()) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${String(JSON.stringify(this.diagnostics.get(uri))).slice(0, 600)}\nstderr: ${this.stderr.join('').slice(0, 2000)}`,
              ),
            ),
          timeoutMs,
        );
        this.waiters.push({
          check: ready,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    }
    return this.diagnostics.get(uri)?.diagnostics ?? [];
  }

  lastDiagnostics(uri: string): PublishDiagnosticsParams | undefined {
    return this.diagnostics.get(uri);
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.check()) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  }

  async shutdown(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }

  /** Whether the server process is still running. */
  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** The server's process id (benchmarks read its memory). */
  get pid(): number {
    return this.process.pid ?? -1;
  }

  kill(): void {
    this.process.kill();
  }
}
