/**
 * The VS Code side: starts the k1s0 language server, gives it an output
 * channel, and offers a restart. Everything that decides anything lives in
 * the server, so this file stays a thin wiring.
 */
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { Commands, LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME, SERVER_NODE_ARGS } from '../../server/src/protocol';
import { registerSloTree } from './tree/sloTreeView';
import { registerStackCommands } from './stack/commands';
import { registerInsertTelemetryInit } from './snippets/insertCommand';
import { registerTelemetryCompletion } from './snippets/telemetryCompletion';
import { registerRunCommands } from './run/commands';
import { completionMiddleware } from './completion/middleware';
import { renameMiddleware } from './rename/middleware';
import { registerTrust, trustParams } from './trust';
import { registerLanguageStatus } from './status/languageStatus';
import { l10n, useTranslator } from './l10n';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  useTranslator((message, ...args) => vscode.l10n.t(message, ...args), vscode.env.language);
  const outputChannel = vscode.window.createOutputChannel(LANGUAGE_CLIENT_NAME, { log: true });
  const module = context.asAbsolutePath('dist/server.js');
  // Over stdio, not Node's IPC channel: there the server writes its messages' bytes itself, which
  // makes a big file's publish after each keystroke cheaper on both sides (server/src/messageEncoder.ts).
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: [...SERVER_NODE_ARGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { language: 'promql' },
      { scheme: 'file', pattern: '**/{.env,.env.*,*.env}' },
    ],
    outputChannel,
    // The server pulls `k1s0.*` per folder; this makes the client tell it when they change.
    synchronize: { configurationSection: 'k1s0' },
    // Signature help after a function is accepted; our best item preselected in dashboards.
    // Refused renames shown as information, not logged as errors.
    middleware: { ...completionMiddleware, ...renameMiddleware(() => client) },
    // Workspace trust and the user's own values of the restricted settings, read at each (re)start (trust.ts).
    initializationOptions: () => ({ trust: trustParams() }),
  };
  client = new LanguageClient(LANGUAGE_CLIENT_ID, LANGUAGE_CLIENT_NAME, serverOptions, clientOptions);

  context.subscriptions.push(
    outputChannel,
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      outputChannel.info(l10n('Restarting the k1s0 language server'));
      await client?.restart();
    }),
    vscode.commands.registerCommand(Commands.showOutput, () => outputChannel.show(true)),
  );
  // The tree view, the stack commands and the telemetry snippet command (issue 7).
  registerSloTree(context, client);
  registerStackCommands(context);
  registerInsertTelemetryInit(context);
  registerTelemetryCompletion(context);
  // The query CodeLenses' commands: run in Prometheus, open in Prometheus / Grafana Explore (issue 10).
  registerRunCommands(context);
  registerTrust(context, client);
  // The language status items: checked files and problems, the config file's environment, the catalog.
  const updateStatus = registerLanguageStatus(context, client);
  await client.start();
  updateStatus();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
