/**
 * The language server: the session (session/session.ts) bound to an LSP
 * connection (transport.ts opens it). This file only implements the
 * session's client port over it and binds LSP methods to the session and to
 * the LSP handlers (featureHandlers.ts); everything that decides something
 * lives there and is tested in process.
 */
import { CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { SloTreeChangedNotification, SloTreeRequest, StatusRequest, TrustNotification, WATCHED_FILES_GLOB } from './protocol';
import { SETTINGS_SECTION } from './base/settings';
import { lspDiagnosticMaker, lspHandlers } from './featureHandlers';
import { Session } from './session/session';
import type { ClientPort } from './session/clientPort';
import { connect } from './transport';

const connection = connect();
const toLspDiagnostic = lspDiagnosticMaker();

const port: ClientPort = {
  publishDiagnostics: (uri, version, diagnostics) => void connection.sendDiagnostics({ uri, version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, uri)) }),
  configuration: (scopeUri) => connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION }),
  log: (level, message) => connection.console[level](message),
  sloTreeChanged: () => void connection.sendNotification(SloTreeChangedNotification),
  register: ({ configuration, watchedFiles }) => {
    if (configuration) void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    if (watchedFiles) void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: WATCHED_FILES_GLOB }] });
  },
};

const session = new Session({ port });
const lsp = lspHandlers(session);

const CAPABILITIES: InitializeResult['capabilities'] = {
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
};

connection.onInitialize((params) => {
  session.initialize(params);
  return { capabilities: CAPABILITIES, serverInfo: { name: 'k1s0-language-server' } };
});

connection.onInitialized(() => {
  if (session.folderEvents) connection.workspace.onDidChangeWorkspaceFolders((event) => session.foldersChanged(event));
  session.initialized();
});

// Documents: the session keeps their text (incremental sync).
connection.onDidOpenTextDocument(({ textDocument: d }) => session.open(d.uri, d.text, d.version, d.languageId));
connection.onDidChangeTextDocument(({ textDocument: d, contentChanges }) => session.change(d.uri, d.version, contentChanges));
connection.onDidCloseTextDocument(({ textDocument: d }) => session.close(d.uri));

// The workspace.
connection.onDidChangeConfiguration((change) => session.configurationChanged(change.settings));
connection.onDidChangeWatchedFiles((params) => session.filesChanged(params.changes));
connection.onNotification(TrustNotification, (params) => session.trustChanged(params));

// Requests.
connection.onCodeAction(lsp.codeAction);
connection.onCompletion(lsp.completion);
connection.onCompletionResolve(lsp.completionResolve);
connection.onHover(lsp.hover);
connection.onSignatureHelp(lsp.signatureHelp);
connection.onDefinition(lsp.definition);
connection.onReferences(lsp.references);
connection.onPrepareRename(lsp.prepareRename);
connection.onRenameRequest(lsp.rename);
connection.onDocumentSymbol(lsp.documentSymbol);
connection.onCodeLens(lsp.codeLens);
connection.onWorkspaceSymbol(lsp.workspaceSymbol);
connection.onRequest(SloTreeRequest, lsp.sloTree);
connection.onRequest(StatusRequest, lsp.status);

connection.listen();
