/**
 * `alertmanager/policy`: the design's routing (observability-design.md,
 * アラート設定 › 通知先設計): dev has no Alertmanager (alerts are read in the
 * Prometheus UI); staging and prod notify Microsoft Teams through
 * prometheus-msteams, i.e. some route reaches a receiver whose webhook posts
 * to prometheus-msteams, and no webhook posts to Teams directly (Teams does
 * not read Alertmanager's payload). A file whose environment is unknown is
 * judged as staging and prod are: the design has no other Alertmanager.
 */
import type { Finding } from '../base/types';
import type { Node } from 'yaml';
import type { FileCheck } from '../workspace/fileKind';
import { findingAt, POLICY } from './codes';
import { NO_ALERTMANAGER_SECTION, ROUTING_SECTION, say } from './messages';
import { effectiveReceiver, mapsAt, pairOf, receiversOf, routesOf, scalarAt, text, type AlertmanagerFile } from './model';

/** The host of a URL as a browser reads it: lower case, without user or port ('' when it is no URL). */
function hostOf(url: string): string {
  // Stryker disable next-line StringLiteral: any host that is neither the bridge nor Teams says the same
  return URL.canParse(url) ? new URL(url).hostname : '';
}

/** prometheus-msteams, however it is addressed (compose service `msteams`, Kubernetes service name). */
const isMsTeamsBridge = (host: string): boolean => /(^|[.-])msteams([.-]|$)/.test(host);
/** Teams' own incoming-webhook hosts. */
const isTeamsDirect = (host: string): boolean => /(^|\.)webhook\.office\.com$|^outlook\.office(365)?\.com$/.test(host);

export function checkAlertmanagerPolicy(file: AlertmanagerFile): Finding[] {
  const routes = routesOf(file);
  const root = routes[0];
  if (file.environment === 'dev') {
    const first = file.root?.items[0]?.key as Node | undefined;
    return [findingAt(first, POLICY, 'warning', say('devHasNoAlertmanager', { section: ROUTING_SECTION, other: NO_ALERTMANAGER_SECTION }))];
  }
  const findings: Finding[] = [];
  const teams = new Set<string>();
  for (const receiver of receiversOf(file)) {
    for (const { node } of mapsAt(receiver.node, 'webhook_configs')) {
      const url = scalarAt(node, 'url');
      if (!url) continue;
      const host = hostOf(text(url));
      if (isMsTeamsBridge(host)) teams.add(receiver.name);
      else if (isTeamsDirect(host)) findings.push(findingAt(url, POLICY, 'warning', say('directTeams', { host, section: ROUTING_SECTION })));
    }
  }
  if (root) {
    const reached = routes.some((route) => {
      const receiver = effectiveReceiver(route);
      return receiver !== undefined && teams.has(text(receiver));
    });
    if (!reached) {
      const environment = file.environment ?? say('anyEnvironment');
      findings.unshift(findingAt(root.receiver ?? (pairOf(file.root, 'route')?.key as Node | undefined), POLICY, 'warning', say('noTeams', { environment, section: ROUTING_SECTION })));
    }
  }
  return findings;
}

export const alertmanagerPolicyCheck: FileCheck<AlertmanagerFile> = {
  meta: {
    name: 'alertmanager/policy',
    on: 'file',
    fileKinds: ['alertmanager'],
    description: "warning: the design's routing — staging and prod notify Teams through prometheus-msteams; dev has no Alertmanager",
    codes: [
      {
        code: POLICY,
        severity: 'warning',
        short: "Alertmanager routing that breaks the design's notification policy",
        help: 'The design (アラート設定 › 通知先設計) sends staging and prod alerts to Microsoft Teams through prometheus-msteams (a webhook_configs url such as http://prometheus-msteams:2000/<channel>), never straight to a Teams webhook; dev has no Alertmanager (alerts are read in the Prometheus UI).',
        ja: {
          short: '設計の通知方針に反する Alertmanager のルーティング',
          help: '設計（アラート設定 › 通知先設計）では staging と prod のアラートは prometheus-msteams 経由で Microsoft Teams に通知します（webhook_configs の url は http://prometheus-msteams:2000/<チャネル> など）。Teams の Webhook へ直接は送りません。dev には Alertmanager を置きません（Prometheus UI で確認）。',
        },
      },
    ],
  },
  run: (file) => checkAlertmanagerPolicy(file),
};
