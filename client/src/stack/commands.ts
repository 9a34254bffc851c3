/**
 * The stack commands in VS Code: start / stop / status / open / create
 * files. The decisions live in compose.ts, health.ts and stackFiles.ts; this
 * is the glue (terminal, progress, status bar, messages). In an untrusted
 * workspace nothing here starts a process.
 */
import * as vscode from 'vscode';
import { Commands } from '../../../server/src/protocol';
import { classifyFailure, logsArgs, preflight, run, stopArgs, upArgs, type RunResult } from './compose';
import { pollHealth, probe, stackComponents, summarize, type ComponentId, type HealthReport } from './health';
import { readStackSettings, type StackSettings } from './settings';
import { describePlan, planStackFiles, writeStackFiles } from './stackFiles';
import { OPEN_GRAFANA, RETRY, SHOW_LOGS, startOutcome, statusItem } from './messages';
import { l10n } from '../l10n';

function settingsFor(folder: vscode.WorkspaceFolder): StackSettings {
  const config = vscode.workspace.getConfiguration('k1s0.stack', folder.uri);
  return readStackSettings((key) => config.get(key));
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) {
    if (!folders[0]) void vscode.window.showErrorMessage(l10n('k1s0: open a folder first: the stack commands work on a workspace folder.'));
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: l10n('Workspace folder of the observability stack') });
}

function trusted(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(
    l10n('k1s0: this workspace is not trusted, so the extension does not run docker ({0}). Trust the workspace to use the stack commands; checks keep working.', action),
  );
  return false;
}

/** Runs docker in a terminal the user watches; resolves with the result when it ends. */
function runInTerminal(title: string, executable: string, args: string[], cwd: string): Promise<RunResult> {
  return new Promise((resolve) => {
    const writer = new vscode.EventEmitter<string>();
    const closer = new vscode.EventEmitter<number | void>();
    const controller = new AbortController();
    const pty: vscode.Pseudoterminal = {
      onDidWrite: writer.event,
      onDidClose: closer.event,
      open: () => {
        writer.fire(`$ ${[executable, ...args].map((a) => (/[\s"'$]/.test(a) ? JSON.stringify(a) : a)).join(' ')}\r\n`);
        void run(executable, args, { cwd, signal: controller.signal, onOutput: (chunk) => writer.fire(chunk.replace(/\r?\n/g, '\r\n')) }).then((result) => {
          writer.fire(`\r\n[${result.code === 0 ? l10n('done') : l10n('exit {0}', result.code ?? result.error?.message ?? '?')}] ${l10n('(press any key to close)')}\r\n`);
          resolve(result);
        });
      },
      close: () => controller.abort(),
      handleInput: () => closer.fire(),
    };
    vscode.window.createTerminal({ name: title, pty }).show(true);
  });
}

const PREVIEW_SCHEME = 'k1s0-preview';
const previews = new Map<string, string>();
const previewChanged = new vscode.EventEmitter<vscode.Uri>();

async function closePreview(uri: vscode.Uri): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
  previews.delete(uri.toString());
}

/** The notification after Start, with what helps next: logs of what is down and a retry, or Grafana. */
async function offerNext(outcome: ReturnType<typeof startOutcome>, root: string, settings: StackSettings): Promise<void> {
  const show = outcome.severity === 'information' ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  // The actions are shown in the display language and known again by their English.
  const shown = new Map(outcome.actions.map((action) => [actionTitle(action), action]));
  const picked = await show(outcome.text, ...shown.keys());
  const choice = picked === undefined ? undefined : shown.get(picked);
  if (choice === OPEN_GRAFANA) await vscode.commands.executeCommand(Commands.openGrafana);
  else if (choice === RETRY) await vscode.commands.executeCommand(Commands.startStack);
  else if (choice === SHOW_LOGS) await runInTerminal(l10n('k1s0 stack: logs'), settings.dockerPath, logsArgs(root, settings), root);
}

