/**
 * The session in process, against a fake client: what `test/support/lspClient.ts`
 * does over stdio, without a build or a process. Diagnostics and answers are
 * kept as they would cross the wire (LSP shapes, JSON), so tests compare exactly
 * what an editor receives.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { lspHandlers, toLspDiagnostic, type LspHandlers } from '../featureHandlers';
import type { Diagnostic } from '../base/types';
import type { ClientPort, LogLevel, Scheduler } from './clientPort';
import { Session, type SessionInit } from './session';
import { newTempDir, removeDir } from '../../../test/support/tempDir';

export const EXAMPLES = join(__dirname, '../../../examples');

export interface Published {
  uri: string;
  version?: number;
  diagnostics: LspDiagnostic[];
}

/** A JSON round trip: what the other side of the connection would see. */
export function wire<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

export class FakeClient implements ClientPort {
  /** Every publishDiagnostics, in order. */
  readonly publishes: Published[] = [];
  readonly logs: [LogLevel, string][] = [];
  readonly registrations: { configuration: boolean; watchedFiles: boolean }[] = [];
  /** Answers workspace/configuration. */
  settings: unknown = {};
  /** How many k1s0/sloTreeChanged notifications were sent. */
  sloTreeChanges = 0;
  private readonly latest = new Map<string, Published>();
  private readonly latestPlain = new Map<string, readonly Diagnostic[]>();

  publishDiagnostics(uri: string, version: number | undefined, diagnostics: readonly Diagnostic[]): void {
    const published = wire({ uri, version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, uri)) });
    this.latest.set(uri, published);
    this.latestPlain.set(uri, diagnostics);
    this.publishes.push(published);
  }

  configuration(): Promise<unknown> {
    return Promise.resolve(structuredClone(this.settings));
  }

  log(level: LogLevel, message: string): void {
    this.logs.push([level, message]);
  }

  sloTreeChanged(): void {
    this.sloTreeChanges++;
  }

  register(what: { configuration: boolean; watchedFiles: boolean }): void {
    this.registrations.push(what);
  }

  /** The last diagnostics published for a URI, if any were. */
  last(uri: string): Published | undefined {
    return this.latest.get(uri);
  }

  /** The last diagnostics of a URI (empty when none were published). */
  diagnostics(uri: string): LspDiagnostic[] {
    return this.latest.get(uri)?.diagnostics ?? [];
  }

  /** The last diagnostics of a URI as the session handed them over (the service's own shape). */
  plain(uri: string): readonly Diagnostic[] {
    return this.latestPlain.get(uri) ?? [];
  }

  errors(since = 0): string[] {
    return this.logs
      .slice(since)
      .filter(([level]) => level === 'error')
      .map(([, message]) => message.slice(0, 500));
  }
}

/**
 * A clock for tests: `soon` runs on the next turn of the event loop, as the real one;
 * `after` runs at once (on the next turn) unless held, then only on fire().
 */
export class TestScheduler implements Scheduler {
  hold = false;
  private readonly held = new Set<() => void>();

  soon(run: () => void): () => void {
    const handle = setImmediate(run);
    return () => clearImmediate(handle);
  }

  after(_ms: number, run: () => void): () => void {
    if (!this.hold) return this.soon(run);
    this.held.add(run);
    return () => this.held.delete(run);
  }

  get pending(): number {
    return this.held.size;
  }

  /** Runs the timers held so far (typing paused). */
  fire(): void {
    const runs = [...this.held];
    this.held.clear();
    for (const run of runs) run();
  }
}

export interface Harness {
  session: Session;
  client: FakeClient;
  lsp: LspHandlers;
  timers: TestScheduler;
  /** The workspace folder on disk (a copy; removed by close()). */
  root: string;
  uriOf(relative: string): string;
  /** An LSP request by method name, answered as it would cross the wire (a ResponseError rejects). */
  request(method: string, params: unknown): Promise<unknown>;
  /** Document notifications, each followed by everything it starts (idle). */
  open(uri: string, text: string, languageId?: string, version?: number): Promise<void>;
  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void>;
  closeDocument(uri: string): Promise<void>;
  close(): void;
}

/** The LSP methods the handler table answers. */
function methods(lsp: LspHandlers): Record<string, (params: never) => unknown> {
  return {
    'textDocument/completion': lsp.completion,
    'completionItem/resolve': lsp.completionResolve,
    'textDocument/hover': lsp.hover,
    'textDocument/signatureHelp': lsp.signatureHelp,
    'textDocument/definition': lsp.definition,
    'textDocument/references': lsp.references,
    'textDocument/prepareRename': lsp.prepareRename,
    'textDocument/rename': lsp.rename,
    'textDocument/documentSymbol': lsp.documentSymbol,
    'textDocument/codeLens': lsp.codeLens,
    'textDocument/codeAction': lsp.codeAction,
    'workspace/symbol': lsp.workspaceSymbol,
    'k1s0/sloTree': lsp.sloTree,
    'k1s0/status': lsp.status,
  };
}

export const DEFAULT_CAPABILITIES: SessionInit['capabilities'] = { workspace: { configuration: true, workspaceEdit: { documentChanges: true } } };

/**
 * A session over a temporary workspace: a copy of `from` (a directory) or the files given,
 * initialized as an editor would, its start-up scan done.
 */
export async function startSession(options: { from?: string; files?: Record<string, string | Uint8Array>; init?: Partial<SessionInit>; settings?: unknown } = {}): Promise<Harness> {
  const root = newTempDir('session');
  if (options.from) cpSync(options.from, root, { recursive: true });
  for (const [relative, content] of Object.entries(options.files ?? {})) {
    mkdirSync(dirname(join(root, relative)), { recursive: true });
    writeFileSync(join(root, relative), content);
  }
  const client = new FakeClient();
  if (options.settings !== undefined) client.settings = options.settings;
  const timers = new TestScheduler();
  const session = new Session({ port: client, scheduler: timers });
  const rootUri = pathToFileURL(root).href;
  session.initialize({ rootUri, workspaceFolders: [{ uri: rootUri, name: 'root' }], capabilities: DEFAULT_CAPABILITIES, ...options.init });
  session.initialized();
  await session.idle();
  const lsp = lspHandlers(session);
  const table = methods(lsp);
  return {
    session,
    client,
    lsp,
    timers,
    root,
    uriOf: (relative) => pathToFileURL(join(root, relative)).href,
    request: async (method, params) => {
      const handler = table[method];
      if (!handler) throw new Error(`no handler for ${method}`);
      return wire(await handler(params as never));
    },
    open: async (uri, text, languageId = 'yaml', version = 1) => {
      session.open(uri, text, version, languageId);
      await session.idle();
    },
    change: async (uri, version, changes) => {
      session.change(uri, version, changes);
      await session.idle();
    },
    closeDocument: async (uri) => {
      session.close(uri);
      await session.idle();
    },
    close: () => removeDir(root),
  };
}
