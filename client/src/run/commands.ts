/**
 * The query CodeLens commands in VS Code: run a query and show the result
 * view, or open it in Prometheus / Grafana Explore. The decisions live in
 * urls.ts, query.ts and format.ts; this is the glue.
 */
import * as vscode from 'vscode';
import { Commands, type QueryLensArguments } from '../../../server/src/protocol';
import { readStackSettings, type StackSettings } from '../stack/settings';
import { runInstantQuery } from './query';
import { resultHtml, summaryOf } from './format';
import { grafanaBaseUrl, grafanaExploreUrl, prometheusBaseUrl, prometheusGraphUrl } from './urls';
import { l10n } from '../l10n';

function argumentsOf(value: unknown): QueryLensArguments | undefined {
  const args = value as Partial<QueryLensArguments> | undefined;
  return typeof args?.query === 'string' && args.query.trim() !== '' ? (args as QueryLensArguments) : undefined;
}

function endpoints(args: QueryLensArguments): { prometheus: string; grafana: string; stack: StackSettings } {
  let scope: vscode.Uri | undefined;
  try {
    scope = vscode.Uri.parse(args.uri);
  } catch {
    scope = undefined;
  }
  const stackConfig = vscode.workspace.getConfiguration('k1s0.stack', scope);
  const stack = readStackSettings((key) => stackConfig.get(key));
  const configured = vscode.workspace.getConfiguration('k1s0.prometheus', scope).get('url');
  return { prometheus: prometheusBaseUrl(configured, stack), grafana: grafanaBaseUrl(stack), stack };
}

export function registerRunCommands(context: vscode.ExtensionContext): void {
  let panel: vscode.WebviewPanel | undefined;
  const noQuery = (): void => void vscode.window.showInformationMessage(l10n('k1s0: use the CodeLens above an expr of a rule file or a dashboard target.'));

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.runQuery, async (value: unknown) => {
      const args = argumentsOf(value);
      if (!args) return noQuery();
      const { prometheus } = endpoints(args);
      const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: l10n('k1s0: querying {0}', prometheus) }, () => runInstantQuery(prometheus, args.query));
      if (outcome.kind === 'unreachable') {
        const start = l10n('Start observability stack');
        const choice = await vscode.window.showWarningMessage(`k1s0: ${summaryOf(outcome, prometheus)} ${l10n('Start the local stack, or set k1s0.prometheus.url.')}`, start);
        if (choice === start) await vscode.commands.executeCommand(Commands.startStack);
        return;
      }
      const source = `${vscode.workspace.asRelativePath(vscode.Uri.parse(args.uri))}:${args.line + 1}`;
      if (!panel) {
        panel = vscode.window.createWebviewPanel(
          'k1s0.queryResult',
          l10n('Prometheus result'),
          { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
          { enableScripts: false, retainContextWhenHidden: true },
        );
        panel.onDidDispose(() => (panel = undefined));
      } else panel.reveal(vscode.ViewColumn.Beside, true);
      panel.webview.html = resultHtml(args.query, outcome, prometheus, source);
      if (outcome.kind === 'error') void vscode.window.showErrorMessage(`k1s0: ${summaryOf(outcome, prometheus)}`);
    }),
    vscode.commands.registerCommand(Commands.openQueryInPrometheus, async (value: unknown) => {
      const args = argumentsOf(value);
      if (!args) return noQuery();
      await vscode.env.openExternal(vscode.Uri.parse(prometheusGraphUrl(endpoints(args).prometheus, args.query), true));
    }),
    vscode.commands.registerCommand(Commands.openQueryInGrafana, async (value: unknown) => {
      const args = argumentsOf(value);
      if (!args) return noQuery();
      await vscode.env.openExternal(vscode.Uri.parse(grafanaExploreUrl(endpoints(args).grafana, args.query, args.datasource), true));
    }),
  );
}
