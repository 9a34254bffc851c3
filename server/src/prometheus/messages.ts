/**
 * The messages of prometheus/config, in English and Japanese. Where
 * Prometheus has words for a problem (`scrape timeout greater than scrape
 * interval`, `"x" is not a valid label name`), they are kept word for word
 * (PROM below), so that they can be searched for: English starts with them
 * and then says what would be right; Japanese says the problem and what
 * would be right in its own sentence first and keeps Prometheus's words at
 * the end in full-width parentheses,
 * `"x" はホスト名として正しくありません。…（Prometheus: "x" is not a valid hostname）`.
 */
import type { Node } from 'yaml';
import type { Finding, Fix, Severity } from '../base/types';
import { messages } from '../l10n';
import { spanOf } from './model';

export const PROMETHEUS_CONFIG = 'prometheus/config';

const q = (value: string): string => JSON.stringify(value);

/** Prometheus's own words for a problem (config.go, relabel.go, the SD configs, promtool), shared by both languages. */
const PROM = {
  duration: (got: string) => `not a valid duration string: ${q(got)}`,
  globalTimeout: () => 'global scrape timeout greater than scrape interval',
  jobTimeout: (job: string) => `scrape timeout greater than scrape interval for scrape config with job name ${q(job)}`,
  jobNameEmpty: () => 'job_name is empty',
  jobNameDuplicate: (job: string) => `found multiple scrape configs with job name ${q(job)}`,
  remoteNameDuplicate: (kind: string, name: string) => `found multiple ${kind} configs with name ${q(name)}`,
  remoteUrlEmpty: (kind: string) => `url for ${kind} is empty`,
  hostname: (target: string) => `${q(target)} is not a valid hostname`,
  noAddress: () => 'no address',
  labelName: (name: string) => `${q(name)} is not a valid label name`,
  actionEmpty: () => 'relabel action cannot be empty',
  actionUnknown: (action: string) => `unknown relabel action ${q(action)}`,
  hashmodModulus: () => 'relabel configuration for hashmod requires non-zero modulus',
  requiresTarget: (action: string) => `relabel configuration for ${action} action requires 'target_label' value`,
  invalidTarget: (value: string, action: string) => `${q(value)} is invalid 'target_label' for ${action} action`,
  invalidReplacement: (value: string, action: string) => `${q(value)} is invalid 'replacement' for ${action} action`,
  replacementNotAllowed: (action: string) => `'replacement' can not be set for ${action} action`,
  onlyRegex: (action: string) => `${action} action requires only 'regex', and no other fields`,
  onlySourceTarget: (action: string) => `${action} action requires only 'source_labels' and 'target_label', and no other fields`,
  exclusiveAuth: (keys: string) => `at most one of ${keys} must be configured`,
  bearerWithAuthorization: () => 'authorization is not compatible with bearer_token & bearer_token_file',
  authorizationBasic: () => 'authorization type cannot be set to "basic", use "basic_auth" instead',
  oauth2ClientId: () => 'oauth2 client_id must be configured',
  oauth2Secret: () => 'either oauth2 client_secret or client_secret_file must be configured',
  oauth2TokenUrl: () => 'oauth2 token_url must be configured',
  proxyConnectHeader: () => 'if proxy_connect_header is configured proxy_url must also be configured',
  certWithoutKey: (file: string) => `client cert file ${q(file)} specified without client key file`,
  keyWithoutCert: (file: string) => `client key file ${q(file)} specified without client cert file`,
  authorizationHeader: () => 'authorization header must be changed via the basic_auth, authorization, oauth2, or sigv4 parameter',
  reservedHeader: (header: string) => `${header} is a reserved header. It must not be changed`,
  fileSdEmpty: () => 'file service discovery config must contain at least one path name',
  fileSdPath: (path: string) => `path name ${q(path)} is not valid for file discovery`,
  dnsSdNames: () => 'DNS-SD config must contain at least one SRV record name',
  dnsSdPort: () => 'a port is required in DNS-SD configs for all record types except SRV',
  kubernetesExclusive: () => "cannot use 'kubeconfig_file' and 'api_server' simultaneously",
  httpSdScheme: (url: string) => `URL scheme must be 'http' or 'https': ${q(url)}`,
  ruleFilePath: (path: string) => `invalid rule file path ${q(path)}`,
  ruleFileMissing: (path: string) => `${q(path)} does not point to an existing file`,
};

