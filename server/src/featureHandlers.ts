/**
 * The LSP side of the session: one handler per LSP request, each converting
 * between LSP shapes and the session's and features' own (positions pass
 * through; kinds, markup and edits are made here). Plain functions of their
 * params, so tests call them in process; `server.ts` binds them to the
 * connection. A request about a document that is not open, or a position
 * outside any query, answers empty; a feature that throws is logged and
 * answered empty, never thrown at the editor.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  ResponseError,
  SymbolKind,
  type CodeAction,
  type CodeActionParams,
  type CompletionItem,
  type CompletionList,
  type Diagnostic as LspDiagnostic,
  type DocumentSymbol,
  type DocumentSymbolParams,
  type Hover,
  type Location,
  type ReferenceParams,
  type RenameParams,
  type SignatureHelp,
  type SymbolInformation,
  type TextDocumentPositionParams,
  type WorkspaceEdit,
  type WorkspaceSymbolParams,
  type CodeLens,
  type CodeLensParams,
  type Range,
} from 'vscode-languageserver/node';
import type { Diagnostic } from './base/types';
import type { Session } from './session/session';
import type { SloTree } from './slo/model';
import type { K1s0Status, StatusParams } from './protocol';
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
  job: SymbolKind.Module,
  receiver: SymbolKind.Interface,
  route: SymbolKind.Namespace,
  service: SymbolKind.Class,
  component: SymbolKind.Struct,
  pipeline: SymbolKind.Function,
};

const SEVERITY: Record<Diagnostic['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A diagnostic of the document `uri` as LSP has it; its related places become relatedInformation (in `uri` unless they name another). */
export function toLspDiagnostic(d: Diagnostic, uri: string): LspDiagnostic {
  const lsp: LspDiagnostic = { range: d.range, severity: SEVERITY[d.severity], code: d.code, source: d.source, message: d.message };
  if (d.related?.length) lsp.relatedInformation = d.related.map((r) => ({ location: { uri: r.uri ?? uri, range: r.range }, message: r.message }));
  return lsp;
}

/**
 * toLspDiagnostic, made once per diagnostic object: the service hands back the diagnostics an edit
 * left unchanged (service/diagnosticReuse.ts), so their LSP shape need not be made and kept anew.
 */
export function lspDiagnosticMaker(): (d: Diagnostic, uri: string) => LspDiagnostic {
  const made = new WeakMap<Diagnostic, LspDiagnostic>();
  return (d, uri) => {
    // Related places may name this document's URI: not shared between documents.
    if (d.related?.length) return toLspDiagnostic(d, uri);
    let lsp = made.get(d);
    if (!lsp) made.set(d, (lsp = toLspDiagnostic(d, uri)));
    return lsp;
  };
}

export type LspHandlers = ReturnType<typeof lspHandlers>;

