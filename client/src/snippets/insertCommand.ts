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

export function registerInsertTelemetryInit(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    // VS Code does not wait for a text editor command's result: a failure is shown here or nowhere.
    vscode.commands.registerTextEditorCommand(Commands.insertTelemetryInit, (editor) => {
      insertTelemetryInit(context, editor).catch((error: unknown) => {
        void vscode.window.showErrorMessage(`k1s0: telemetry initialization could not be inserted: ${error instanceof Error ? error.message : String(error)}`);
      });
    }),
  );
}

async function insertTelemetryInit(context: vscode.ExtensionContext, editor: vscode.TextEditor): Promise<void> {
  const document = editor.document;
  const language = telemetryLanguageOf(document.languageId);
  if (!language) {
    void vscode.window.showWarningMessage(`k1s0: telemetry initialization is for Go, Rust, TypeScript and Dart files; this file is ${document.languageId}.`);
    return;
  }
  let snippet: TelemetrySnippet;
  try {
    snippet = telemetrySnippet(readFileSync(context.asAbsolutePath(`snippets/${TELEMETRY_SNIPPET_FILES[language]}`), 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(`k1s0: the ${language} telemetry snippet could not be read: ${error instanceof Error ? error.message : String(error)}`);
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
  if (app) vscode.window.setStatusBarMessage(`k1s0: telemetry init filled from ${vscode.workspace.asRelativePath(app.path)} (${app.name}, ${app.environment ?? 'environment unknown'})`, 5000);
  else if (lookup.unusable?.length) {
    const [first] = lookup.unusable;
    const choice = await vscode.window.showWarningMessage(
      `k1s0: ${lookup.unusable.map((u) => `${vscode.workspace.asRelativePath(u.path)} ${u.problem}`).join('; ')}, so the defaults were inserted; fix the config and insert again to fill in the service.`,
      'Open config',
    );
    if (choice && first) await vscode.window.showTextDocument(vscode.Uri.file(first.path));
  } else void vscode.window.showInformationMessage('k1s0: no config.yaml with an app section near this file, so the dev defaults were inserted; fill in the service name, tier and environment.');
}
