/** What the Grafana provisioning checks say (datasources and dashboard providers). */
import { messages } from '../l10n';

type FieldType = 'string' | 'int' | 'bool' | 'map' | 'list';
const TYPE_EN: Record<FieldType, string> = { string: 'a string', int: 'an integer', bool: 'a boolean (true or false)', map: 'a mapping', list: 'a list' };
const TYPE_JA: Record<FieldType, string> = { string: '文字列', int: '整数', bool: '真偽値（true または false）', map: 'マッピング', list: 'リスト' };

/** The place a finding is about, as `where` names it. */
export type Place =
  | { kind: 'datasourcesFile' }
  | { kind: 'deleteEntry' }
  | { kind: 'datasource'; name?: string }
  | { kind: 'derivedField'; name?: string }
  | { kind: 'providersFile' }
  | { kind: 'provider'; name?: string }
  | { kind: 'providerOptions'; name?: string };

function placeEn(p: Place): string {
  switch (p.kind) {
    case 'datasourcesFile':
      return 'the datasources file';
    case 'deleteEntry':
      return 'a deleteDatasources entry';
    case 'datasource':
      return p.name ? `datasource "${p.name}"` : 'a datasource';
    case 'derivedField':
      return p.name ? `derived field "${p.name}"` : 'a derived field';
    case 'providersFile':
      return 'the dashboard providers file';
    case 'provider':
      return p.name ? `provider "${p.name}"` : 'a provider';
    case 'providerOptions':
      return `${p.name ? `provider "${p.name}"` : 'a provider'}.options`;
  }
}

function placeJa(p: Place): string {
  switch (p.kind) {
    case 'datasourcesFile':
      return 'データソースのファイル';
    case 'deleteEntry':
      return 'deleteDatasources の項目';
    case 'datasource':
      return p.name ? `データソース "${p.name}"` : 'データソース';
    case 'derivedField':
      return p.name ? `派生フィールド "${p.name}"` : '派生フィールド';
    case 'providersFile':
      return 'ダッシュボードプロバイダーのファイル';
    case 'provider':
      return p.name ? `プロバイダー "${p.name}"` : 'プロバイダー';
    case 'providerOptions':
      return `${p.name ? `プロバイダー "${p.name}"` : 'プロバイダー'} の options`;
  }
}

