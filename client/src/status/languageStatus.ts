/**
 * Language status items for k1s0 files (the `{}` next to the language mode): checked files and
 * problems, the environment the open config file is judged as and why, the catalog in use. The
 * facts come from the server (k1s0/status); clicking an item shows the output.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, StatusRequest, type K1s0Status } from '../../../server/src/protocol';
import { describeCatalog, describeChecks, describeEnvironment, type StatusWords } from './describe';
import { l10n } from '../l10n';

const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file', language: 'yaml' }, { scheme: 'file', language: 'json' }, { scheme: 'file', language: 'jsonc' }, { language: 'promql' }];
const CONFIG_SELECTOR: vscode.DocumentSelector = [{ scheme: 'file', language: 'yaml', pattern: '**/config*.{yaml,yml}' }];

const SEVERITY = { information: vscode.LanguageStatusSeverity.Information, warning: vscode.LanguageStatusSeverity.Warning, error: vscode.LanguageStatusSeverity.Error };
const showOutput = (): vscode.Command => ({ command: Commands.showOutput, title: l10n('Show output') });

/** Registers the items; the returned function asks for an update (call it once the client runs). */
export function registerLanguageStatus(context: vscode.ExtensionContext, client: LanguageClient): () => void {
  const checks = vscode.languages.createLanguageStatusItem('k1s0.status.checks', SELECTOR);
  const environment = vscode.languages.createLanguageStatusItem('k1s0.status.environment', CONFIG_SELECTOR);
  const catalog = vscode.languages.createLanguageStatusItem('k1s0.status.catalog', SELECTOR);
  checks.name = l10n('k1s0 checks');
  environment.name = l10n('k1s0 environment');
  catalog.name = l10n('k1s0 catalog');
  for (const item of [checks, environment, catalog]) item.command = showOutput();
  checks.text = l10n('k1s0: starting');
  checks.busy = true;
  environment.text = l10n('k1s0: environment');
  catalog.text = l10n('k1s0 catalog');

  const show = (item: vscode.LanguageStatusItem, words: StatusWords): void => {
    item.text = words.text;
    item.detail = words.detail;
    item.severity = SEVERITY[words.severity];
  };
  let pending: ReturnType<typeof setTimeout> | undefined;
  const update = async (): Promise<void> => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    let status: K1s0Status;
    try {
      status = await client.sendRequest(StatusRequest, uri !== undefined ? { uri } : {});
    } catch {
      return;
    }
    checks.busy = false;
    show(checks, describeChecks(status));
    show(
      catalog,
      describeCatalog(status, (u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u))),
    );
    const env = describeEnvironment(status);
    if (env) show(environment, env);
    else {
      environment.text = l10n('k1s0: not a config file');
      environment.detail = l10n('no observability section is checked here');
      environment.severity = vscode.LanguageStatusSeverity.Information;
    }
  };
  // Diagnostics arrive in bursts: one request once they settle.
  const soon = (): void => {
    if (pending) clearTimeout(pending);
    pending = setTimeout(() => {
      pending = undefined;
      void update();
    }, 300);
  };
  context.subscriptions.push(checks, environment, catalog, vscode.window.onDidChangeActiveTextEditor(soon), vscode.languages.onDidChangeDiagnostics(soon), {
    dispose: () => pending && clearTimeout(pending),
  });
  return soon;
}
