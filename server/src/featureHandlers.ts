/**
 * Binds the editor features to LSP requests: a table of handlers, each one
 * converting between LSP shapes and the features' own. A request about a
 * document that is not open, or a position outside any query, answers empty.
 */
import {
  CompletionItemKind,
  type CompletionList,
  InsertTextFormat,
  MarkupKind,
  ResponseError,
  SymbolKind,
  type Connection,
  type DocumentSymbol,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EditorFeatures } from './features/editorFeatures';
import type { QueryLens } from './features/queryLens';
import type { SymbolTree } from './features/symbols';
import type { CompletionKind, DocumentationKey, SymbolKind as FeatureSymbolKind } from './features/types';

const COMPLETION_KIND: Record<CompletionKind, CompletionItemKind> = {
  metric: CompletionItemKind.Variable,
  'recording-rule': CompletionItemKind.Constant,
  function: CompletionItemKind.Function,
  aggregation: CompletionItemKind.Operator,
  keyword: CompletionItemKind.Keyword,
  label: CompletionItemKind.Field,
  value: CompletionItemKind.Value,
  duration: CompletionItemKind.Unit,
  property: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
};

const SYMBOL_KIND: Record<FeatureSymbolKind, SymbolKind> = {
  group: SymbolKind.Namespace,
  alert: SymbolKind.Event,
  record: SymbolKind.Constant,
  section: SymbolKind.Object,
  key: SymbolKind.Key,
  panel: SymbolKind.Object,
  dashboard: SymbolKind.File,
};

