/**
 * The tier and SLO tree view: the model comes from the language server
 * (k1s0/sloTree), so this is only its presentation — tiers, services, their
 * SLO, scrape targets, config files, alerts (missing ones as warnings) and
 * dashboards; nodes that stand for something in a file open it at its line.
 * With Prometheus answering, services show live values.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { Commands, SLO_VIEW, SloTreeChangedNotification, SloTreeRequest, type SloAlert, type SloLocation, type SloService, type SloTree } from '../../../server/src/protocol';
import { probe, stackComponents } from '../stack/health';
import { describeLive, liveValuesOf, type LiveValues } from '../stack/live';
import { readStackSettings } from '../stack/settings';
import { l10n } from '../l10n';

type Node =
  | { kind: 'tier'; label: string; description: string; tooltip: string; services: SloService[] }
  | { kind: 'service'; service: SloService }
  | { kind: 'group'; label: string; icon: string; children: Node[] }
  | { kind: 'leaf'; label: string; description?: string; tooltip?: string; icon: string; color?: string; location?: SloLocation; command?: vscode.Command };

class SloTreeProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private tree: SloTree | undefined;
  private error: string | undefined;
  private live = new Map<string, LiveValues>();

  constructor(private readonly client: LanguageClient) {}

  async refresh(): Promise<void> {
    try {
      this.tree = await this.client.sendRequest(SloTreeRequest, {});
      this.error = undefined;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
    this.changed.fire(undefined);
    void this.refreshLive();
  }

  /** Live values when Prometheus answers; the tree works the same without. */
  private async refreshLive(): Promise<void> {
    const tree = this.tree;
    if (!tree) return;
    const settings = readStackSettings((key) => vscode.workspace.getConfiguration('k1s0.stack').get(key));
    const prometheus = stackComponents(settings)[0];
    if (!prometheus || !(await probe(prometheus.healthUrl, 1000)).up) {
      if (this.live.size) {
        this.live.clear();
        this.changed.fire(undefined);
      }
      return;
    }
    const services = [...tree.tiers.flatMap((t) => t.services), ...tree.unassigned];
    const values = await Promise.all(services.map(async (s) => [s.name, await liveValuesOf(prometheus.uiUrl, s, 2000)] as const));
    this.live = new Map(values);
    this.changed.fire(undefined);
  }

  getChildren(node?: Node): Node[] {
    if (!node) {
      if (this.error) return [{ kind: 'leaf', label: l10n('Could not get the SLO tree: {0}', this.error), icon: 'error', color: 'errorForeground' }];
      if (!this.tree) return [];
      // Short descriptions (the sidebar's default width shows them whole); the rest in the tooltip.
      const tiers: Node[] = this.tree.tiers.map((t) => ({
        kind: 'tier',
        label: t.tier,
        description: `SLO ${t.slo.percent}`,
        tooltip: `${l10n('{0}: SLO {1}, error budget {2} min / 30 days', t.tier, t.slo.percent, t.slo.errorBudgetMinutes)}\n${t.slo.source}`,
        services: t.services,
      }));
      if (this.tree.unassigned.length)
        tiers.push({
          kind: 'tier',
          label: l10n('no tier'),
          description: l10n('no SLO'),
          tooltip: l10n("Services whose tier is unknown or not one of the design's: no SLO applies"),
          services: this.tree.unassigned,
        });
      return tiers;
    }
    if (node.kind === 'tier') {
      if (node.services.length === 0)
        return [{ kind: 'leaf', label: l10n('no services'), tooltip: l10n('No scrape job, config file or catalog entry of the workspace puts a service in the {0} tier', node.label), icon: 'info' }];
      return node.services.map((service) => ({ kind: 'service', service }));
    }
    if (node.kind === 'group') return node.children;
    if (node.kind === 'service') return serviceChildren(node.service);
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case 'tier': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        item.description = node.description;
        item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon('layers');
        return item;
      }
      case 'service': {
        const s = node.service;
        const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
        const missing = s.alerts.filter((a) => a.status === 'missing').length;
        const notCovering = s.alerts.filter((a) => a.status === 'not-covering').length;
        const broken = s.configs.some((c) => c.error !== undefined);
        const live = this.live.get(s.name);
        item.description = [broken ? l10n('config error') : '', live ? describeLive(live) : '', missing ? l10n('{0} missing', missing) : '', notCovering ? l10n('{0} not covering', notCovering) : '']
          .filter(Boolean)
          .join(' · ');
        item.iconPath = broken
          ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
          : missing || notCovering || s.problems.length
            ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
            : new vscode.ThemeIcon('server-process');
        item.tooltip = [
          s.name,
          s.tier ? l10n('tier {0}', s.tier) : l10n('no tier'),
          ...s.problems,
          ...(missing ? [l10n("{0} of the design's alerts missing", missing)] : []),
          ...(notCovering ? [notCovering === 1 ? l10n('1 alert not covering it') : l10n('{0} alerts not covering it', notCovering)] : []),
        ].join('\n');
        if (s.location) item.command = openCommand(s.location);
        item.contextValue = 'k1s0.service';
        return item;
      }
      case 'group': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
        item.iconPath = new vscode.ThemeIcon(node.icon);
        return item;
      }
      case 'leaf': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        if (node.description) item.description = node.description;
        if (node.tooltip) item.tooltip = node.tooltip;
        item.iconPath = new vscode.ThemeIcon(node.icon, node.color ? new vscode.ThemeColor(node.color) : undefined);
        if (node.command) item.command = node.command;
        else if (node.location) item.command = openCommand(node.location);
        return item;
      }
    }
  }
}

