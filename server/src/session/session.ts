/**
 * The language server's state and behaviour, without LSP: the open documents
 * (their text follows the editor's edits) over the workspace's files on disk,
 * settings per folder, and when to index, validate and publish. It talks to
 * the editor only through a ClientPort; `server.ts` binds LSP methods to it.
 *
 * Open documents are validated after each burst of edits (setImmediate), the
 * other files once typing pauses when what the edited file defines changed;
 * open documents always hear back, files on disk only when their diagnostics
 * changed.
 */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { pathToUri, uriToPath } from '../base/files';
import { LineIndex } from '../base/lineIndex';
import type { Settings } from '../base/settings';
import type { Diagnostic, Position, Range } from '../base/types';
import { EditorFeatures, type PositionRequest } from '../features/editorFeatures';
import { queryLenses, type QueryLens } from '../features/queryLens';
import { configEnvironment, countProblems } from '../features/status';
import type { K1s0Status } from '../protocol';
import { setLocale } from '../l10n';
import { isLintConfigPath } from '../lint/lintConfig';
import { sameDiagnostics } from '../service/diagnosticReuse';
import { fileInput } from '../service/fileInput';
import { LanguageService } from '../service/languageService';
import type { SloTree } from '../slo/model';
import { nodeDisk, realScheduler, type ClientPort, type Disk, type FileChange, type Scheduler, type SessionInit } from './clientPort';
import { quickFixes, type QuickFix } from './codeActions';
import { DiskFiles } from './diskFiles';
import { OpenDocument } from './openDocument';
import { Folders, type WorkspaceFolder } from './folders';

export type { FileChange, SessionInit } from './clientPort';
import { SettingsStore } from './settingsStore';
import { readTrust } from './trust';
import { say } from './messages';

export interface SessionOptions {
  port: ClientPort;
  disk?: Disk;
  scheduler?: Scheduler;
}

/**
 * How long typing must pause before what the user is not looking at follows an edit: the other
 * files' diagnostics, and the SLO tree (the client fetches the whole tree on each announcement).
 */
export const PAUSE_MS = 150;

const FILE_DELETED = 3;

export class Session {
  readonly service = new LanguageService();
  readonly features: EditorFeatures;
  private readonly port: ClientPort;
  private readonly disk: Disk;
  private readonly scheduler: Scheduler;
  private readonly folders = new Folders();
  private readonly settings: SettingsStore;
  private readonly documents = new Map<string, OpenDocument>();
  /** Workspace files that are not open, read from disk. */
  private readonly diskFiles: DiskFiles;
  /** What was last published per URI, with the version it was computed for (code actions use it). */
  private readonly published = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>();
  private readonly scheduled = new Set<string>();
  /** Work put off until typing pauses (whenTypingPauses), by what it is. */
  private readonly putOff = new Map<'others' | 'sloTree', { cancel: () => void; done: () => void }>();
  private announcedRevision = -1;
  /** Work started and not finished (see idle). */
  private readonly work = new Set<Promise<void>>();
  /** The client applies versioned edits (workspace.workspaceEdit.documentChanges). */
  versionedEdits = false;
  /** The client sends workspace folder changes (server.ts subscribes to them). */
  folderEvents = false;
  /** The client shows a diagnostic's related places (textDocument.publishDiagnostics.relatedInformation); else they are left out. */
  relatedInformation = false;
  private canRegisterWatchers = false;

  constructor({ port, disk = nodeDisk, scheduler = realScheduler }: SessionOptions) {
    this.port = port;
    this.disk = disk;
    this.scheduler = scheduler;
    this.settings = new SettingsStore(port, disk);
    this.diskFiles = new DiskFiles(disk, port);
    this.features = new EditorFeatures(
      this.service,
      (uri) => ({ settings: this.currentSettings(uri), location: this.folders.locationOf(uri) }),
      (uri) => this.folders.displayPath(uri),
    );
    // A live Prometheus (k1s0.prometheus.url) answered after diagnostics went out: publish again with what it knows.
    this.service.onWorkspaceChange = () => this.revalidateAll();
  }