export function registerFeatureHandlers(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  features: EditorFeatures,
  /** The query CodeLenses of an open document (features/queryLens.ts). */
  queryLenses: (file: { uri: string; text: string; version: number }) => QueryLens[] = () => [],
  /** Whether the client applies versioned edits (workspace.workspaceEdit.documentChanges). */
  versionedEdits: () => boolean = () => false,
): void {
  const fileOf = (uri: string) => {
    const document = documents.get(uri);
    return document ? { uri, text: document.getText(), version: document.version } : undefined;
  };
  /** A position request on an open document; its TextDocument converts positions (its line table follows the edits). */
  const requestAt = (uri: string, position: { line: number; character: number }) => {
    const document = documents.get(uri);
    return document ? { file: { uri, text: document.getText(), version: document.version }, position, lines: document } : undefined;
  };
  // What the features keep of a document's text goes with that text.
  documents.onDidChangeContent(({ document }) => features.forget(document.uri));
  documents.onDidClose(({ document }) => features.forget(document.uri));
  /** Runs a feature; a failure is logged and answered empty, never thrown at the editor. */
  const safely = <T>(name: string, empty: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      connection.console.error(`k1s0: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  };

  // Answers a list: only the items matching the word typed, cut to the best when long
  // (isIncomplete: the editor asks again as the user types); PromQL documentation comes on resolve.
  connection.onCompletion(({ textDocument, position }): CompletionList =>
    safely('completion', { isIncomplete: false, items: [] }, () => {
      const request = requestAt(textDocument.uri, position);
      if (!request) return { isIncomplete: false, items: [] };
      const { items, isIncomplete } = features.completionList(request);
      return {
        isIncomplete,
        items: items.map((item) => ({
          label: item.label,
          kind: COMPLETION_KIND[item.kind],
          detail: item.detail,
          documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
          sortText: item.sortText,
          // The label filters and plain text is inserted unless said otherwise: both left to their defaults.
          insertTextFormat: item.snippet ? InsertTextFormat.Snippet : undefined,
          textEdit: { range: item.range, newText: item.insertText ?? item.label },
          data: item.resolve,
        })),
      };
    }),
  );

  connection.onCompletionResolve((item) =>
    safely('completion resolve', item, () => {
      const key = documentationKeyOf(item.data);
      if (!key || item.documentation) return item;
      const documentation = features.completionDocumentation(key);
      return documentation ? { ...item, documentation: { kind: MarkupKind.Markdown, value: documentation } } : item;
    }),
  );

  connection.onHover(({ textDocument, position }) =>
    safely('hover', null, () => {
      const request = requestAt(textDocument.uri, position);
      const hover = request && features.hover(request);
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
    }),
  );

  connection.onSignatureHelp(({ textDocument, position }) =>
    safely('signature help', null, () => {
      const request = requestAt(textDocument.uri, position);
      const signature = request && features.signatureHelp(request);
      if (!signature) return null;
      return {
        signatures: [{ label: signature.label, documentation: { kind: MarkupKind.Markdown, value: signature.documentation }, parameters: signature.parameters.map((label) => ({ label })) }],
        activeSignature: 0,
        activeParameter: signature.activeParameter,
      };
    }),
  );

  connection.onDefinition(({ textDocument, position }) =>
    safely('definition', [], () => {
      const request = requestAt(textDocument.uri, position);
      return request ? features.definition(request).map(({ uri, range }) => ({ uri, range })) : [];
    }),
  );

  connection.onReferences(({ textDocument, position, context }) =>
    safely('references', [], () => {
      const request = requestAt(textDocument.uri, position);
      return request ? features.references(request, context.includeDeclaration).map(({ uri, range }) => ({ uri, range })) : [];
    }),
  );

  connection.onPrepareRename(({ textDocument, position }) => {
    const request = requestAt(textDocument.uri, position);
    if (!request) return null;
    const prepared = safely('prepare rename', { error: 'k1s0 could not prepare this rename; see the output channel.' }, () => features.prepareRename(request));
    if ('error' in prepared) throw new ResponseError(0, prepared.error);
    return prepared;
  });

  connection.onRenameRequest(({ textDocument, position, newName }) => {
    const request = requestAt(textDocument.uri, position);
    if (!request) return null;
    const result = safely('rename', { error: 'k1s0 could not rename; see the output channel.' }, () => features.rename(request, newName));
    if ('error' in result) throw new ResponseError(0, result.error);
    if (!versionedEdits()) return { changes: result.changes };
    // Each edit names the version it was computed against: the editor refuses it if the text moved on since.
    return {
      documentChanges: Object.entries(result.changes).map(([uri, edits]) => ({ textDocument: { uri, version: documents.get(uri)?.version ?? null }, edits })),
    };
  });

  connection.onDocumentSymbol(({ textDocument }) =>
    safely('document symbols', [], () => {
      const file = fileOf(textDocument.uri);
      return file ? features.documentSymbols(file).map(toLspSymbol) : [];
    }),
  );

  connection.onCodeLens(({ textDocument }) =>
    safely('code lens', [], () => {
      const file = fileOf(textDocument.uri);
      return file ? queryLenses(file).map((lens) => ({ range: lens.range, command: { title: lens.title, command: lens.command, arguments: lens.arguments } })) : [];
    }),
  );

  connection.onWorkspaceSymbol(({ query }) =>
    safely('workspace symbols', [], () =>
      features.workspaceSymbols(query).map((symbol) => ({
        name: symbol.name,
        kind: SYMBOL_KIND[symbol.kind],
        containerName: symbol.container,
        location: { uri: symbol.uri, range: symbol.range },
      })),
    ),
  );
}

/** The documentation key completion put in an item's data, if the data is one. */
function documentationKeyOf(data: unknown): DocumentationKey | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { kind, name } = data as { kind?: unknown; name?: unknown };
  return typeof kind === 'string' && Object.hasOwn(COMPLETION_KIND, kind) && typeof name === 'string' ? { kind: kind as CompletionKind, name } : undefined;
}

function toLspSymbol(symbol: SymbolTree): DocumentSymbol {
  return {
    name: symbol.name,
    detail: symbol.detail,
    kind: SYMBOL_KIND[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    children: symbol.children.map(toLspSymbol),
  };
}