function actionTitle(action: string): string {
  return action === OPEN_GRAFANA ? l10n('Open Grafana') : action === RETRY ? l10n('Retry') : action === SHOW_LOGS ? l10n('Show logs') : action;
}

export function registerStackCommands(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, { onDidChange: previewChanged.event, provideTextDocumentContent: (uri) => previews.get(uri.toString()) ?? '' }),
  );
  const status = vscode.window.createStatusBarItem('k1s0.stack', vscode.StatusBarAlignment.Left, 10);
  status.name = l10n('k1s0 observability stack');
  status.command = Commands.showStackStatus;
  context.subscriptions.push(status);

  const show = (reports: HealthReport[]): void => {
    const summary = summarize(reports);
    status.text = `$(${summary.allUp ? 'pulse' : 'warning'}) ${summary.text}`;
    status.tooltip = reports.map((r) => `${r.component.name} :${r.component.port} — ${r.up ? l10n('up') : l10n('down ({0})', r.detail)}`).join('\n');
    status.show();
  };

  const probeAll = async (settings: StackSettings): Promise<HealthReport[]> =>
    Promise.all(stackComponents(settings).map(async (component) => ({ component, ...(await probe(component.healthUrl, 1500)) })));

  const open = (id: ComponentId) => async (): Promise<void> => {
    const folder = (vscode.workspace.workspaceFolders ?? [])[0];
    const settings = folder ? settingsFor(folder) : readStackSettings((key) => vscode.workspace.getConfiguration('k1s0.stack').get(key));
    const component = stackComponents(settings).find((c) => c.id === id);
    if (component) await vscode.env.openExternal(vscode.Uri.parse(component.uiUrl));
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.startStack, async () => {
      if (!trusted(l10n('start the stack'))) return;
      const folder = await pickFolder();
      if (!folder) return;
      const settings = settingsFor(folder);
      const root = folder.uri.fsPath;
      const components = stackComponents(settings);
      const before = await probeAll(settings);
      const running = new Set(before.filter((r) => r.up).map((r) => r.component.id));
      const problem = await preflight(root, settings, components, running);
      if (problem) {
        const create = l10n('Create observability stack files');
        const choice = await vscode.window.showErrorMessage(`k1s0: ${problem.message}`, ...(problem.kind === 'no-compose-file' ? [create] : []));
        if (choice === create) await vscode.commands.executeCommand(Commands.createStackFiles);
        return;
      }
      const result = await runInTerminal(l10n('k1s0 stack: up'), settings.dockerPath, upArgs(root, settings), root);
      if (result.code !== 0) {
        void vscode.window.showErrorMessage(`k1s0: ${classifyFailure(result, settings.dockerPath).message}`);
        return;
      }
      const reports = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: l10n('k1s0: waiting for the observability stack'), cancellable: true },
        (progress, token) => {
          const controller = new AbortController();
          token.onCancellationRequested(() => controller.abort());
          let reported = 0;
          return pollHealth(components, {
            timeoutMs: settings.healthTimeoutSeconds * 1000,
            signal: controller.signal,
            onProgress: (r) => {
              show(r);
              const up = r.filter((x) => x.up).length;
              progress.report({
                message: l10n(
                  '{0}/{1} up: {2}',
                  up,
                  r.length,
                  r
                    .filter((x) => x.up)
                    .map((x) => x.component.name)
                    .join(', ') || l10n('none yet'),
                ),
                increment: ((up - reported) / r.length) * 100,
              });
              reported = up;
            },
          });
        },
      );
      // Not awaited: the command ends here; the notification's actions run when the user picks one.
      void offerNext(startOutcome(reports), root, settings);
    }),
    vscode.commands.registerCommand(Commands.stopStack, async () => {
      if (!trusted(l10n('stop the stack'))) return;
      const folder = await pickFolder();
      if (!folder) return;
      const settings = settingsFor(folder);
      const result = await runInTerminal(l10n('k1s0 stack: stop'), settings.dockerPath, stopArgs(folder.uri.fsPath, settings), folder.uri.fsPath);
      if (result.code !== 0) void vscode.window.showErrorMessage(`k1s0: ${classifyFailure(result, settings.dockerPath).message}`);
      show(await probeAll(settings));
    }),
    vscode.commands.registerCommand(Commands.showStackStatus, async () => {
      const folder = (vscode.workspace.workspaceFolders ?? [])[0];
      const settings = folder ? settingsFor(folder) : readStackSettings((key) => vscode.workspace.getConfiguration('k1s0.stack').get(key));
      const reports = await probeAll(settings);
      show(reports);
      // A list, one whole line per component (a toast cuts them off); picking one that is up opens it.
      const items = reports.map((r) => ({ ...statusItem(r), report: r }));
      const picked = await vscode.window.showQuickPick(items, {
        title: l10n('{0} up', summarize(reports).text),
        placeHolder: l10n('Pick a component that is up to open it'),
        matchOnDescription: true,
      });
      if (picked?.report.up) await vscode.env.openExternal(vscode.Uri.parse(picked.report.component.uiUrl));
    }),
    vscode.commands.registerCommand(Commands.openGrafana, open('grafana')),
    vscode.commands.registerCommand(Commands.openPrometheus, open('prometheus')),
    vscode.commands.registerCommand(Commands.openJaeger, open('jaeger')),
    vscode.commands.registerCommand(Commands.createStackFiles, async () => {
      const folder = await pickFolder();
      if (!folder) return;
      const root = folder.uri.fsPath;
      const plan = planStackFiles(root, settingsFor(folder));
      const toWrite = plan.filter((f) => f.state !== 'same');
      if (toWrite.length === 0) {
        void vscode.window.showInformationMessage(l10n('k1s0: the observability stack files are already there, as the design gives them.'));
        return;
      }
      // Show what will be written before anything is.
      // Read-only (a document of its own scheme, never dirty), and closed once the user has answered.
      const previewUri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${l10n('k1s0 observability stack files')}.md` });
      previews.set(
        previewUri.toString(),
        `# ${l10n('k1s0: observability stack files')}\n\n\`\`\`\n${describePlan(plan)}\n\`\`\`\n\n${toWrite.map((f) => `## ${f.path}${f.state === 'differs' ? ` ${l10n('(exists, differs)')}` : ''}\n\n\`\`\`yaml\n${f.content}\`\`\`\n`).join('\n')}`,
      );
      previewChanged.fire(previewUri);
      const preview = await vscode.workspace.openTextDocument(previewUri);
      await vscode.window.showTextDocument(await vscode.languages.setTextDocumentLanguage(preview, 'markdown'), { preview: true });
      const fresh = toWrite.filter((f) => f.state === 'new');
      const differing = toWrite.filter((f) => f.state === 'differs');
      const write = fresh.length === 1 ? l10n('Write 1 new file') : l10n('Write {0} new files', fresh.length);
      const overwrite = l10n('Also overwrite {0} existing', differing.length);
      const choice = await vscode.window.showInformationMessage(
        `${l10n('k1s0: create the observability stack files?')}${differing.length ? ` ${l10n('{0} exist with other content: {1}.', differing.length, differing.map((f) => f.path).join(', '))}` : ''}`,
        { modal: true },
        ...(fresh.length ? [write] : []),
        ...(differing.length ? [overwrite] : []),
      );
      await closePreview(previewUri);
      if (!choice) return;
      const result = writeStackFiles(root, plan, new Set(choice === overwrite ? differing.map((f) => f.path) : []));
      const parts = [
        l10n('{0} written', result.written.length),
        result.kept.length ? l10n('{0} kept as they were ({1})', result.kept.length, result.kept.join(', ')) : '',
        result.unchanged.length ? l10n('{0} unchanged', result.unchanged.length) : '',
      ].filter(Boolean);
      if (result.failed.length) void vscode.window.showErrorMessage(l10n('k1s0: could not write {0}', result.failed.map((f) => `${f.path} (${f.reason})`).join(', ')));
      void vscode.window.showInformationMessage(l10n('k1s0: observability stack files: {0}.', parts.join(', ')));
    }),
  );
}
