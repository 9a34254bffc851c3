/**
 * The session in process, against a fake client: what `test/support/lspClient.ts`
 * does over stdio, without a build or a process. Diagnostics and answers are
 * kept as they would cross the wire (LSP shapes, JSON), so tests compare exactly
 * what an editor receives.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import { lspHandlers, toLspDiagnostic, type LspHandlers } from '../featureHandlers';
import type { Diagnostic } from '../base/types';
import type { ClientPort, LogLevel, Scheduler } from './clientPort';
import { Session, type SessionInit } from './session';

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
    const published = wire({ uri, version, diagnostics: diagnostics.map(toLspDiagnostic) });
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
    return this.logs.slice(since).filter(([level]) => level === 'error').map(([, message]) => message.slice(0, 500));
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
  close(): void;
}

export const DEFAULT_CAPABILITIES: SessionInit['capabilities'] = { workspace: { configuration: true, workspaceEdit: { documentChanges: true } } };

/**
 * A session over a temporary workspace: a copy of `from` (a directory) or the files given,
 * initialized as an editor would, its start-up scan done.
 */
export async function startSession(options: { from?: string; files?: Record<string, string | Uint8Array>; init?: Partial<SessionInit>; settings?: unknown } = {}): Promise<Harness> {
  const root = mkdtempSync(join(tmpdir(), 'k1s0-session-'));
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
  return {
    session,
    client,
    lsp: lspHandlers(session),
    timers,
    root,
    uriOf: (relative) => pathToFileURL(join(root, relative)).href,
    close: () => rmSync(root, { recursive: true, force: true }),
  };
}
