/**
 * "k1s0: Insert telemetry initialization": the active file's language picks
 * the snippet; the nearest config.yaml fills it (telemetryInit.ts decides);
 * its imports go into the file's imports (telemetryPlan.ts).
 */
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { Commands } from '../../../server/src/protocol';
import { TELEMETRY_SNIPPET_FILES, fillTelemetrySnippet, lookupConfig, telemetryLanguageOf, telemetrySnippet, type ConfigLookup, type TelemetrySnippet } from './telemetryInit';
import { placeTelemetry } from './telemetryPlan';
import { l10n } from '../l10n';

export function registerInsertTelemetryInit(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    // VS Code does not wait for a text editor command's result: a failure is shown here or nowhere.
    vscode.commands.registerTextEditorCommand(Commands.insertTelemetryInit, (editor) => {
      insertTelemetryInit(context, editor).catch((error: unknown) => {
        void vscode.window.showErrorMessage(l10n('k1s0: telemetry initialization could not be inserted: {0}', error instanceof Error ? error.message : String(error)));
      });
    }),
  );
}

async function insertTelemetryInit(context: vscode.ExtensionContext, editor: vscode.TextEditor): Promise<void> {
  const document = editor.document;
  const language = telemetryLanguageOf(document.languageId);
  if (!language) {
    void vscode.window.showWarningMessage(l10n('k1s0: telemetry initialization is for Go, Rust, TypeScript and Dart files; this file is {0}.', document.languageId));
    return;
  }
  let snippet: TelemetrySnippet;
  try {
    snippet = telemetrySnippet(readFileSync(context.asAbsolutePath(`snippets/${TELEMETRY_SNIPPET_FILES[language]}`), 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(l10n('k1s0: the {0} telemetry snippet could not be read: {1}', language, error instanceof Error ? error.message : String(error)));
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const lookup: ConfigLookup = document.uri.scheme === 'file' && folder ? lookupConfig(document.uri.fsPath, folder.uri.fsPath) : {};
  const { app } = lookup;
  const placed = placeTelemetry(language, snippet, fillTelemetrySnippet(language, snippet.body, app), document.getText(), document.offsetAt(editor.selection.active));
  // The imports first, as an edit of the file's import block; the cursor moves with it, then the snippet goes there.
  if (placed.imports) {
    const { offset, length, text } = placed.imports;
    const range = new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
    await editor.edit((builder) => builder.replace(range, text));
  }
  await editor.insertSnippet(new vscode.SnippetString(placed.snippet));
  if (app)
    vscode.window.setStatusBarMessage(
      l10n('k1s0: telemetry init filled from {0} ({1}, {2})', vscode.workspace.asRelativePath(app.path), String(app.name), app.environment ?? l10n('environment unknown')),
      5000,
    );
  else if (lookup.unusable?.length) {
    const [first] = lookup.unusable;
    const choice = await vscode.window.showWarningMessage(
      l10n(
        'k1s0: {0}, so the defaults were inserted; fix the config and insert again to fill in the service.',
        lookup.unusable.map((u) => `${vscode.workspace.asRelativePath(u.path)} ${u.problem}`).join('; '),
      ),
      l10n('Open config'),
    );
    if (choice && first) await vscode.window.showTextDocument(vscode.Uri.file(first.path));
  } else void vscode.window.showInformationMessage(l10n('k1s0: no config.yaml with an app section near this file, so the dev defaults were inserted; fill in the service name, tier and environment.'));
}
