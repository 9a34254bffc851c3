/**
 * The language server: the k1s0 language service wired to LSP. It keeps a
 * view of every workspace file (open documents win over disk), validates on
 * open, change and disk events, and publishes diagnostics for all of them.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  createConnection,
  type CodeAction,
  type Diagnostic as LspDiagnostic,
  type InitializeParams,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SloTreeChangedNotification, SloTreeRequest, WATCHED_FILES_GLOB } from './protocol';
import { decodeText, pathToUri, uriToPath } from './base/files';
import { LanguageService } from './service/languageService';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, readSettings, type Settings } from './base/settings';
import { EditorFeatures } from './features/editorFeatures';
import { registerFeatureHandlers } from './featureHandlers';
import { queryLenses } from './features/queryLens';
import type { Diagnostic } from './base/types';
import { disableFix } from './suppression/suppression';
import { collectFiles } from './workspace/walk';
import { setLocale } from './l10n';
import { findLintConfig, isLintConfigPath, mergeLintConfig, readLintConfig } from './lint/lintConfig';
import { parseYaml } from './base/yaml/parse';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new LanguageService();
// A live Prometheus (k1s0.prometheus.url) answered after diagnostics went out: publish again with what it knows.
service.onWorkspaceChange = () => revalidateAll();

let folders: WorkspaceFolder[] = [];
let canPullConfiguration = false;
let canRegisterWatchers = false;
let supportsVersionedEdits = false;
let supportsFolderEvents = false;
let pushedSettings: unknown;
/** Settings per workspace folder URI ('' for files outside any folder). */
const settingsCache = new Map<string, Promise<Settings>>();
/** The same, once loaded, for requests that answer synchronously. */
const loadedSettings = new Map<string, Settings>();
/** Text of workspace files that are not open, read from disk. */
const diskFiles = new Map<string, string>();
/** What was last published per URI, with the version it was computed for (code actions use it). */
const published = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>();
const scheduled = new Map<string, NodeJS.Immediate>();

connection.onInitialize((params: InitializeParams) => {
  // Messages follow the editor's display language (English where we have no table).
  const locale = setLocale(params.locale);
  connection.console.info(`k1s0 language server started (messages: ${locale})`);
  folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  supportsVersionedEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
  supportsFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
  pushedSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
      completionProvider: { triggerCharacters: ['{', ',', '(', '"', "'", '=', '[', ' ', ':'], resolveProvider: true },
      hoverProvider: true,
      signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [','] },
      definitionProvider: true,
      referencesProvider: true,
      renameProvider: { prepareProvider: true },
      documentSymbolProvider: true,
      codeLensProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'k1s0-language-server' },
  };
});

connection.onInitialized(async () => {
  if (canPullConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
  if (canRegisterWatchers) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES_GLOB }] });
  if (supportsFolderEvents) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      folders = folders.filter((f) => !event.removed.some((r) => r.uri === f.uri)).concat(event.added);
      settingsCache.clear();
      scanWorkspace();
    });
  }
  scanWorkspace();
});

/** Reads every YAML/JSON file of the workspace so files that are not open are checked too. */
function scanWorkspace(): void {
  for (const folder of folders) {
    const root = uriToPath(folder.uri);
    let found;
    try {
      found = collectFiles(root);
    } catch (error) {
      connection.console.warn(`k1s0: cannot scan ${root}: ${String(error)}`);
      continue;
    }
    for (const file of found) readFromDisk(pathToUri(file.path));
  }
  void reindexAll().then(() => revalidateAll());
}

/** Indexes every known file (open documents win over disk) before anything is validated. */
async function reindexAll(): Promise<void> {
  const uris = new Set([...diskFiles.keys(), ...documents.keys()]);
  for (const uri of uris) await reindex(uri);
}

/** Re-reads what one file defines for the others; true when that changed. */
async function reindex(uri: string): Promise<boolean> {
  const text = documents.get(uri)?.getText() ?? diskFiles.get(uri);
  if (text === undefined) return service.forget(uri);
  try {
    return service.index({ file: { uri, text }, settings: await settingsFor(uri), location: locationOf(uri) });
  } catch (error) {
    connection.console.error(`k1s0: indexing ${uri} failed: ${describe(error)}`);
    return false;
  }
}

const features = new EditorFeatures(
  service,
  (uri) => ({ settings: loadedSettings.get(folderOf(uri)?.uri ?? '') ?? DEFAULT_SETTINGS, location: locationOf(uri) }),
  (uri) => locationOf(uri).relativePath ?? uriToPath(uri),
);

