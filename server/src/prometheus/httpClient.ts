/**
 * prometheus/config, HTTP clients (scrape jobs, Alertmanagers, remote write
 * and read, Kubernetes and HTTP discovery): the auth options that exclude each
 * other, what each needs (oauth2's client_id, secret and token_url; a client
 * certificate's key), `proxy_connect_header` without `proxy_url`, and remote
 * write headers Prometheus sets itself. As Prometheus's common/config
 * validates them, in its words, each at the key to remove or the block to
 * complete.
 */
import { isMap, type Node, type YAMLMap } from 'yaml';
import type { Finding } from '../base/types';
import type { FileCheck } from '../workspace/fileKind';
import { finding, PROMETHEUS_CONFIG_CODE, say } from './messages';
import { pairOf, textOf, valueOf, type PrometheusConfigModel } from './model';
import { httpClients } from './walk';

/** Headers remote write sets itself (config.go's reservedHeaders). */
const RESERVED_HEADERS = new Set([
  'host',
  'content-encoding',
  'content-length',
  'content-type',
  'user-agent',
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'www-authenticate',
  'accept-encoding',
  'x-prometheus-remote-write-version',
  'x-prometheus-remote-read-version',
]);

/** A key written with a value (a null value is Go's zero value: not set). */
function has(map: unknown, key: string): boolean {
  const node = valueOf(map, key);
  if (node === undefined || node === null) return false;
  const text = textOf(node);
  // A mapping or a list has no value, so it is set; a scalar is set unless null or empty.
  return text === undefined ? (node as { value?: unknown }).value !== null : text !== '';
}

const keyOf = (map: unknown, key: string): Node | undefined => pairOf(map, key)?.key;

function checkTls(tls: unknown): Finding[] {
  if (!isMap(tls)) return [];
  const cert = textOf(valueOf(tls, 'cert_file')) ?? '';
  const key = textOf(valueOf(tls, 'key_file')) ?? '';
  if (cert !== '' && key === '') return [finding(keyOf(tls, 'cert_file'), say('certWithoutKey', { file: cert }))];
  if (key !== '' && cert === '') return [finding(keyOf(tls, 'key_file'), say('keyWithoutCert', { file: key }))];
  return [];
}

function checkClient(client: YAMLMap, kind: string): Finding[] {
  const findings: Finding[] = [];
  const bearer = has(client, 'bearer_token');
  const bearerFile = has(client, 'bearer_token_file');
  const basic = valueOf(client, 'basic_auth');
  const authorization = valueOf(client, 'authorization');
  const oauth2 = valueOf(client, 'oauth2');
  const sigv4 = kind === 'remote_write' && has(client, 'sigv4');
  if (bearer && bearerFile) findings.push(finding(keyOf(client, 'bearer_token_file'), say('exclusiveAuth', { keys: 'bearer_token & bearer_token_file' })));
  if ((isMap(basic) || isMap(oauth2)) && (bearer || bearerFile) && !isMap(authorization)) {
    findings.push(finding(keyOf(client, bearer ? 'bearer_token' : 'bearer_token_file'), say('exclusiveAuth', { keys: 'basic_auth, oauth2, bearer_token & bearer_token_file' })));
  }
  if (isMap(basic) && has(basic, 'password') && has(basic, 'password_file'))
    findings.push(finding(keyOf(basic, 'password_file'), say('exclusiveAuth', { keys: 'basic_auth password & password_file' })));
  if (isMap(authorization)) {
    if (bearer || bearerFile) findings.push(finding(keyOf(client, bearer ? 'bearer_token' : 'bearer_token_file'), say('bearerWithAuthorization')));
    if (has(authorization, 'credentials') && has(authorization, 'credentials_file')) {
      findings.push(finding(keyOf(authorization, 'credentials_file'), say('exclusiveAuth', { keys: 'authorization credentials & credentials_file' })));
    }
    if ((textOf(valueOf(authorization, 'type')) ?? '').trim().toLowerCase() === 'basic') findings.push(finding(valueOf(authorization, 'type'), say('authorizationBasic')));
    if (isMap(basic) || isMap(oauth2)) findings.push(finding(keyOf(client, 'authorization'), say('exclusiveAuth', { keys: 'basic_auth, oauth2 & authorization' })));
  }
  if (isMap(oauth2)) {
    if (isMap(basic) && !isMap(authorization)) findings.push(finding(keyOf(client, 'oauth2'), say('exclusiveAuth', { keys: 'basic_auth, oauth2 & authorization' })));
    const at = keyOf(client, 'oauth2');
    if (!has(oauth2, 'client_id')) findings.push(finding(at, say('oauth2ClientId')));
    if (!has(oauth2, 'client_secret') && !has(oauth2, 'client_secret_file')) findings.push(finding(at, say('oauth2Secret')));
    if (!has(oauth2, 'token_url')) findings.push(finding(at, say('oauth2TokenUrl')));
    if (has(oauth2, 'client_secret') && has(oauth2, 'client_secret_file'))
      findings.push(finding(keyOf(oauth2, 'client_secret_file'), say('exclusiveAuth', { keys: 'oauth2 client_secret & client_secret_file' })));
    findings.push(...checkTls(valueOf(oauth2, 'tls_config')));
  }
  if (sigv4 && (isMap(basic) || isMap(authorization) || isMap(oauth2))) findings.push(finding(keyOf(client, 'sigv4'), say('exclusiveAuth', { keys: 'basic_auth, authorization, oauth2, & sigv4' })));
  const connect = valueOf(client, 'proxy_connect_header');
  if (isMap(connect) && connect.items.length > 0 && !has(client, 'proxy_url')) findings.push(finding(keyOf(client, 'proxy_connect_header'), say('proxyConnectHeader')));
  findings.push(...checkTls(valueOf(client, 'tls_config')));
  const headers = valueOf(client, 'headers');
  if ((kind === 'remote_write' || kind === 'remote_read') && isMap(headers)) {
    for (const pair of headers.items) {
      const name = (textOf(pair.key) ?? '').toLowerCase();
      if (name === 'authorization') findings.push(finding(pair.key as Node, say('authorizationHeader')));
      else if (RESERVED_HEADERS.has(name)) findings.push(finding(pair.key as Node, say('reservedHeader', { header: textOf(pair.key) ?? '' })));
    }
  }
  return findings;
}

export function checkHttpClients(model: PrometheusConfigModel): Finding[] {
  if (!model.clean) return [];
  const findings = httpClients(model).flatMap((client) => checkClient(client.node, client.kind));
  findings.push(...checkTls(valueOf(valueOf(model.root, 'tracing'), 'tls_config')));
  return findings;
}

export const prometheusHttpClientCheck: FileCheck<PrometheusConfigModel> = {
  meta: {
    name: 'prometheus/httpClient',
    on: 'file',
    fileKinds: ['prometheus'],
    description:
      'prometheus.yaml: auth options that exclude each other (basic_auth, authorization, oauth2, bearer_token, sigv4), incomplete oauth2 or client certificates, proxy and header settings Prometheus refuses',
    codes: [PROMETHEUS_CONFIG_CODE],
  },
  run: checkHttpClients,
};
