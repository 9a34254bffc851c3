/**
 * The extension-host suite: mocha (TDD) inside VS Code, against the example
 * workspace, through the `vscode` API rather than the screen. It runs in
 * desktop VS Code under @vscode/test-electron (`npm run test:desktop`) and,
 * here, inside code-server through the runner extension (runner/).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'k1s0.k1s0-observability';
const STAGING = 'regions/business/accounting/server/go/ledger/config/config.staging.yaml';
const RECORDING = 'infra/docker/prometheus/recording_rules.yaml';

/** Polls until `probe` returns a value, or fails after the deadline (no fixed sleeps). */
async function eventually<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the suite needs the example workspace open');
  return vscode.Uri.file(path.join(folder.uri.fsPath, relative));
}

function k1s0Diagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'k1s0');
}

/** An open document and the position `offset` characters into the first `needle`. */
async function openAt(relative: string, needle: string, offset: number): Promise<{ uri: vscode.Uri; position: vscode.Position }> {
  const uri = workspaceUri(relative);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${relative}`);
  return { uri, position: document.positionAt(at + offset) };
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n---\n');
}

function describe(d: vscode.Diagnostic): string {
  const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code);
  return `${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${code}`;
}

export function defineSuites(): void {
  suite('k1s0 extension host', () => {
    suiteSetup(async function () {
      this.timeout(60_000);
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is installed`);
      await extension.activate();
    });

    test('the extension is active and contributes its commands', async () => {
      const commands = await vscode.commands.getCommands(true);
      assert.deepEqual(
        ['k1s0.restartServer', 'k1s0.showOutput'].filter((c) => commands.includes(c)),
        ['k1s0.restartServer', 'k1s0.showOutput'],
      );
    });

    test('a config file with mistakes gets its config/schema diagnostics', async function () {
      this.timeout(60_000);
      const uri = workspaceUri(STAGING);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const diagnostics = await eventually(() => (k1s0Diagnostics(uri).length === 4 ? k1s0Diagnostics(uri) : undefined), 'four diagnostics on config.staging.yaml');
      assert.deepEqual(diagnostics.map(describe), ['12:13 Error config/schema', '15:15 Error config/schema', '16:5 Error config/schema', '19:11 Error config/schema']);
      assert.equal(diagnostics[2]?.message, 'Unknown key "sample_ratio" in observability.trace. Did you mean "sample_rate"? Allowed keys: enabled, endpoint, sample_rate.');
    });

    test('the did-you-mean diagnostic offers its quick fix as the preferred action', async function () {
      this.timeout(60_000);
      const uri = workspaceUri(STAGING);
      // Fixes are offered for the text they were computed on: once the open document's version is checked.
      const actions = await eventually(async () => {
        const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(15, 4, 15, 16), vscode.CodeActionKind.QuickFix.value);
        return found.length > 0 ? found : undefined;
      }, 'the quick fixes of the did-you-mean diagnostic');
      // The check's own fix first and preferred; then the suppression every diagnostic offers.
      assert.deepEqual(
        actions.map((a) => [a.title, a.isPreferred]),
        [
          ['Rename to "sample_rate"', true],
          ['Disable config/schema for this line', undefined],
        ],
      );
    });

    test('hover on a catalog metric in a rule file says its type, help and labels', async function () {
      this.timeout(60_000);
      const { uri, position } = await openAt(RECORDING, 'http_requests_total', 3);
      const text = await eventually(async () => {
        const found = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
        return found.includes('http_requests_total') ? found : undefined;
      }, 'the hover of http_requests_total');
      assert.match(text, /^\*\*http_requests_total\*\* — counter\n\nHTTP/);
      assert.match(text, /Labels: .*`method`.*`status`/);
    });

    test('completion in an expr offers the catalog metric names for the typed word', async function () {
      this.timeout(60_000);
      const { uri, position } = await openAt(RECORDING, 'http_requests_total', 'http_req'.length);
      const labels = await eventually(async () => {
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
        const names = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
        return names.includes('http_requests_total') ? names : undefined;
      }, 'http_requests_total among the completions');
      assert.ok(labels.includes('http_request_duration_seconds_bucket'), labels.slice(0, 20).join(', '));
      assert.ok(!labels.includes('up'), 'names not matching the typed word are filtered out');
    });

    test('the restart command brings the server back with the same diagnostics', async function () {
      this.timeout(60_000);
      const uri = workspaceUri(STAGING);
      await vscode.commands.executeCommand('k1s0.restartServer');
      const diagnostics = await eventually(() => (k1s0Diagnostics(uri).length === 4 ? k1s0Diagnostics(uri) : undefined), 'the diagnostics after the restart');
      assert.deepEqual(diagnostics.map(describe), ['12:13 Error config/schema', '15:15 Error config/schema', '16:5 Error config/schema', '19:11 Error config/schema']);
    });
  });
}