function locationOf(uri: string): { path: string; relativePath?: string } {
  const folder = folderOf(uri);
  const path = uriToPath(uri);
  return { path, relativePath: folder ? relative(uriToPath(folder.uri), path) : undefined };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function readFromDisk(uri: string): void {
  let bytes: Buffer;
  try {
    bytes = readFileSync(uriToPath(uri));
  } catch {
    diskFiles.delete(uri);
    return;
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    connection.console.log(`k1s0: skipped ${uriToPath(uri)}: ${decoded.error}`);
    diskFiles.delete(uri);
    return;
  }
  diskFiles.set(uri, decoded.text);
}

function folderOf(uri: string): WorkspaceFolder | undefined {
  return folders.filter((f) => uri === f.uri || uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`)).sort((a, b) => b.uri.length - a.uri.length)[0];
}

function settingsFor(uri: string): Promise<Settings> {
  const folder = folderOf(uri);
  const key = folder?.uri ?? '';
  let settings = settingsCache.get(key);
  if (!settings) {
    settings = loadSettings(folder?.uri);
    settingsCache.set(key, settings);
    void settings.then((loaded) => loadedSettings.set(key, loaded));
  }
  return settings;
}

async function loadSettings(scopeUri: string | undefined): Promise<Settings> {
  let raw: unknown = pushedSettings;
  if (canPullConfiguration) {
    try {
      raw = await connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION });
    } catch (error) {
      connection.console.warn(`k1s0: could not read settings: ${String(error)}`);
    }
  }
  const { settings, problems } = readSettings(raw);
  for (const problem of problems) connection.console.warn(`k1s0: setting ignored, default used: ${problem}`);
  return withLintConfig(settings, scopeUri);
}

/**
 * The editor's settings over the folder's `.k1s0/lint.yaml` (found as the CLI finds
 * it, from the folder up). Its problems are diagnostics on the file itself; the parts
 * without problems still apply.
 */
function withLintConfig(settings: Settings, scopeUri: string | undefined): Settings {
  if (scopeUri === undefined) return settings;
  try {
    const path = findLintConfig(uriToPath(scopeUri));
    if (path === undefined) return settings;
    const { config, findings } = readLintConfig(parseYaml(readFileSync(path, 'utf8')));
    if (findings.length) connection.console.warn(`k1s0: ${path}: ${findings.length} problem(s); the rest of it applies`);
    return mergeLintConfig(settings, config);
  } catch (error) {
    connection.console.warn(`k1s0: could not read the lint configuration: ${String(error)}`);
    return settings;
  }
}

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as Record<string, unknown> | undefined)?.[SETTINGS_SECTION];
  if (pushed !== undefined) pushedSettings = pushed;
  settingsCache.clear();
  void reindexAll().then(() => revalidateAll());
});

function schedule(uri: string): void {
  // Coalesce bursts of edits: only the latest text of a document is validated.
  if (scheduled.has(uri)) return;
  scheduled.set(
    uri,
    setImmediate(() => {
      scheduled.delete(uri);
      void reindex(uri).then((changed) => {
        // The file being typed in first; when what it defines changed (a recording rule renamed),
        // the others may now differ too: they follow once typing pauses.
        void validate(uri);
        announceSloTree();
        if (changed) revalidateOthersSoon(uri);
      });
    }),
  );
}

connection.onRequest(SloTreeRequest, () => service.sloTree());

/** Tells the client the SLO tree may have changed, once per change of the workspace's facts. */
let announcedRevision = -1;
function announceSloTree(): void {
  // Revision, not generation: rules that only moved still move the tree's locations.
  if (service.workspace.revision === announcedRevision) return;
  announcedRevision = service.workspace.revision;
  void connection.sendNotification(SloTreeChangedNotification);
}

/** How long typing must pause before the other files are revalidated: they are not what the user is looking at. */
const OTHERS_AFTER_MS = 150;
let othersTimer: NodeJS.Timeout | undefined;

/** `edited` was just validated against the new facts; every other file follows once typing pauses. */
function revalidateOthersSoon(edited: string): void {
  if (othersTimer) clearTimeout(othersTimer);
  othersTimer = setTimeout(() => {
    othersTimer = undefined;
    revalidateAll(edited);
  }, OTHERS_AFTER_MS);
}

function revalidateAll(except?: string): void {
  announceSloTree();
  const uris = new Set([...diskFiles.keys(), ...documents.keys(), ...published.keys()]);
  for (const uri of uris) if (uri !== except) void validate(uri);
}

async function validate(uri: string): Promise<void> {
  const document = documents.get(uri);
  const text = document?.getText() ?? diskFiles.get(uri);
  if (text === undefined) {
    clear(uri);
    return;
  }
  const version = document?.version;
  let diagnostics: Diagnostic[];
  try {
    diagnostics = service.validate({ file: { uri, text, version }, settings: await settingsFor(uri), location: locationOf(uri) });
  } catch (error) {
    // One broken check must not take the server down; say so where the user looks.
    connection.console.error(`k1s0: validation of ${uri} failed: ${describe(error)}`);
    diagnostics = [];
  }
  // A newer edit arrived while settings were loading: its own validation will publish.
  if (documents.get(uri)?.version !== version) return;
  // Open documents always hear back (an empty list says "checked, clean"); files on disk only when there is news.
  const before = published.get(uri);
  if (!document && (before ? sameDiagnostics(before.diagnostics, diagnostics) : diagnostics.length === 0)) return;
  published.set(uri, { version, diagnostics });
  void connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map(toLspDiagnostic) });
}

function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && JSON.stringify(a) === JSON.stringify(b);
}

function clear(uri: string): void {
  if (service.forget(uri)) revalidateAll();
  if (!published.delete(uri)) return;
  void connection.sendDiagnostics({ uri, diagnostics: [] });
}

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: d.source, message: d.message };
}

documents.onDidOpen((event) => schedule(event.document.uri));
documents.onDidChangeContent((event) => schedule(event.document.uri));
documents.onDidClose((event) => {
  // A workspace file goes back to its state on disk; anything else is forgotten.
  const uri = event.document.uri;
  if (folderOf(uri)) readFromDisk(uri);
  if (diskFiles.has(uri)) schedule(uri);
  else clear(uri);
});

connection.onDidChangeWatchedFiles((params) => {
  for (const change of params.changes) {
    if (change.type === FileChangeType.Deleted) {
      diskFiles.delete(change.uri);
      if (!documents.get(change.uri)) clear(change.uri);
      continue;
    }
    readFromDisk(change.uri);
    if (!documents.get(change.uri)) schedule(change.uri);
  }
  // A workspace's .k1s0/lint.yaml changed: every file is graded again with it.
  if (params.changes.some((change) => isLintConfigPath(uriToPath(change.uri)))) {
    settingsCache.clear();
    void reindexAll().then(() => revalidateAll());
  }
});

connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  // Fixes are offered for the text the editor shows now: when the published diagnostics are of an
  // older version (the request raced the validation), the document is checked again here (parses are cached).
  let current = published.get(document.uri);
  if (current?.version !== document.version) {
    try {
      const file = { uri: document.uri, text: document.getText(), version: document.version };
      current = { version: document.version, diagnostics: service.validate({ file, settings: await settingsFor(document.uri), location: locationOf(document.uri) }) };
    } catch (error) {
      connection.console.error(`k1s0: code actions for ${document.uri} failed: ${describe(error)}`);
      return [];
    }
    if (documents.get(document.uri)?.version !== current.version) return [];
  }
  const actions: CodeAction[] = [];
  for (const diagnostic of current.diagnostics) {
    if (!overlaps(diagnostic.range, params.range)) continue;
    const disable = diagnostic.disableLine === undefined ? [] : [disableFix(document.getText(), diagnostic.disableLine, diagnostic.code)];
    const fixes: NonNullable<Diagnostic['fixes']> = [...(diagnostic.fixes ?? []), ...disable];
    for (const fix of fixes) {
      const edits = fix.edits.map((e) => ({ range: e.range, newText: e.newText }));
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(diagnostic)],
        isPreferred: fix.preferred,
        edit: supportsVersionedEdits
          ? { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits }] }
          : { changes: { [document.uri]: edits } },
      });
    }
  }
  return actions;
});

function overlaps(a: LspDiagnostic['range'], b: LspDiagnostic['range']): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

registerFeatureHandlers(connection, documents, features, (file) => {
  const settings = loadedSettings.get(folderOf(file.uri)?.uri ?? '') ?? DEFAULT_SETTINGS;
  const location = locationOf(file.uri);
  return queryLenses(file, service.kindOf(file, settings, location), service.expressionSites(file, settings, location));
}, () => supportsVersionedEdits);

documents.listen(connection);
connection.listen();
