/**
 * The `k1s0-telemetry` snippet of Go, Rust, TypeScript and Dart files, as a
 * completion item rather than a static snippet: a snippet can only insert at
 * the cursor, which put the imports inside the function body. This item
 * inserts the statements at the cursor and adds the imports to the file's
 * imports (additionalTextEdits), filled from the nearest config like the
 * "Insert telemetry initialization" command.
 */
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { TELEMETRY_SNIPPET_FILES, fillTelemetrySnippet, lookupConfig, telemetryLanguageOf, telemetrySnippet } from './telemetryInit';
import { placeTelemetry } from './telemetryPlan';
import { l10n } from '../l10n';

export const TELEMETRY_PREFIX = 'k1s0-telemetry';

export function registerTelemetryCompletion(context: vscode.ExtensionContext): void {
  const selector = ['go', 'rust', 'dart', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'].map((language) => ({ language }));
  context.subscriptions.push(
    vscode.languages.registerCompletionItemProvider(selector, {
      provideCompletionItems(document, position) {
        const language = telemetryLanguageOf(document.languageId);
        if (!language) return [];
        const word = document.getWordRangeAtPosition(position, /[\w-]+/);
        const typed = word ? document.getText(new vscode.Range(word.start, position)) : '';
        if (!TELEMETRY_PREFIX.startsWith(typed.toLowerCase())) return [];
        const snippet = telemetrySnippet(readFileSync(context.asAbsolutePath(`snippets/${TELEMETRY_SNIPPET_FILES[language]}`), 'utf8'));
        const folder = vscode.workspace.getWorkspaceFolder(document.uri);
        const { app } = document.uri.scheme === 'file' && folder ? lookupConfig(document.uri.fsPath, folder.uri.fsPath) : {};
        const start = word?.start ?? position;
        const placed = placeTelemetry(language, snippet, fillTelemetrySnippet(language, snippet.body, app), document.getText(), document.offsetAt(start));
        const item = new vscode.CompletionItem(TELEMETRY_PREFIX, vscode.CompletionItemKind.Snippet);
        item.detail = app ? l10n('k1s0 telemetry init ({0}, {1})', String(app.name), app.environment ?? l10n('environment unknown')) : l10n('k1s0 telemetry init');
        item.insertText = new vscode.SnippetString(placed.snippet);
        item.range = new vscode.Range(start, word?.end ?? position);
        if (placed.imports) {
          const { offset, length, text } = placed.imports;
          item.additionalTextEdits = [vscode.TextEdit.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + length)), text)];
        }
        return [item];
      },
    }),
  );
}
