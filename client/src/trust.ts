/**
 * Workspace trust, the client's part. VS Code itself leaves the workspace's
 * values of the manifest's `restrictedConfigurations` out while the workspace
 * is untrusted (so the stack commands and "Run in Prometheus" read the user's);
 * the language server applies the same rule on its own (server/src/session/trust.ts),
 * and for that it needs to know the trust state and the user-level values of the
 * restricted settings it reads, which a merged `workspace/configuration` answer
 * cannot tell apart. They go in initializationOptions and, when the user grants
 * trust (or changes one of those user values meanwhile), in `k1s0/trust`.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { SERVER_RESTRICTED_SETTINGS, TrustNotification, type TrustParams } from '../../server/src/protocol';

/** The trust state and the user-level (global) values of the restricted settings the server reads. */
export function trustParams(): TrustParams {
  const config = vscode.workspace.getConfiguration();
  const userValues: TrustParams['userValues'] = {};
  for (const key of SERVER_RESTRICTED_SETTINGS) {
    const value = config.inspect(key)?.globalValue;
    if (value !== undefined) userValues[key] = value;
  }
  return { trusted: vscode.workspace.isTrusted, userValues };
}

/** Tells the server when trust is granted, and, while untrusted, when a user-level value it relies on changes. */
export function registerTrust(context: vscode.ExtensionContext, client: LanguageClient): void {
  const send = (): void => {
    // A stopped client sends the state in initializationOptions when it starts again; a starting one sends this once started.
    if (client.state === State.Stopped) return;
    client.sendNotification(TrustNotification, trustParams()).catch((error: unknown) => client.error('k1s0: could not send the workspace trust state', error, false));
  };
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(send),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!vscode.workspace.isTrusted && SERVER_RESTRICTED_SETTINGS.some((key) => event.affectsConfiguration(key))) send();
    }),
  );
}
