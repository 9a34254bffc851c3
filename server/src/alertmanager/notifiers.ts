/**
 * `alertmanager/config`: what Alertmanager requires of the notifiers k1s0
 * does not use but a file may still hold, and of HTTP settings — email needs
 * `to`, and a smarthost (`host:port`) and `from` of its own or in global;
 * Slack an API URL, Opsgenie an API key (each of its own or in global);
 * PagerDuty a routing or service key; OAuth 2.0 a token URL and a client
 * secret; every URL Alertmanager parses is http(s) with a host.
 */
import { isMap, type Node, type Scalar, type YAMLMap } from 'yaml';
import type { Finding } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { CONFIG_CODE, configError } from './codes';
import { say } from './messages';
import { mapAt, mapsAt, scalarAt, text, timeIntervalsOf, type AlertmanagerFile } from './model';
import { urlProblem } from './receivers';

/** Keys holding URLs that Alertmanager parses, per kind of mapping. */
const URL_KEYS = {
  global: ['slack_api_url', 'pagerduty_url', 'opsgenie_api_url', 'wechat_api_url', 'victorops_api_url', 'telegram_api_url', 'webex_api_url'],
  slack_configs: ['api_url'],
  pagerduty_configs: ['url'],
  opsgenie_configs: ['api_url'],
} as const;

export function checkNotifiers(file: AlertmanagerFile): Finding[] {
  const findings: Finding[] = [];
  const global = mapAt(file.root, 'global');
  const firstKey = (map: YAMLMap): Node => (map.items[0]?.key as Node | undefined) ?? map;
  findings.push(...checkUrls(global, URL_KEYS.global));
  const smarthost = scalarAt(global, 'smtp_smarthost');
  if (smarthost) findings.push(...checkHostPort(smarthost));
  findings.push(...checkHttpConfig(mapAt(global, 'http_config')));
  for (const { node: receiver, index } of mapsAt(file.root, 'receivers')) {
    for (const [key, configs] of Object.entries({
      email_configs: mapsAt(receiver, 'email_configs'),
      slack_configs: mapsAt(receiver, 'slack_configs'),
      pagerduty_configs: mapsAt(receiver, 'pagerduty_configs'),
      opsgenie_configs: mapsAt(receiver, 'opsgenie_configs'),
    })) {
      for (const { node, index: at } of configs) {
        const where = `receivers[${index}].${key}[${at}]`;
        if (key === 'email_configs') {
          if (!isSet(node, 'to')) findings.push(configError(firstKey(node), say('missingField', { where, what: '"to"' })));
          const own = scalarAt(node, 'smarthost');
          if (own) findings.push(...checkHostPort(own));
          else if (!smarthost) findings.push(configError(firstKey(node), say('missingOrGlobal', { where, what: '"smarthost"', global: 'smtp_smarthost' })));
          if (!isSet(node, 'from') && !isSet(global, 'smtp_from')) findings.push(configError(firstKey(node), say('missingOrGlobal', { where, what: '"from"', global: 'smtp_from' })));
        } else if (key === 'slack_configs') {
          if (!isSet(node, 'api_url', 'api_url_file') && !isSet(global, 'slack_api_url', 'slack_api_url_file'))
            findings.push(configError(firstKey(node), say('missingOrGlobal', { where, what: '"api_url"', global: 'slack_api_url' })));
        } else if (key === 'pagerduty_configs') {
          if (!isSet(node, 'routing_key', 'routing_key_file', 'service_key', 'service_key_file'))
            findings.push(configError(firstKey(node), say('missingField', { where, what: '"routing_key" or "service_key"' })));
        } else if (!isSet(node, 'api_key', 'api_key_file') && !isSet(global, 'opsgenie_api_key', 'opsgenie_api_key_file')) {
          findings.push(configError(firstKey(node), say('missingOrGlobal', { where, what: '"api_key"', global: 'opsgenie_api_key' })));
        }
        if (key in URL_KEYS) findings.push(...checkUrls(node, URL_KEYS[key as keyof typeof URL_KEYS]));
      }
    }
    for (const pair of receiver.items) {
      if (!String((pair.key as { value?: unknown }).value).endsWith('_configs')) continue;
      for (const { node } of mapsAt(receiver, String((pair.key as { value?: unknown }).value))) findings.push(...checkHttpConfig(mapAt(node, 'http_config')));
    }
  }
  for (const interval of timeIntervalsOf(file)) {
    if (interval.name === '') findings.push(configError(interval.nameNode, say('emptyIntervalName', { where: `${interval.list}[${interval.index}]` })));
  }
  return findings;
}

/** Whether one of the keys has a value: Go reads an empty string as unset. */
function isSet(map: YAMLMap | undefined, ...keys: string[]): boolean {
  return keys.some((key) => {
    const value = scalarAt(map, key);
    return value !== undefined && text(value) !== '';
  });
}

function checkUrls(map: YAMLMap | undefined, keys: readonly string[]): Finding[] {
  return keys.flatMap((key) => {
    const value = scalarAt(map, key);
    const problem = value ? urlProblem(text(value)) : undefined;
    return value && problem ? [configError(value, problem)] : [];
  });
}

/** Go's net.SplitHostPort, with the port Alertmanager requires. */
function checkHostPort(value: Scalar): Finding[] {
  const address = text(value);
  if (address === '') return [];
  const match = /^(?:\[[^\]]*\]|[^:[\]]*):([^:[\]]*)$/.exec(address);
  return match && match[1] !== '' ? [] : [configError(value, say('badHostPort', { value: address }))];
}

function checkHttpConfig(http: YAMLMap | undefined): Finding[] {
  const oauth2 = mapAt(http, 'oauth2');
  if (!oauth2 || !isMap(oauth2) || isSet(oauth2, 'client_secret', 'client_secret_file')) return [];
  return [configError((oauth2.items[0]?.key as Node | undefined) ?? oauth2, say('missingField', { where: 'oauth2', what: '"client_secret" or "client_secret_file"' }))];
}

export const alertmanagerNotifiersCheck: FileCheck<AlertmanagerFile> = {
  meta: {
    name: 'alertmanager/notifiers',
    on: 'file',
    fileKinds: ['alertmanager'],
    description: "what Alertmanager requires of email, Slack, PagerDuty and Opsgenie receivers (their own settings or global's), OAuth 2.0 settings, URLs and time interval names",
    codes: [CONFIG_CODE],
  },
  run: (file) => checkNotifiers(file),
};