function serviceChildren(s: SloService): Node[] {
  const out: Node[] = [];
  for (const problem of s.problems) out.push({ kind: 'leaf', label: problem, icon: 'warning', color: 'problemsWarningIcon.foreground' });
  if (s.slo) out.push({ kind: 'leaf', label: `SLO ${s.slo.percent}`, description: l10n('error budget {0} min / 30 days', s.slo.errorBudgetMinutes), tooltip: s.slo.source, icon: 'target' });
  for (const t of s.scrapeTargets)
    out.push({ kind: 'leaf', label: l10n('scrape: {0}', t.targets.join(', ') || t.job), description: l10n('job {0}', t.job), icon: 'radio-tower', location: t.location });
  for (const c of s.configs) {
    const path = vscode.workspace.asRelativePath(vscode.Uri.parse(c.location.uri));
    out.push({
      kind: 'leaf',
      label: `config${c.environment ? ` (${c.environment})` : ''}`,
      description: c.error !== undefined ? l10n('does not parse') : (path.split('/').pop() ?? path),
      tooltip: c.error !== undefined ? l10n('{0} does not parse: {1}', path, c.error) : path,
      icon: c.error !== undefined ? 'error' : 'settings-gear',
      ...(c.error !== undefined ? { color: 'problemsErrorIcon.foreground' } : {}),
      location: c.location,
    });
  }
  if (s.alerts.length)
    out.push({ kind: 'group', label: l10n('Alerts ({0}/{1})', s.alerts.filter((a) => a.status === 'present').length, s.alerts.length), icon: 'bell', children: s.alerts.map(alertNode) });
  if (s.dashboards.length) {
    out.push({
      kind: 'group',
      label: l10n('Dashboards ({0})', s.dashboards.length),
      icon: 'graph',
      children: s.dashboards.map((d) => ({
        kind: 'leaf',
        label: d.title || l10n('(untitled)'),
        description: d.panels.length === 1 ? l10n('1 panel') : l10n('{0} panels', d.panels.length),
        tooltip: d.panels.join('\n'),
        icon: 'dashboard',
        location: d.location,
      })),
    });
  }
  return out;
}

function alertNode(a: SloAlert): Node {
  const severity = a.severity ?? a.design?.severity;
  // The note and the design's row, each once.
  const base = {
    kind: 'leaf' as const,
    label: a.name,
    tooltip: [a.note, a.design ? l10n('design: {0}, for {1}, {2}', a.design.condition, a.design.for, a.design.severity) : ''].filter(Boolean).join('\n'),
  };
  const location = a.location ? { location: a.location } : {};
  if (a.status === 'missing') {
    // Opens where it belongs (the tier's alert file), with the fix that inserts the burn-rate pair.
    const command = a.home ? { command: { command: Commands.openMissingAlert, title: l10n('Open where the alert belongs'), arguments: [a.home, a.role === 'burn-rate'] } } : {};
    return { ...base, ...command, description: `${l10n('missing')}${severity ? ` · ${severity}` : ''}`, icon: 'warning', color: 'problemsWarningIcon.foreground' };
  }
  if (a.status === 'not-covering') return { ...base, ...location, description: l10n('not covering'), icon: 'warning', color: 'problemsWarningIcon.foreground' };
  return {
    ...base,
    ...location,
    description: [a.role === 'burn-rate' ? l10n('burn rate') : a.role === 'tier' ? l10n('tier alert') : '', severity].filter(Boolean).join(' · '),
    icon: a.role === 'burn-rate' ? 'flame' : 'bell',
  };
}

function openCommand(location: SloLocation): vscode.Command {
  const { start, end } = location.range;
  return { command: 'vscode.open', title: l10n('Open'), arguments: [vscode.Uri.parse(location.uri), { selection: new vscode.Range(start.line, start.character, end.line, end.character) }] };
}

/**
 * A missing alert's node: the tier's alert file at the first of its alerts; for the burn-rate pair,
 * once the policy/slo diagnostic is there (the server checks the file when it opens), its quick fix.
 */
async function openMissingAlert(home: SloLocation, withFix: boolean): Promise<void> {
  const uri = vscode.Uri.parse(home.uri);
  const { start, end } = home.range;
  const range = new vscode.Range(start.line, start.character, end.line, end.character);
  await vscode.window.showTextDocument(uri, { selection: range });
  if (!withFix) return;
  const here = (): boolean => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'k1s0' && d.code !== undefined && codeOf(d) === 'policy/slo' && d.range.intersection(range) !== undefined);
  if (!here()) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => done(), 10_000);
      const listener = vscode.languages.onDidChangeDiagnostics((e) => {
        if (e.uris.some((u) => u.toString() === uri.toString()) && here()) done();
      });
      function done(): void {
        clearTimeout(timer);
        listener.dispose();
        resolve();
      }
    });
  }
  if (here()) await vscode.commands.executeCommand('editor.action.quickFix');
}

function codeOf(d: vscode.Diagnostic): string {
  const code = d.code;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** The view, refreshed when the server says the workspace's facts changed (and by the refresh command). */
export function registerSloTree(context: vscode.ExtensionContext, client: LanguageClient): void {
  const provider = new SloTreeProvider(client);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider(SLO_VIEW, provider),
    vscode.commands.registerCommand(Commands.refreshSloTree, () => provider.refresh()),
    vscode.commands.registerCommand(Commands.openMissingAlert, (home: SloLocation, withFix: boolean) => openMissingAlert(home, withFix)),
    client.onNotification(SloTreeChangedNotification, () => void provider.refresh()),
  );
}
