/**
 * The messages of prometheus/config, in English and Japanese. Where
 * Prometheus has words for a problem (`scrape timeout greater than scrape
 * interval`, `"x" is not a valid label name`), the message starts with them,
 * so that it can be searched for; what follows says what would be right.
 */
import type { Node } from 'yaml';
import type { Finding, Fix, Severity } from '../base/types';
import { messages } from '../l10n';
import { spanOf } from './model';

export const PROMETHEUS_CONFIG = 'prometheus/config';

const q = (value: string): string => JSON.stringify(value);

export const say = messages('prometheus/config', {
  en: {
    duration: (p: { where: string; got: string }) => `${p.where}: not a valid duration string: ${q(p.got)} (units y w d h m s ms, each once, in that order: 30s, 1m30s, 2h)`,
    nullSection: (p: { where: string; what: string }) => `${p.what}: ${p.where} has an item that is empty (null); remove the \`-\` or give it its settings`,
    schemeUnsupported: (p: { where: string; got: string }) => `${p.where}: scheme ${q(p.got)} is not one Prometheus can scrape with; every scrape of the job would fail (use http or https)`,
    globalTimeout: (p: { timeout: string; interval: string; inherited: boolean }) =>
      `global scrape timeout greater than scrape interval: scrape_timeout ${p.timeout} is longer than scrape_interval ${p.interval}${p.inherited ? " (Prometheus's default)" : ''}`,
    jobTimeout: (p: { job: string; timeout: string; interval: string; inherited: boolean }) =>
      `scrape timeout greater than scrape interval for scrape config with job name ${q(p.job)}: scrape_timeout ${p.timeout} is longer than scrape_interval ${p.interval}${p.inherited ? ' (inherited from global)' : ''}`,
    jobNameEmpty: (p: { where: string }) => `job_name is empty: ${p.where} needs a job_name, the job label of its series`,
    jobNameDuplicate: (p: { job: string; first: number }) => `found multiple scrape configs with job name ${q(p.job)}: scrape_configs[${p.first}] has it already; job names must be unique`,
    remoteNameDuplicate: (p: { kind: string; name: string }) => `found multiple ${p.kind} configs with name ${q(p.name)}: names must be unique`,
    remoteUrlEmpty: (p: { kind: string }) => `url for ${p.kind} is empty`,
    targetNotHost: (p: { target: string }) => `${q(p.target)} is not a valid hostname: a target is host:port`,
    targetUrl: (p: { target: string; host: string; scheme: string; path: string }) =>
      `${q(p.target)} is not a valid hostname: a target is host:port, here ${q(p.host)}${p.scheme ? `; the scheme goes in scheme: ${p.scheme}` : ''}${p.path ? `; the path goes in metrics_path: ${p.path}` : ''}`,
    targetFix: (p: { host: string }) => `Change to "${p.host}"`,
    targetEmpty: () => 'no address: an empty target is scraped from nowhere (write host:port)',
    labelName: (p: { name: string }) => `${q(p.name)} is not a valid label name (letters, digits and _, not starting with a digit)`,
    actionEmpty: () => 'relabel action cannot be empty (replace is the default: leave action out)',
    actionUnknown: (p: { action: string }) => `unknown relabel action ${q(p.action)}`,
    hashmodModulus: () => 'relabel configuration for hashmod requires non-zero modulus',
    requiresTarget: (p: { action: string }) => `relabel configuration for ${p.action} action requires 'target_label' value`,
    invalidTarget: (p: { value: string; action: string }) => `${q(p.value)} is invalid 'target_label' for ${p.action} action`,
    invalidReplacement: (p: { value: string; action: string }) => `${q(p.value)} is invalid 'replacement' for ${p.action} action`,
    replacementNotAllowed: (p: { action: string }) => `'replacement' can not be set for ${p.action} action`,
    onlyRegex: (p: { action: string; key: string }) => `${p.action} action requires only 'regex', and no other fields: remove ${p.key}`,
    onlySourceTarget: (p: { action: string; key: string }) => `${p.action} action requires only 'source_labels' and 'target_label', and no other fields: remove ${p.key}`,
    regex: (p: { error: string }) => `${p.error} (relabel regexes are RE2, anchored at both ends)`,
    exclusiveAuth: (p: { keys: string }) => `at most one of ${p.keys} must be configured`,
    bearerWithAuthorization: () => 'authorization is not compatible with bearer_token & bearer_token_file',
    authorizationBasic: () => 'authorization type cannot be set to "basic", use "basic_auth" instead',
    oauth2ClientId: () => 'oauth2 client_id must be configured',
    oauth2Secret: () => 'either oauth2 client_secret or client_secret_file must be configured',
    oauth2TokenUrl: () => 'oauth2 token_url must be configured',
    proxyConnectHeader: () => 'if proxy_connect_header is configured proxy_url must also be configured',
    certWithoutKey: (p: { file: string }) => `client cert file ${q(p.file)} specified without client key file`,
    keyWithoutCert: (p: { file: string }) => `client key file ${q(p.file)} specified without client cert file`,
    authorizationHeader: () => 'authorization header must be changed via the basic_auth, authorization, oauth2, or sigv4 parameter',
    reservedHeader: (p: { header: string }) => `${p.header} is a reserved header. It must not be changed`,
    fileSdEmpty: () => 'file service discovery config must contain at least one path name',
    fileSdPath: (p: { path: string }) => `path name ${q(p.path)} is not valid for file discovery (a .json, .yml or .yaml file; * only in the last path segment)`,
    dnsSdNames: () => 'DNS-SD config must contain at least one SRV record name',
    dnsSdPort: () => 'a port is required in DNS-SD configs for all record types except SRV',
    kubernetesExclusive: () => "cannot use 'kubeconfig_file' and 'api_server' simultaneously",
    httpSdScheme: (p: { url: string }) => `URL scheme must be 'http' or 'https': ${q(p.url)}`,
    ruleFilePath: (p: { path: string }) => `invalid rule file path ${q(p.path)}: * is allowed only in the last path segment`,
    ruleFileMissing: (p: { path: string; resolved: string }) => `${q(p.path)} does not point to an existing file (looked for ${p.resolved})`,
    ruleFileGlobEmpty: (p: { path: string; resolved: string }) => `${q(p.path)} matches no file (looked for ${p.resolved}): Prometheus loads no rules from it, silently`,
    containerDir: (p: { dir: string }) => ` (${p.dir} is the directory of this prometheus.yaml in the stack's container)`,
  },
  ja: {
    duration: (p) => `${p.where}: not a valid duration string: ${q(p.got)} (単位 y w d h m s ms をこの順に各 1 回: 30s、1m30s、2h)`,
    nullSection: (p) => `${p.what}: ${p.where} に空 (null) の要素があります。\`-\` を消すか設定を書いてください`,
    schemeUnsupported: (p) => `${p.where}: scheme ${q(p.got)} では Prometheus はスクレイプできず、ジョブのスクレイプはすべて失敗します (http か https を指定してください)`,
    globalTimeout: (p) =>
      `global scrape timeout greater than scrape interval: scrape_timeout ${p.timeout} が scrape_interval ${p.interval}${p.inherited ? ' (Prometheus の既定値)' : ''} より長くなっています`,
    jobTimeout: (p) =>
      `scrape timeout greater than scrape interval for scrape config with job name ${q(p.job)}: scrape_timeout ${p.timeout} が scrape_interval ${p.interval}${p.inherited ? ' (global から継承)' : ''} より長くなっています`,
    jobNameEmpty: (p) => `job_name is empty: ${p.where} には job_name (系列の job ラベル) が必要です`,
    jobNameDuplicate: (p) => `found multiple scrape configs with job name ${q(p.job)}: scrape_configs[${p.first}] が同じ名前を使っています。ジョブ名は一意にしてください`,
    remoteNameDuplicate: (p) => `found multiple ${p.kind} configs with name ${q(p.name)}: name は一意にしてください`,
    remoteUrlEmpty: (p) => `url for ${p.kind} is empty: url を指定してください`,
    targetNotHost: (p) => `${q(p.target)} is not a valid hostname: ターゲットは host:port で書きます`,
    targetUrl: (p) =>
      `${q(p.target)} is not a valid hostname: ターゲットは host:port で書きます (ここでは ${q(p.host)})${p.scheme ? `。スキームは scheme: ${p.scheme} に` : ''}${p.path ? `。パスは metrics_path: ${p.path} に` : ''}`,
    targetFix: (p) => `"${p.host}" に変更`,
    targetEmpty: () => 'no address: 空のターゲットはスクレイプできません (host:port を書いてください)',
    labelName: (p) => `${q(p.name)} is not a valid label name (ラベル名は英数字と _ で、数字では始まりません)`,
    actionEmpty: () => 'relabel action cannot be empty (既定は replace です。action を省略してください)',
    actionUnknown: (p) => `unknown relabel action ${q(p.action)}`,
    hashmodModulus: () => 'relabel configuration for hashmod requires non-zero modulus: hashmod には 0 でない modulus が必要です',
    requiresTarget: (p) => `relabel configuration for ${p.action} action requires 'target_label' value: ${p.action} には target_label が必要です`,
    invalidTarget: (p) => `${q(p.value)} is invalid 'target_label' for ${p.action} action`,
    invalidReplacement: (p) => `${q(p.value)} is invalid 'replacement' for ${p.action} action`,
    replacementNotAllowed: (p) => `'replacement' can not be set for ${p.action} action: ${p.action} では replacement を指定できません`,
    onlyRegex: (p) => `${p.action} action requires only 'regex', and no other fields: ${p.key} を削除してください`,
    onlySourceTarget: (p) => `${p.action} action requires only 'source_labels' and 'target_label', and no other fields: ${p.key} を削除してください`,
    regex: (p) => `${p.error} (relabel の正規表現は RE2 で、両端で固定されます)`,
    exclusiveAuth: (p) => `at most one of ${p.keys} must be configured: 認証方式は 1 つだけ指定してください`,
    bearerWithAuthorization: () => 'authorization is not compatible with bearer_token & bearer_token_file: authorization.credentials を使ってください',
    authorizationBasic: () => 'authorization type cannot be set to "basic", use "basic_auth" instead',
    oauth2ClientId: () => 'oauth2 client_id must be configured: client_id を指定してください',
    oauth2Secret: () => 'either oauth2 client_secret or client_secret_file must be configured: どちらか一方を指定してください',
    oauth2TokenUrl: () => 'oauth2 token_url must be configured: token_url を指定してください',
    proxyConnectHeader: () => 'if proxy_connect_header is configured proxy_url must also be configured: proxy_url を指定してください',
    certWithoutKey: (p) => `client cert file ${q(p.file)} specified without client key file: key_file も指定してください`,
    keyWithoutCert: (p) => `client key file ${q(p.file)} specified without client cert file: cert_file も指定してください`,
    authorizationHeader: () => 'authorization header must be changed via the basic_auth, authorization, oauth2, or sigv4 parameter: Authorization ヘッダーは認証設定で指定してください',
    reservedHeader: (p) => `${p.header} is a reserved header. It must not be changed: Prometheus 自身が設定するヘッダーです`,
    fileSdEmpty: () => 'file service discovery config must contain at least one path name: files を 1 つ以上指定してください',
    fileSdPath: (p) => `path name ${q(p.path)} is not valid for file discovery (.json / .yml / .yaml のファイルで、* は最後のパス要素にだけ使えます)`,
    dnsSdNames: () => 'DNS-SD config must contain at least one SRV record name: names を 1 つ以上指定してください',
    dnsSdPort: () => 'a port is required in DNS-SD configs for all record types except SRV: SRV 以外では port が必要です',
    kubernetesExclusive: () => "cannot use 'kubeconfig_file' and 'api_server' simultaneously: どちらか一方だけ指定してください",
    httpSdScheme: (p) => `URL scheme must be 'http' or 'https': ${q(p.url)}`,
    ruleFilePath: (p) => `invalid rule file path ${q(p.path)}: * は最後のパス要素にだけ使えます`,
    ruleFileMissing: (p) => `${q(p.path)} does not point to an existing file: ファイルが見つかりません (${p.resolved} を探しました)`,
    ruleFileGlobEmpty: (p) => `${q(p.path)} に一致するファイルがありません (${p.resolved} を探しました): Prometheus はエラーにせず、ルールを何も読み込みません`,
    containerDir: (p) => ` (${p.dir} はスタックのコンテナー内でこの prometheus.yaml があるディレクトリです)`,
  },
});

/** A finding of prometheus/config at a node. */
export function finding(node: Node | null | undefined, message: string, severity: Severity = 'error', fixes?: Fix[]): Finding {
  const [start, end] = spanOf(node);
  return { start, end, code: PROMETHEUS_CONFIG, message, severity, ...(fixes ? { fixes } : {}) };
}

/** The documentation of prometheus/config, shared by its checks' meta. */
export const PROMETHEUS_CONFIG_CODE = {
  code: PROMETHEUS_CONFIG,
  severity: 'error' as Severity,
  short: 'prometheus.yaml rejected',
  help: 'What `promtool check config` rejects in prometheus.yaml — unknown keys, types, durations, timeouts longer than intervals, job names, targets, labels, relabel rules, auth options, service discovery, rule_files — each at its node, all at once.',
  ja: {
    short: 'prometheus.yaml の設定エラー',
    help: '`promtool check config` が拒否する prometheus.yaml の誤り (未知のキー、型、期間、間隔より長いタイムアウト、ジョブ名、ターゲット、ラベル、relabel ルール、認証設定、サービスディスカバリー、rule_files) を、該当する箇所ですべて同時に報告します。',
  },
};