const en = {
  fixChangeQuoted: (p: { to: string }) => `Change to "${p.to}"`,
  unknownField: (p: { key: string; where: Place; suggestion?: string; known: readonly string[] }) =>
    `Unknown field "${p.key}" in ${placeEn(p.where)}${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''} Grafana ignores it (known: ${p.known.join(', ')}).`,
  wrongType: (p: { where: Place; key: string; type: FieldType; got: string; value?: string }) =>
    `${placeEn(p.where)}.${p.key} must be ${TYPE_EN[p.type]}; got ${p.got}${p.value !== undefined ? ` ${p.value}` : ''}.`,
  notInEnum: (p: { where: Place; key: string; values: readonly string[]; got: string; suggestion?: string }) =>
    `${placeEn(p.where)}.${p.key} must be one of ${p.values.join(', ')}; got "${p.got}"${p.suggestion ? ` (did you mean "${p.suggestion}"?)` : ''}.`,
  missing: (p: { where: Place; key: string }) => `${placeEn(p.where)} has no "${p.key}"; Grafana needs it.`,

  datasourceNotMapping: () => 'A datasource must be a mapping with at least "name" and "type".',
  noUrl: (p: { where: Place; type: string; port: string }) =>
    `${placeEn(p.where)} (${p.type}) has no "url"; Grafana provisions it, but every query fails. Give the server's address, e.g. url: http://${p.type}:${p.port}.`,
  badUrl: (p: { where: Place; problem: string }) => `${placeEn(p.where)}: url ${p.problem}`,
  urlEmpty: () => 'is empty; give the server address, e.g. http://prometheus:9090.',
  urlNoScheme: (p: { url: string; example: string }) => `"${p.url}" has no scheme; Grafana needs an absolute URL such as http://${p.example}.`,
  urlMalformed: (p: { url: string }) => `"${p.url}" is not a well-formed URL.`,
  urlScheme: (p: { url: string; scheme: string }) => `"${p.url}" uses ${p.scheme}; Grafana's HTTP datasources need http or https.`,
  urlNoHost: (p: { url: string }) => `"${p.url}" names no host.`,
  duplicateField: (p: { org: string; key: 'name' | 'uid'; value: string }) =>
    `Another datasource of org ${p.org} already has ${p.key} "${p.value}"; ${p.key === 'uid' ? 'uids' : 'names'} must be unique, or one datasource silently replaces the other.`,
  twoDefaults: (p: { name: string; org: string }) => `Datasource "${p.name}" is already the default of org ${p.org}; Grafana refuses a provisioning file with two defaults in one organisation.`,
  derivedNotList: () => 'jsonData.derivedFields must be a list of derived fields.',
  derivedNotMapping: () => 'A derived field must be a mapping with "name" and "matcherRegex".',
  unknownUid: (p: { where: Place; uid: string; known: readonly string[] }) =>
    `${placeEn(p.where)} links to datasourceUid "${p.uid}", but no datasource in this file has that uid (${p.known.length ? `uids: ${p.known.join(', ')}` : 'none sets a uid'}); the trace link would lead nowhere. Set uid: ${p.uid} on the target datasource.`,
  badRegex: (p: { where: Place; problem: string }) => `${placeEn(p.where)}: matcherRegex ${p.problem}`,
  regexNotCompiling: (p: { error: string }) => `does not compile: ${p.error}.`,
  regexNoGroup: () => 'has no capture group; Grafana takes the value of the link from the first group, e.g. "trace_id":"(\\w+)".',
  dataLinkVariable: (p: { variable: string }) =>
    `Provisioning reads ${p.variable} as an environment variable and replaces it (with nothing, usually) before Grafana sees it; write $${p.variable} to keep the data-link variable.`,
  fixEscape: (p: { variable: string }) => `Escape as $${p.variable}`,

  providerNotMapping: () => 'A dashboard provider must be a mapping with "name", "type" and "options.path".',
  duplicateProvider: (p: { name: string }) => `Another dashboard provider is already named "${p.name}"; provider names must be unique.`,
  negativeInterval: (p: { where: Place; value: number }) => `${placeEn(p.where)}.updateIntervalSeconds must be 0 or more; got ${p.value}.`,
  noOptions: (p: { where: Place }) => `${placeEn(p.where)} has no "options"; a file provider needs options.path, the directory Grafana reads dashboards from.`,
  folderAndFromFiles: (p: { where: Place; key: string }) =>
    `${placeEn(p.where)} sets both ${p.key} and options.foldersFromFilesStructure; Grafana refuses the provider. Drop ${p.key}, or set foldersFromFilesStructure: false.`,
};