  initialize(params: SessionInit): void {
    // Messages follow the editor's display language (English where we have no table).
    const locale = setLocale(params.locale);
    this.port.log('info', say('started', { locale }));
    this.folders.set(params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []));
    const workspace = params.capabilities.workspace;
    this.settings.canPull = workspace?.configuration === true;
    this.canRegisterWatchers = workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.versionedEdits = workspace?.workspaceEdit?.documentChanges === true;
    this.folderEvents = workspace?.workspaceFolders === true;
    this.relatedInformation = params.capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    const options = params.initializationOptions as { settings?: unknown; trust?: unknown } | undefined;
    this.settings.pushed = options?.settings;
    this.settings.trust = readTrust(options?.trust);
  }

  initialized(): void {
    if (this.settings.canPull || this.canRegisterWatchers) this.port.register({ configuration: this.settings.canPull, watchedFiles: this.canRegisterWatchers });
    this.scanWorkspace();
  }

  /** Resolves once nothing is left to do: scheduled validations ran, timers fired, diagnostics went out. */
  async idle(): Promise<void> {
    while (this.work.size > 0) await Promise.all([...this.work]);
  }

  /* ---- documents ---- */

  open(uri: string, text: string, version: number, languageId = ''): void {
    if (typeof uri !== 'string' || typeof text !== 'string') return;
    this.documents.set(uri, new OpenDocument(uri, languageId, version, text));
    this.features.forget(uri);
    this.schedule(uri);
  }

  /** Incremental or full changes; for a document that is not open, ignored. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): void {
    const document = this.documents.get(uri);
    // A change without a version breaks the protocol: refused (as vscode-languageserver's TextDocuments does).
    if (!document || typeof version !== 'number' || !isList(changes)) return;
    document.update(changes, version);
    this.features.forget(uri);
    this.schedule(uri);
  }

  close(uri: string): void {
    if (!this.documents.delete(uri)) return;
    this.features.forget(uri);
    // A workspace file goes back to its state on disk; anything else is forgotten.
    if (this.folders.of(uri)) this.diskFiles.read(uri);
    if (this.diskFiles.has(uri)) this.schedule(uri);
    else this.clear(uri);
  }

  /** An open document: its text, version and line table. */
  document(uri: string): { uri: string; text: string; version: number } | undefined {
    const document = typeof uri === 'string' ? this.documents.get(uri) : undefined;
    return document ? { uri, text: document.getText(), version: document.version } : undefined;
  }

  /** A request at a position of an open document; it converts positions (its line table follows the edits). */
  positionRequest(uri: string, position: Position): (PositionRequest & { file: { version: number } }) | undefined {
    const document = typeof uri === 'string' ? this.documents.get(uri) : undefined;
    return document ? { file: { uri, text: document.getText(), version: document.version }, position, lines: document } : undefined;
  }

  /* ---- workspace ---- */

  foldersChanged(event: { added: readonly WorkspaceFolder[]; removed: readonly WorkspaceFolder[] }): void {
    this.folders.change(event.added, event.removed);
    this.settings.clear();
    this.scanWorkspace();
  }

  /** `workspace/didChangeConfiguration`: its `settings` (pushed, or null when the client is pulled from). */
  configurationChanged(settings: unknown): void {
    const pushed = (settings as Record<string, unknown> | null | undefined)?.k1s0;
    if (pushed !== undefined) this.settings.pushed = pushed;
    this.regradeAll();
  }

  /**
   * `k1s0/trust` (protocol.ts): the user granted workspace trust, or a user-level value of a
   * restricted setting changed. Settings are read again, every file indexed (which points the live
   * Prometheus at the URL now in force and fetches it) and validated again.
   */
  trustChanged(params: unknown): void {
    this.settings.trust = readTrust(params ?? { trusted: false });
    this.regradeAll();
  }

  filesChanged(changes: readonly FileChange[]): void {
    if (!isList(changes)) return;
    const valid = changes.filter((change) => typeof change?.uri === 'string');
    for (const change of valid) {
      if (change.type === FILE_DELETED) {
        this.diskFiles.delete(change.uri);
        if (!this.documents.has(change.uri)) this.clear(change.uri);
        continue;
      }
      this.diskFiles.read(change.uri);
      if (!this.documents.has(change.uri)) this.schedule(change.uri);
    }
    // A workspace's .k1s0/lint.yaml changed: every file is graded again with it.
    if (valid.some((change) => isLintConfigPath(uriToPath(change.uri)))) this.regradeAll();
  }

  /* ---- requests ---- */

  /**
   * Quick fixes for a range of an open document. They are offered for the text the editor shows
   * now: when the published diagnostics are of an older version (the request raced the
   * validation), the document is checked again here (parses are cached).
   */
  async codeActions(uri: string, range: Range): Promise<{ version: number; fixes: QuickFix[] }> {
    const document = this.documents.get(uri);
    if (!document || !range) return { version: 0, fixes: [] };
    let current = this.published.get(uri);
    if (current?.version !== document.version) {
      try {
        const file = { uri, text: document.getText(), version: document.version };
        current = { version: document.version, diagnostics: this.service.validate({ file, settings: await this.settingsFor(uri), location: this.folders.locationOf(uri) }) };
      } catch (error) {
        this.port.log('error', say('codeActionsFailed', { uri, error: describe(error) }));
        return { version: document.version, fixes: [] };
      }
      if (this.documents.get(uri)?.version !== current.version) return { version: document.version, fixes: [] };
    }
    return { version: document.version, fixes: quickFixes(document.getText(), current.diagnostics, range, this.service.caches) };
  }

  /** The query CodeLenses of an open document (features/queryLens.ts). */
  queryLenses(uri: string): QueryLens[] {
    const file = this.document(uri);
    if (!file) return [];
    const settings = this.currentSettings(uri);
    const location = this.folders.locationOf(uri);
    return queryLenses(file, this.service.kindOf(file, settings, location), this.service.expressionSites(file, settings, location));
  }

  sloTree(): SloTree {
    return this.service.sloTree();
  }

  /** The language status item's facts (features/status.ts), for the document the editor shows. */
  status(uri: string | undefined): K1s0Status {
    const status: K1s0Status = {
      checkedFiles: new Set([...this.diskFiles.keys(), ...this.documents.keys()]).size,
      problems: countProblems([...this.published.values()].map((p) => p.diagnostics)),
      catalog: { files: this.service.workspace.catalogExtensions().map((c) => c.uri) },
    };
    const file = uri !== undefined ? this.document(uri) : undefined;
    if (uri !== undefined && file) {
      const settings = this.currentSettings(uri);
      const location = this.folders.locationOf(uri);
      if (this.service.kindOf(file, settings, location) === 'config') status.environment = configEnvironment(location.path, file.text, settings);
    }
    return status;
  }

  /** The version of an open document (rename names the versions its edits were computed from). */
  versionOf(uri: string): number | undefined {
    return this.documents.get(uri)?.version;
  }

  log(level: 'error' | 'warn', message: string): void {
    this.port.log(level, message);
  }

  /* ---- indexing, validation, publishing ---- */

  /** Reads every file of the workspace folders so files that are not open are checked too. */
  private scanWorkspace(): void {
    for (const folder of this.folders.all()) {
      const root = uriToPath(folder.uri);
      let found: string[];
      try {
        found = this.disk.list(root);
      } catch (error) {
        this.port.log('warn', say('cannotScan', { root, error: String(error) }));
        continue;
      }
      for (const path of found) this.diskFiles.read(pathToUri(path));
    }
    this.track(this.reindexAll().then(() => this.revalidateAll()));
  }

  /** Settings changed (editor, folders, lint.yaml): every file is indexed and graded again. */
  private regradeAll(): void {
    this.settings.clear();
    this.track(this.reindexAll().then(() => this.revalidateAll()));
  }

  /** The text the session has of a file: the open document's, else the one on disk. */
  private textOf(uri: string): string | undefined {
    return this.documents.get(uri)?.getText() ?? this.diskFiles.text(uri);
  }

  /** Indexes every known file (open documents win over disk) before anything is validated. */
  private async reindexAll(): Promise<void> {
    const uris = new Set([...this.diskFiles.keys(), ...this.documents.keys()]);
    for (const uri of uris) await this.reindex(uri);
  }

  /** Re-reads what one file defines for the others; true when that changed. */
  private async reindex(uri: string): Promise<boolean> {
    const text = this.textOf(uri);
    this.lendLines(uri);
    if (text === undefined) return this.service.forget(uri);
    try {
      return this.service.index({ file: { uri, text }, settings: await this.settingsFor(uri), location: this.folders.locationOf(uri) });
    } catch (error) {
      this.port.log('error', say('indexingFailed', { uri, error: describe(error) }));
      return false;
    }
  }

  private schedule(uri: string): void {
    // Coalesce bursts of edits: only the latest text of a document is validated.
    if (this.scheduled.has(uri)) return;
    this.scheduled.add(uri);
    this.track(
      new Promise<void>((resolve) => {
        this.scheduler.soon(() => {
          this.scheduled.delete(uri);
          resolve(
            this.reindex(uri).then((changed) => {
              // The file being typed in first; when what it defines changed (a recording rule renamed),
              // the others may now differ too: they follow once typing pauses.
              this.track(this.validate(uri));
              // The tree follows once typing pauses too: the client fetches all of it on each announcement.
              if (this.service.workspace.revision !== this.announcedRevision) this.whenTypingPauses('sloTree', () => this.announceSloTree());
              if (changed) this.whenTypingPauses('others', () => this.revalidateAll(uri));
            }),
          );
        });
      }),
    );
  }

  /** Runs `run` once typing pauses for PAUSE_MS; each call for the same thing puts it off again. */
  private whenTypingPauses(what: 'others' | 'sloTree', run: () => void): void {
    const pending = this.putOff.get(what);
    if (pending) {
      pending.cancel();
      pending.done();
    }
    this.track(
      new Promise<void>((done) => {
        const cancel = this.scheduler.after(PAUSE_MS, () => {
          this.putOff.delete(what);
          run();
          done();
        });
        this.putOff.set(what, { cancel, done });
      }),
    );
  }

  private revalidateAll(except?: string): void {
    this.announceSloTree();
    const uris = new Set([...this.diskFiles.keys(), ...this.documents.keys(), ...this.published.keys()]);
    for (const uri of uris) if (uri !== except) this.track(this.validate(uri));
  }

  /** Tells the client the SLO tree may have changed, once per change of the workspace's facts. */
  private announceSloTree(): void {
    // Revision, not generation: rules that only moved still move the tree's locations.
    if (this.service.workspace.revision === this.announcedRevision) return;
    this.announcedRevision = this.service.workspace.revision;
    this.port.sloTreeChanged();
  }

  private async validate(uri: string): Promise<void> {
    const document = this.documents.get(uri);
    const onDisk = document ? undefined : this.diskFiles.get(uri);
    const text = document?.getText() ?? (onDisk && 'text' in onDisk ? onDisk.text : undefined);
    if (text === undefined && onDisk === undefined) {
      this.clear(uri);
      return;
    }
    const version = document?.version;
    let diagnostics: Diagnostic[];
    try {
      const settings = await this.settingsFor(uri);
      const location = this.folders.locationOf(uri);
      if (text !== undefined) {
        this.lendLines(uri);
        diagnostics = this.service.validate({ file: { uri, text, version }, settings, location });
      } else {
        // Bytes that are not UTF-8: what the CLI says of the same file.
        const input = fileInput((onDisk as { bytes: Uint8Array }).bytes, uri, location, settings);
        diagnostics = 'diagnostics' in input ? input.diagnostics : this.service.validate(input.request);
      }
    } catch (error) {
      // One broken check must not take the server down; say so where the user looks.
      this.port.log('error', say('validationFailed', { uri, error: describe(error) }));
      diagnostics = [];
    }
    // A newer edit arrived while settings were loading: its own validation will publish.
    if (this.documents.get(uri)?.version !== version) return;
    // Open documents always hear back (an empty list says "checked, clean"); files on disk only when there is news.
    const before = this.published.get(uri);
    if (!document && (before ? sameDiagnostics(before.diagnostics, diagnostics) : diagnostics.length === 0)) return;
    this.published.set(uri, { version, diagnostics });
    this.port.publishDiagnostics(uri, version, this.relatedInformation ? diagnostics : diagnostics.map(withoutRelated));
  }

  /** An open document's line table, kept by its edits, spares the service a scan of its text. */
  private lendLines(uri: string): void {
    const document = this.documents.get(uri);
    if (document) LineIndex.remember(document.lines, this.service.caches);
  }

  private clear(uri: string): void {
    if (this.service.forget(uri)) this.revalidateAll();
    if (!this.published.delete(uri)) return;
    this.port.publishDiagnostics(uri, undefined, []);
  }

  private settingsFor(uri: string): Promise<Settings> {
    return this.settings.of(this.folders.of(uri)?.uri);
  }

  private currentSettings(uri: string): Settings {
    return this.settings.current(this.folders.of(uri)?.uri);
  }

  /** Keeps a piece of work for idle(); a failure is logged, never left unhandled. */
  private track(work: Promise<void>): void {
    const tracked = work.then(
      () => undefined,
      (error: unknown) => this.port.log('error', say('failed', { error: describe(error) })),
    );
    this.work.add(tracked);
    void tracked.then(() => this.work.delete(tracked));
  }
}

/** A diagnostic for a client that cannot show related places (their hint is in the message). */
function withoutRelated(diagnostic: Diagnostic): Diagnostic {
  if (!diagnostic.related) return diagnostic;
  const { related: _related, ...rest } = diagnostic;
  return rest;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** Whether a value a client sent as a list is one: a misbehaving client may send anything. */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}