/** Japanese: its own sentence, then Prometheus's words in full-width parentheses. */
const prom = (ja: string, words: string): string => `${ja}（Prometheus: ${words}）`;

export const say = messages('prometheus/config', {
  en: {
    duration: (p: { where: string; got: string }) => `${p.where}: ${PROM.duration(p.got)} (units y w d h m s ms, each once, in that order: 30s, 1m30s, 2h)`,
    nullSection: (p: { where: string; what: string }) => `${p.what}: ${p.where} has an item that is empty (null); remove the \`-\` or give it its settings`,
    schemeUnsupported: (p: { where: string; got: string }) => `${p.where}: scheme ${q(p.got)} is not one Prometheus can scrape with; every scrape of the job would fail (use http or https)`,
    globalTimeout: (p: { timeout: string; interval: string; inherited: boolean }) =>
      `${PROM.globalTimeout()}: scrape_timeout ${p.timeout} is longer than scrape_interval ${p.interval}${p.inherited ? " (Prometheus's default)" : ''}`,
    jobTimeout: (p: { job: string; timeout: string; interval: string; inherited: boolean }) =>
      `${PROM.jobTimeout(p.job)}: scrape_timeout ${p.timeout} is longer than scrape_interval ${p.interval}${p.inherited ? ' (inherited from global)' : ''}`,
    jobNameEmpty: (p: { where: string }) => `${PROM.jobNameEmpty()}: ${p.where} needs a job_name, the job label of its series`,
    jobNameDuplicate: (p: { job: string; first: number }) => `${PROM.jobNameDuplicate(p.job)}: scrape_configs[${p.first}] has it already; job names must be unique`,
    remoteNameDuplicate: (p: { kind: string; name: string }) => `${PROM.remoteNameDuplicate(p.kind, p.name)}: names must be unique`,
    remoteUrlEmpty: (p: { kind: string }) => PROM.remoteUrlEmpty(p.kind),
    targetNotHost: (p: { target: string }) => `${PROM.hostname(p.target)}: a target is host:port`,
    targetUrl: (p: { target: string; host: string; scheme: string; path: string }) =>
      `${PROM.hostname(p.target)}: a target is host:port, here ${q(p.host)}${p.scheme ? `; the scheme goes in scheme: ${p.scheme}` : ''}${p.path ? `; the path goes in metrics_path: ${p.path}` : ''}`,
    targetFix: (p: { host: string }) => `Change to "${p.host}"`,
    targetEmpty: () => `${PROM.noAddress()}: an empty target is scraped from nowhere (write host:port)`,
    labelName: (p: { name: string }) => `${PROM.labelName(p.name)} (letters, digits and _, not starting with a digit)`,
    actionEmpty: () => `${PROM.actionEmpty()} (replace is the default: leave action out)`,
    actionUnknown: (p: { action: string }) => PROM.actionUnknown(p.action),
    hashmodModulus: () => PROM.hashmodModulus(),
    requiresTarget: (p: { action: string }) => PROM.requiresTarget(p.action),
    invalidTarget: (p: { value: string; action: string }) => PROM.invalidTarget(p.value, p.action),
    invalidReplacement: (p: { value: string; action: string }) => PROM.invalidReplacement(p.value, p.action),
    replacementNotAllowed: (p: { action: string }) => PROM.replacementNotAllowed(p.action),
    onlyRegex: (p: { action: string; key: string }) => `${PROM.onlyRegex(p.action)}: remove ${p.key}`,
    onlySourceTarget: (p: { action: string; key: string }) => `${PROM.onlySourceTarget(p.action)}: remove ${p.key}`,
    regex: (p: { error: string }) => `${p.error} (relabel regexes are RE2, anchored at both ends)`,
    exclusiveAuth: (p: { keys: string }) => PROM.exclusiveAuth(p.keys),
    bearerWithAuthorization: () => PROM.bearerWithAuthorization(),
    authorizationBasic: () => PROM.authorizationBasic(),
    oauth2ClientId: () => PROM.oauth2ClientId(),
    oauth2Secret: () => PROM.oauth2Secret(),
    oauth2TokenUrl: () => PROM.oauth2TokenUrl(),
    proxyConnectHeader: () => PROM.proxyConnectHeader(),
    certWithoutKey: (p: { file: string }) => PROM.certWithoutKey(p.file),
    keyWithoutCert: (p: { file: string }) => PROM.keyWithoutCert(p.file),
    authorizationHeader: () => PROM.authorizationHeader(),
    reservedHeader: (p: { header: string }) => PROM.reservedHeader(p.header),
    fileSdEmpty: () => PROM.fileSdEmpty(),
    fileSdPath: (p: { path: string }) => `${PROM.fileSdPath(p.path)} (a .json, .yml or .yaml file; * only in the last path segment)`,
    dnsSdNames: () => PROM.dnsSdNames(),
    dnsSdPort: () => PROM.dnsSdPort(),
    kubernetesExclusive: () => PROM.kubernetesExclusive(),
    httpSdScheme: (p: { url: string }) => PROM.httpSdScheme(p.url),
    ruleFilePath: (p: { path: string }) => `${PROM.ruleFilePath(p.path)}: * is allowed only in the last path segment`,
    ruleFileMissing: (p: { path: string; resolved: string }) => `${PROM.ruleFileMissing(p.path)} (looked for ${p.resolved})`,
    ruleFileGlobEmpty: (p: { path: string; resolved: string }) => `${q(p.path)} matches no file (looked for ${p.resolved}): Prometheus loads no rules from it, silently`,
    containerDir: (p: { dir: string }) => ` (${p.dir} is the directory of this prometheus.yaml in the stack's container)`,
  },
  ja: {
    duration: (p) => prom(`${p.where}: ${q(p.got)} は期間として正しくありません。30s、1m30s、2h のように、単位 y w d h m s ms をこの順に、それぞれ 1 回まで使います`, PROM.duration(p.got)),
    nullSection: (p) => `${p.what}: ${p.where} に空（null）の要素があります。\`-\` を消すか設定を書いてください`,
    schemeUnsupported: (p) => `${p.where}: scheme ${q(p.got)} では Prometheus はスクレイプできず、ジョブのスクレイプはすべて失敗します。http か https を指定してください`,
    globalTimeout: (p) => prom(`global の scrape_timeout ${p.timeout} が scrape_interval ${p.interval}${p.inherited ? '（Prometheus の既定値）' : ' '}より長くなっています`, PROM.globalTimeout()),
    jobTimeout: (p) =>
      prom(`ジョブ ${q(p.job)} の scrape_timeout ${p.timeout} が scrape_interval ${p.interval}${p.inherited ? '（global から継承）' : ' '}より長くなっています`, PROM.jobTimeout(p.job)),
    jobNameEmpty: (p) => prom(`${p.where} の job_name がないか空です。job_name は系列の job ラベルになるため必須です`, PROM.jobNameEmpty()),
    jobNameDuplicate: (p) =>
      prom(`ジョブ名 ${q(p.job)} のスクレイプ設定が複数あります。scrape_configs[${p.first}] が同じジョブ名を使っています。ジョブ名は一意にしてください`, PROM.jobNameDuplicate(p.job)),
    remoteNameDuplicate: (p) => prom(`name ${q(p.name)} の ${p.kind} 設定が複数あります。name は一意にしてください`, PROM.remoteNameDuplicate(p.kind, p.name)),
    remoteUrlEmpty: (p) => prom(`${p.kind} の url が空です。url を指定してください`, PROM.remoteUrlEmpty(p.kind)),
    targetNotHost: (p) => prom(`${q(p.target)} はホスト名として正しくありません。ターゲットは host:port で書きます`, PROM.hostname(p.target)),
    targetUrl: (p) => {
      const moves = [p.scheme ? `スキームは scheme: ${p.scheme}` : '', p.path ? `パスは metrics_path: ${p.path}` : ''].filter(Boolean);
      return prom(
        `${q(p.target)} はホスト名として正しくありません。ターゲットは host:port の形で、ここでは ${q(p.host)} と書きます${moves.length ? `。${moves.join(' に、')} に書きます` : ''}`,
        PROM.hostname(p.target),
      );
    },
    targetFix: (p) => `"${p.host}" に変更`,
    targetEmpty: () => prom('ターゲットが空です。空のターゲットはスクレイプできないため、host:port を書いてください', PROM.noAddress()),
    labelName: (p) => prom(`${q(p.name)} はラベル名として正しくありません。ラベル名は英数字と _ で書き、先頭に数字は使えません`, PROM.labelName(p.name)),
    actionEmpty: () => prom('relabel の action が空です。既定の replace にするには action を省略してください', PROM.actionEmpty()),
    actionUnknown: (p) => prom(`relabel の action ${q(p.action)} は存在しません`, PROM.actionUnknown(p.action)),
    hashmodModulus: () => prom('action hashmod には 0 でない modulus が必要です', PROM.hashmodModulus()),
    requiresTarget: (p) => prom(`action ${p.action} には target_label が必要です`, PROM.requiresTarget(p.action)),
    invalidTarget: (p) => prom(`${q(p.value)} は action ${p.action} の target_label として正しくありません`, PROM.invalidTarget(p.value, p.action)),
    invalidReplacement: (p) => prom(`${q(p.value)} は action ${p.action} の replacement として正しくありません`, PROM.invalidReplacement(p.value, p.action)),
    replacementNotAllowed: (p) => prom(`action ${p.action} では replacement を指定できません`, PROM.replacementNotAllowed(p.action)),
    onlyRegex: (p) => prom(`action ${p.action} に指定できるのは regex だけです。${p.key} を削除してください`, PROM.onlyRegex(p.action)),
    onlySourceTarget: (p) => prom(`action ${p.action} に指定できるのは source_labels と target_label だけです。${p.key} を削除してください`, PROM.onlySourceTarget(p.action)),
    regex: (p) => prom('regex が正規表現として正しくありません。relabel の正規表現は RE2 で、両端で固定されます', p.error),
    exclusiveAuth: (p) => prom(`${p.keys} のうち指定できるのは 1 つだけです`, PROM.exclusiveAuth(p.keys)),
    bearerWithAuthorization: () => prom('authorization と bearer_token / bearer_token_file は同時に指定できません。authorization.credentials を使ってください', PROM.bearerWithAuthorization()),
    authorizationBasic: () => prom('authorization の type に "basic" は指定できません。basic_auth を使ってください', PROM.authorizationBasic()),
    oauth2ClientId: () => prom('oauth2 の client_id を指定してください', PROM.oauth2ClientId()),
    oauth2Secret: () => prom('oauth2 の client_secret か client_secret_file のどちらかを指定してください', PROM.oauth2Secret()),
    oauth2TokenUrl: () => prom('oauth2 の token_url を指定してください', PROM.oauth2TokenUrl()),
    proxyConnectHeader: () => prom('proxy_connect_header を指定するときは proxy_url も指定してください', PROM.proxyConnectHeader()),
    certWithoutKey: (p) => prom(`cert_file ${q(p.file)} を指定するときは key_file も指定してください`, PROM.certWithoutKey(p.file)),
    keyWithoutCert: (p) => prom(`key_file ${q(p.file)} を指定するときは cert_file も指定してください`, PROM.keyWithoutCert(p.file)),
    authorizationHeader: () => prom('Authorization ヘッダーは headers では変更できません。basic_auth、authorization、oauth2、sigv4 のいずれかで指定してください', PROM.authorizationHeader()),
    reservedHeader: (p) => prom(`${p.header} は Prometheus 自身が設定する予約済みのヘッダーのため、変更できません`, PROM.reservedHeader(p.header)),
    fileSdEmpty: () => prom('file_sd_configs の files にパスを 1 つ以上指定してください', PROM.fileSdEmpty()),
    fileSdPath: (p) => prom(`パス名 ${q(p.path)} はファイルディスカバリーに使えません。.json、.yml、.yaml のファイルを指定し、* は最後のパス要素にだけ使えます`, PROM.fileSdPath(p.path)),
    dnsSdNames: () => prom('dns_sd_configs の names にレコード名を 1 つ以上指定してください', PROM.dnsSdNames()),
    dnsSdPort: () => prom('SRV 以外のレコードタイプでは port を指定してください', PROM.dnsSdPort()),
    kubernetesExclusive: () => prom('kubeconfig_file と api_server は同時に指定できません。どちらか一方だけにしてください', PROM.kubernetesExclusive()),
    httpSdScheme: (p) => prom(`URL ${q(p.url)} のスキームは http か https にしてください`, PROM.httpSdScheme(p.url)),
    ruleFilePath: (p) => prom(`ルールファイルのパス ${q(p.path)} が正しくありません。* は最後のパス要素にだけ使えます`, PROM.ruleFilePath(p.path)),
    ruleFileMissing: (p) => prom(`${q(p.path)} のファイルが見つかりません。${p.resolved} を探しました`, PROM.ruleFileMissing(p.path)),
    ruleFileGlobEmpty: (p) => `${q(p.path)} に一致するファイルがありません。${p.resolved} を探しました。Prometheus はエラーにせず、ルールを何も読み込みません`,
    containerDir: (p) => `（${p.dir} はスタックのコンテナー内でこの prometheus.yaml があるディレクトリです）`,
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
