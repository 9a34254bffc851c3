/**
 * "k1s0: Insert telemetry initialization": the active file's language picks
 * the snippet; the nearest config.yaml fills it (telemetryInit.ts decides).
 */
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { Commands } from '../../../server/src/protocol';
import { TELEMETRY_SNIPPET_FILES, fillTelemetrySnippet, findNearestConfig, telemetryLanguageOf, telemetrySnippetBody } from './telemetryInit';

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
  let body: string;
  try {
    body = telemetrySnippetBody(readFileSync(context.asAbsolutePath(`snippets/${TELEMETRY_SNIPPET_FILES[language]}`), 'utf8'));
  } catch (error) {
    void vscode.window.showErrorMessage(`k1s0: the ${language} telemetry snippet could not be read: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const app = document.uri.scheme === 'file' && folder ? findNearestConfig(document.uri.fsPath, folder.uri.fsPath) : undefined;
  await editor.insertSnippet(new vscode.SnippetString(fillTelemetrySnippet(language, body, app)));
  if (app) vscode.window.setStatusBarMessage(`k1s0: telemetry init filled from ${vscode.workspace.asRelativePath(app.path)} (${app.name}, ${app.environment ?? 'environment unknown'})`, 5000);
  else void vscode.window.showInformationMessage('k1s0: no config.yaml with an app section near this file, so the dev defaults were inserted; fill in the service name, tier and environment.');
}