export const say = messages('provisioning', {
  en,
  ja: {
    fixChangeQuoted: (p) => `"${p.to}" に変更`,
    unknownField: (p) =>
      `${placeJa(p.where)} に未知のフィールド "${p.key}" があります${p.suggestion ? `。"${p.suggestion}" の誤りではありませんか？` : '。'}Grafana はこれを無視します（既知のフィールド: ${p.known.join(', ')}）。`,
    wrongType: (p) => `${placeJa(p.where)} の ${p.key} は${TYPE_JA[p.type]}である必要がありますが、${p.got}${p.value !== undefined ? ` ${p.value}` : ''} です。`,
    notInEnum: (p) =>
      `${placeJa(p.where)} の ${p.key} は ${p.values.join('、')} のいずれかである必要がありますが、"${p.got}" です${p.suggestion ? `（"${p.suggestion}" の誤りではありませんか？）` : ''}。`,
    missing: (p) => `${placeJa(p.where)} に "${p.key}" がありません。Grafana はこれを必要とします。`,

    datasourceNotMapping: () => 'データソースは少なくとも "name" と "type" を持つマッピングである必要があります。',
    noUrl: (p) =>
      `${placeJa(p.where)}（${p.type}）に "url" がありません。Grafana はプロビジョニングしますが、すべてのクエリが失敗します。サーバーのアドレスを指定してください（例: url: http://${p.type}:${p.port}）。`,
    badUrl: (p) => `${placeJa(p.where)}: url ${p.problem}`,
    urlEmpty: () => 'が空です。サーバーのアドレスを指定してください（例: http://prometheus:9090）。',
    urlNoScheme: (p) => `"${p.url}" にスキームがありません。Grafana には http://${p.example} のような絶対 URL が必要です。`,
    urlMalformed: (p) => `"${p.url}" は正しい形式の URL ではありません。`,
    urlScheme: (p) => `"${p.url}" は ${p.scheme} を使っています。Grafana の HTTP データソースには http か https が必要です。`,
    urlNoHost: (p) => `"${p.url}" にホストがありません。`,
    duplicateField: (p) => `org ${p.org} の別のデータソースが既に ${p.key} "${p.value}" を持っています。${p.key} は一意にしてください。同じだと一方のデータソースが黙ってもう一方を置き換えます。`,
    twoDefaults: (p) => `データソース "${p.name}" が既に org ${p.org} のデフォルトです。Grafana は 1 つの組織にデフォルトが 2 つあるプロビジョニングファイルを拒否します。`,
    derivedNotList: () => 'jsonData.derivedFields は派生フィールドのリストである必要があります。',
    derivedNotMapping: () => '派生フィールドは "name" と "matcherRegex" を持つマッピングである必要があります。',
    unknownUid: (p) =>
      `${placeJa(p.where)} は datasourceUid "${p.uid}" にリンクしていますが、このファイルにその uid を持つデータソースがありません（${p.known.length ? `uid: ${p.known.join(', ')}` : 'uid を設定したデータソースなし'}）。トレースへのリンクがどこにもつながりません。リンク先のデータソースに uid: ${p.uid} を設定してください。`,
    badRegex: (p) => `${placeJa(p.where)}: matcherRegex ${p.problem}`,
    regexNotCompiling: (p) => `はコンパイルできません: ${p.error}。`,
    regexNoGroup: () => 'にキャプチャグループがありません。Grafana はリンクの値を最初のグループから取ります（例: "trace_id":"(\\w+)"）。',
    dataLinkVariable: (p) =>
      `プロビジョニングは ${p.variable} を環境変数として読み、Grafana に渡す前に（たいていは空文字列に）置き換えます。データリンクの変数として残すには $${p.variable} と書いてください。`,
    fixEscape: (p) => `$${p.variable} とエスケープ`,

    providerNotMapping: () => 'ダッシュボードプロバイダーは "name"、"type"、"options.path" を持つマッピングである必要があります。',
    duplicateProvider: (p) => `別のダッシュボードプロバイダーが既に "${p.name}" という名前です。プロバイダー名は一意にしてください。`,
    negativeInterval: (p) => `${placeJa(p.where)} の updateIntervalSeconds は 0 以上である必要がありますが、${p.value} です。`,
    noOptions: (p) => `${placeJa(p.where)} に "options" がありません。file プロバイダーには options.path（Grafana がダッシュボードを読むディレクトリ）が必要です。`,
    folderAndFromFiles: (p) =>
      `${placeJa(p.where)} は ${p.key} と options.foldersFromFilesStructure の両方を設定しています。Grafana はこのプロバイダーを拒否します。${p.key} を削除するか、foldersFromFilesStructure: false にしてください。`,
  },
});
