/**
 * `alertmanager/config`: receivers as Alertmanager validates them — each has
 * a unique, non-empty name; each webhook has a url (0.25 has no url_file), which is
 * http(s) with a host (as Go's url.Parse and Alertmanager's check read it).
 */
import type { Finding } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { CONFIG_CODE, configError } from './codes';
import { say } from './messages';
import { isScalar, isSeq, type Node, type YAMLMap } from 'yaml';
import { mapsAt, pairOf, receiversOf, scalarAt, text, valueOf, type AlertmanagerFile } from './model';

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
  // `-` with nothing after it, in receivers or a receiver's notifier list: Alertmanager 0.25 dereferences it and crashes.
  const nullItem = (map: YAMLMap | undefined, key: string): Finding[] => {
    const list = valueOf(map, key);
    return isSeq(list) && list.items.some((item) => item === null || (isScalar(item) && item.value === null)) ? [configError(pairOf(map, key)?.key as Node, say('nullItem', { key }))] : [];
  };
  findings.push(...nullItem(file.root, 'receivers'));
  for (const { node: receiver, index } of mapsAt(file.root, 'receivers')) {
    for (const pair of receiver.items) {
      const key = String((pair.key as { value?: unknown }).value);
      if (key.endsWith('_configs')) findings.push(...nullItem(receiver, key));
    }
    for (const { node: webhook, index: at } of mapsAt(receiver, 'webhook_configs')) {
      const where = `receivers[${index}].webhook_configs[${at}]`;
      const url = scalarAt(webhook, 'url');
      if (!url) {
        // `- {}` or `- send_resolved: true`: reported on the item's first key, or the item itself.
        findings.push(configError((webhook.items[0]?.key as Node | undefined) ?? webhook, say('webhookUrlMissing', { where })));
        continue;
      }
      // Stryker disable next-line ConditionalExpression: a guard for the types; the line above leaves only a url that is there
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
  // Stryker disable next-line OptionalChaining: the group takes part in every match
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase() ?? '';
  if (scheme !== 'http' && scheme !== 'https') return say('urlScheme', { url, scheme });
  // Go unescapes the path and the fragment (not the query): a % must start an escape there.
  if (/%(?![0-9a-fA-F]{2})/.test(url.replace(/\?[^#]*/, ''))) return say('urlInvalid', { url });
  const rest = url.slice(scheme.length + 1);
  if (!rest.startsWith('//')) return say('urlHost', { url });
  const authority = rest.slice(2).split(/[/?#]/)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  // In the host Go takes an escape only of a non-ASCII byte, or %25 (RFC 6874's IPv6 zones).
  if (/[\s%]|[<>"{}|\\^`]/.test(host.replace(/%(?:[89a-fA-F][0-9a-fA-F]|25)/g, ''))) return say('urlInvalid', { url });
  // Stryker disable next-line OptionalChaining: every part of the pattern is optional, so it always matches
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
