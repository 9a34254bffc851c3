/**
 * `alertmanager/config`: receivers as Alertmanager validates them — each has
 * a unique, non-empty name; each webhook has a url (0.25 has no url_file), which is
 * http(s) with a host (as Go's url.Parse and Alertmanager's check read it).
 */
import type { Finding } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { CONFIG_CODE, configError } from './codes';
import { say } from './messages';
import type { Node } from 'yaml';
import { mapsAt, receiversOf, scalarAt, text, type AlertmanagerFile } from './model';

export function checkReceivers(file: AlertmanagerFile): Finding[] {
  const findings: Finding[] = [];
  const first = new Map<string, number>();
  for (const receiver of receiversOf(file)) {
    if (receiver.name === '') {
      findings.push(configError(receiver.nameNode, say('emptyName', { where: `receivers[${receiver.index}]` })));
      continue;
    }
    const earlier = first.get(receiver.name);
    if (earlier !== undefined) findings.push(configError(receiver.nameNode, say('duplicateReceiver', { name: receiver.name, first: earlier })));
    else first.set(receiver.name, receiver.index);
  }
  for (const { node: receiver, index } of mapsAt(file.root, 'receivers')) {
    for (const { node: webhook, index: at } of mapsAt(receiver, 'webhook_configs')) {
      const where = `receivers[${index}].webhook_configs[${at}]`;
      const url = scalarAt(webhook, 'url');
      if (!url) {
        // `- {}` or `- send_resolved: true`: reported on the item's first key, or the item itself.
        findings.push(configError((webhook.items[0]?.key as Node | undefined) ?? webhook, say('webhookUrlMissing', { where })));
        continue;
      }
      if (url) {
        const problem = urlProblem(text(url));
        if (problem) findings.push(configError(url, problem));
      }
    }
  }
  return findings;
}

/** What Alertmanager says of a URL (`parseURL`: Go's url.Parse, then http or https with a host), or undefined when it is fine. */
export function urlProblem(url: string): string | undefined {
  // Go refuses ASCII control characters anywhere.
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(url)) return say('urlInvalid', { url });
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase() ?? '';
  if (scheme !== 'http' && scheme !== 'https') return say('urlScheme', { url, scheme });
  const rest = url.slice(scheme.length + 1);
  if (!rest.startsWith('//')) return say('urlHost', { url });
  const authority = rest.slice(2).split(/[/?#]/)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  if (/[\s%]|[<>"{}|\\^`]/.test(host.replace(/%[0-9a-fA-F]{2}/g, ''))) return say('urlInvalid', { url });
  const port = /^(?:\[[^\]]*\]|[^:]*)(?::(.*))?$/.exec(host)?.[1];
  if (port !== undefined && !/^\d*$/.test(port)) return say('urlInvalid', { url });
  return host === '' ? say('urlHost', { url }) : undefined;
}

export const alertmanagerReceiversCheck: FileCheck<AlertmanagerFile> = {
  meta: {
    name: 'alertmanager/receivers',
    on: 'file',
    fileKinds: ['alertmanager'],
    description: 'receivers as Alertmanager validates them: unique names, webhook URLs (http or https, with a host)',
    codes: [CONFIG_CODE],
  },
  run: (file) => checkReceivers(file),
};