export function lspHandlers(session: Session) {
  /** Runs a feature; a failure is logged and answered empty, never thrown at the editor. */
  const safely = <T>(name: string, empty: T, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      session.log('error', `k1s0: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  };
  const { features } = session;
  const requestAt = ({ textDocument, position }: TextDocumentPositionParams) => session.positionRequest(textDocument?.uri, position);

  return {
    // Answers a list: only the items matching the word typed, cut to the best when long
    // (isIncomplete: the editor asks again as the user types); PromQL documentation comes on resolve.
    completion: (params: TextDocumentPositionParams): CompletionList =>
      safely('completion', { isIncomplete: false, items: [] }, () => {
        const request = requestAt(params);
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

    completionResolve: (item: CompletionItem): CompletionItem =>
      safely('completion resolve', item, () => {
        const key = documentationKeyOf(item.data);
        if (!key || item.documentation) return item;
        const documentation = features.completionDocumentation(key);
        return documentation ? { ...item, documentation: { kind: MarkupKind.Markdown, value: documentation } } : item;
      }),

    hover: (params: TextDocumentPositionParams): Hover | null =>
      safely('hover', null, () => {
        const request = requestAt(params);
        const hover = request && features.hover(request);
        return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
      }),

    signatureHelp: (params: TextDocumentPositionParams): SignatureHelp | null =>
      safely('signature help', null, () => {
        const request = requestAt(params);
        const signature = request && features.signatureHelp(request);
        if (!signature) return null;
        return {
          signatures: [{ label: signature.label, documentation: { kind: MarkupKind.Markdown, value: signature.documentation }, parameters: signature.parameters.map((label) => ({ label })) }],
          activeSignature: 0,
          activeParameter: signature.activeParameter,
        };
      }),

    definition: (params: TextDocumentPositionParams): Location[] =>
      safely('definition', [], () => {
        const request = requestAt(params);
        return request ? features.definition(request).map(({ uri, range }) => ({ uri, range })) : [];
      }),

    references: (params: ReferenceParams): Location[] =>
      safely('references', [], () => {
        const request = requestAt(params);
        return request ? features.references(request, params.context?.includeDeclaration).map(({ uri, range }) => ({ uri, range })) : [];
      }),

    prepareRename: (params: TextDocumentPositionParams): { range: Range; placeholder: string } | null => {
      const request = requestAt(params);
      if (!request) return null;
      const prepared = safely('prepare rename', { error: 'k1s0 could not prepare this rename; see the output channel.' }, () => features.prepareRename(request));
      // A refusal (not a rule name, an invalid new name): RequestFailed, which the client shows as information.
      if ('error' in prepared) throw new ResponseError(LSPErrorCodes.RequestFailed, prepared.error);
      return prepared;
    },

    rename: (params: RenameParams): WorkspaceEdit | null => {
      const request = requestAt(params);
      if (!request) return null;
      const result = safely('rename', { error: 'k1s0 could not rename; see the output channel.' }, () => features.rename(request, params.newName));
      if ('error' in result) throw new ResponseError(LSPErrorCodes.RequestFailed, result.error);
      if (!session.versionedEdits) return { changes: result.changes };
      // Each edit names the version it was computed against: the editor refuses it if the text moved on since.
      return {
        documentChanges: Object.entries(result.changes).map(([uri, edits]) => ({ textDocument: { uri, version: session.versionOf(uri) ?? null }, edits })),
      };
    },

    documentSymbol: ({ textDocument }: DocumentSymbolParams): DocumentSymbol[] =>
      safely('document symbols', [], () => {
        const file = session.document(textDocument?.uri);
        return file ? features.documentSymbols(file).map(toLspSymbol) : [];
      }),

    codeLens: ({ textDocument }: CodeLensParams): CodeLens[] =>
      safely('code lens', [], () => session.queryLenses(textDocument?.uri).map((lens) => ({ range: lens.range, command: { title: lens.title, command: lens.command, arguments: lens.arguments } }))),

    workspaceSymbol: ({ query }: WorkspaceSymbolParams): SymbolInformation[] =>
      safely('workspace symbols', [], () =>
        features.workspaceSymbols(query).map((symbol) => ({
          name: symbol.name,
          kind: SYMBOL_KIND[symbol.kind],
          containerName: symbol.container,
          location: { uri: symbol.uri, range: symbol.range },
        })),
      ),

    codeAction: async ({ textDocument, range }: CodeActionParams): Promise<CodeAction[]> => {
      const uri = textDocument?.uri;
      const { version, fixes } = await session.codeActions(uri, range);
      return fixes.map((fix) => ({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(fix.diagnostic, uri)],
        isPreferred: fix.preferred,
        edit: session.versionedEdits ? { documentChanges: [{ textDocument: { uri, version }, edits: fix.edits }] } : { changes: { [uri]: fix.edits } },
      }));
    },

    sloTree: (): SloTree => session.sloTree(),

    status: (params: StatusParams): K1s0Status => session.status(params.uri),
  };
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
