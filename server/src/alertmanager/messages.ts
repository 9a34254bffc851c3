/** The alertmanager area's messages, English and Japanese (the design's vocabulary). */
import { messages } from '../l10n';

const list = (items: readonly string[]): string => items.join(', ');

/** The design's section on where alerts go (observability-design.md, アラート設定 › 通知先設計). */
export const ROUTING_SECTION = 'アラート設定 › 通知先設計';
/** The design's section on why dev has no Alertmanager. */
export const NO_ALERTMANAGER_SECTION = 'Alertmanager 省略の理由';

export const say = messages('alertmanager', {
  en: {
    empty: () => 'The file is empty: Alertmanager needs a `route` with a default receiver and the `receivers` it names.',
    noRoute: () => 'No `route`: Alertmanager needs a routing tree whose root names the default receiver.',
    nullItem: (p: { key: string }) => `${p.key} has an empty item: Alertmanager 0.25 crashes on it (amtool check-config panics). Remove it.`,
    nullRoute: () => 'An empty route in routes: Alertmanager 0.25 crashes on it (amtool check-config panics). Remove the item or give it a receiver or matchers.',
    rootReceiver: () => 'The root route must name a default receiver in `receiver`: alerts no child route matches go there.',
    rootMatchers: (p: { key: string }) => `The root route must not have matchers (${p.key}): every alert enters it.`,
    rootTimeIntervals: (p: { key: string }) => `The root route must not have ${p.key}: set it on a child route.`,
    undefinedReceiver: (p: { name: string; path: string; defined: readonly string[]; suggestion?: string }) =>
      `Undefined receiver "${p.name}" used in ${p.path}.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} ${p.defined.length > 0 ? `Receivers: ${list(p.defined)}.` : 'No receiver is defined.'}`,
    duplicateReceiver: (p: { name: string; first: number }) => `Receiver name "${p.name}" is not unique: receivers[${p.first}] has it already.`,
    emptyName: (p: { where: string }) => `${p.where}.name is empty: give it a name.`,
    groupByLabel: (p: { label: string }) => `Invalid label name "${p.label}" in group_by (letters, digits and _, not starting with a digit; or "..." for every label).`,
    groupByAll: () => 'group_by has "..." (every label) and other labels: use one or the other.',
    groupByDuplicate: (p: { label: string }) => `Duplicated label "${p.label}" in group_by.`,
    zeroInterval: (p: { key: string }) => `${p.key} cannot be zero.`,
    matcherFormat: (p: { token: string }) => `Bad matcher "${p.token}": expected name=value, name!=value, name=~regex or name!~regex.`,
    matcherQuote: (p: { token: string }) => `Matcher "${p.token}": its value has an unescaped double quote (write \\" inside a quoted value).`,
    matcherRegex: (p: { token: string; detail: string }) => `Matcher "${p.token}": invalid regex: ${p.detail}.`,
    labelName: (p: { label: string; key: string }) => `Invalid label name "${p.label}" in ${p.key}.`,
    matchRegex: (p: { key: string; value: string; detail: string }) => `${p.key}: invalid regex "${p.value}": ${p.detail}.`,
    webhookUrlMissing: (p: { where: string }) => `${p.where} needs a url: where the alerts are posted.`,
    urlScheme: (p: { url: string; scheme: string }) => `Unsupported scheme "${p.scheme}" in URL "${p.url}": use http or https.`,
    urlHost: (p: { url: string }) => `URL "${p.url}" has no host.`,
    urlInvalid: (p: { url: string }) => `"${p.url}" is not a URL.`,
    undefinedTimeInterval: (p: { name: string; path: string; defined: readonly string[]; suggestion?: string }) =>
      `Undefined time interval "${p.name}" used in ${p.path}.${p.suggestion ? ` Did you mean "${p.suggestion}"?` : ''} ${p.defined.length > 0 ? `Time intervals: ${list(p.defined)}.` : 'No time interval is defined.'}`,
    duplicateTimeInterval: (p: { name: string }) => `Time interval "${p.name}" is not unique.`,
    badTime: (p: { value: string }) => `Invalid time "${p.value}": HH:MM from 00:00 to 24:00.`,
    timeBoth: () => 'A time range needs both start_time and end_time.',
    timeOrder: (p: { start: string; end: string }) => `The time range ${p.start}–${p.end} is empty: start_time must be before end_time.`,
    badRange: (p: { key: string; value: string; expected: string }) => `Invalid ${p.key} "${p.value}": expected ${p.expected}.`,
    rangeOrder: (p: { key: string; value: string }) => `The ${p.key} range "${p.value}" ends before it starts.`,
    badLocation: (p: { value: string }) => `Unknown time zone "${p.value}" (an IANA name such as Asia/Tokyo or UTC).`,
    badGlob: (p: { glob: string }) => `templates: "${p.glob}" is not a valid glob pattern.`,
    missingField: (p: { where: string; what: string }) => `${p.where} is missing ${p.what}.`,
    missingOrGlobal: (p: { where: string; what: string; global: string }) => `${p.where} is missing ${p.what}, and global.${p.global} does not set a default.`,
    badHostPort: (p: { value: string }) => `"${p.value}" is not host:port (the port is required, e.g. smtp.example.com:587).`,
    emptyIntervalName: (p: { where: string }) => `${p.where}.name is empty: give the time interval a name.`,
    unusedReceiver: (p: { name: string }) => `Receiver "${p.name}" is not used by any route: no alert reaches it.`,
    unroutedSeverity: (p: { severity: string; alerts: readonly string[]; receiver: string }) =>
      `Alerts with severity "${p.severity}" (${list(p.alerts)}) match no route's severity matchers: they fall to the default receiver "${p.receiver}".`,
    devHasNoAlertmanager: (p: { section: string; other: string }) => `This Alertmanager is for dev, which has none in the design (${p.section}: dev checks alerts in the Prometheus UI; ${p.other}).`,
    noTeams: (p: { environment: string; section: string }) =>
      `No route reaches Microsoft Teams: in ${p.environment} the design (${p.section}) notifies Teams through prometheus-msteams — a receiver with webhook_configs url http://prometheus-msteams:2000/<channel>.`,
    directTeams: (p: { host: string; section: string }) =>
      `This webhook posts straight to Teams (${p.host}): the design (${p.section}) goes through prometheus-msteams, which turns Alertmanager's payload into a Teams message.`,
    anyEnvironment: () => 'staging and prod',
    fixReceiver: (p: { name: string }) => `Use receiver "${p.name}"`,
    fixTimeInterval: (p: { name: string }) => `Use time interval "${p.name}"`,
  },
  ja: {
    empty: () => 'ファイルが空です。Alertmanager にはデフォルトの receiver を指定した `route` と、それが参照する `receivers` が必要です。',
    noRoute: () => '`route` がありません。Alertmanager にはルートでデフォルトの receiver を指定したルーティングツリーが必要です。',
    nullItem: (p: { key: string }) => `${p.key} に空の項目があります。Alertmanager 0.25 はこれでクラッシュします（amtool check-config がパニックします）。削除してください。`,
    nullRoute: () => 'routes に空の route があります。Alertmanager 0.25 はこれでクラッシュします（amtool check-config がパニックします）。項目を削除するか、receiver かマッチャーを指定してください。',
    rootReceiver: () => 'ルートの route は `receiver` でデフォルトの receiver を指定する必要があります。どの子 route にも一致しないアラートはそこへ送られます。',
    rootMatchers: (p: { key: string }) => `ルートの route にマッチャー（${p.key}）は指定できません。すべてのアラートがルートに入ります。`,
    rootTimeIntervals: (p: { key: string }) => `ルートの route に ${p.key} は指定できません。子 route に指定してください。`,
    undefinedReceiver: (p: { name: string; path: string; defined: readonly string[]; suggestion?: string }) =>
      `${p.path} で未定義の receiver "${p.name}" が使われています。${p.suggestion ? `"${p.suggestion}" の誤りではありませんか？` : ''}${p.defined.length > 0 ? `receiver: ${list(p.defined)}。` : 'receiver が 1 つも定義されていません。'}`,
    duplicateReceiver: (p: { name: string; first: number }) => `receiver 名 "${p.name}" が重複しています。receivers[${p.first}] で定義済みです。`,
    emptyName: (p: { where: string }) => `${p.where}.name が空です。名前を付けてください。`,
    groupByLabel: (p: { label: string }) => `group_by のラベル名 "${p.label}" が不正です（英数字と _、先頭は数字以外。すべてのラベルなら "..."）。`,
    groupByAll: () => 'group_by に "..."（すべてのラベル）と他のラベルが混在しています。どちらか一方にしてください。',
    groupByDuplicate: (p: { label: string }) => `group_by のラベル "${p.label}" が重複しています。`,
    zeroInterval: (p: { key: string }) => `${p.key} に 0 は指定できません。`,
    matcherFormat: (p: { token: string }) => `マッチャー "${p.token}" の形式が不正です。name=value、name!=value、name=~regex、name!~regex のいずれかで書いてください。`,
    matcherQuote: (p: { token: string }) => `マッチャー "${p.token}" の値にエスケープされていないダブルクォートがあります（引用符内では \\" と書きます）。`,
    matcherRegex: (p: { token: string; detail: string }) => `マッチャー "${p.token}" の正規表現が不正です: ${p.detail}。`,
    labelName: (p: { label: string; key: string }) => `${p.key} のラベル名 "${p.label}" が不正です。`,
    matchRegex: (p: { key: string; value: string; detail: string }) => `${p.key}: 正規表現 "${p.value}" が不正です: ${p.detail}。`,
    webhookUrlMissing: (p: { where: string }) => `${p.where} には url（アラートの送信先）が必要です。`,
    urlScheme: (p: { url: string; scheme: string }) => `URL "${p.url}" のスキーム "${p.scheme}" は使えません。http か https にしてください。`,
    urlHost: (p: { url: string }) => `URL "${p.url}" にホストがありません。`,
    urlInvalid: (p: { url: string }) => `"${p.url}" は URL ではありません。`,
    undefinedTimeInterval: (p: { name: string; path: string; defined: readonly string[]; suggestion?: string }) =>
      `${p.path} で未定義の time interval "${p.name}" が使われています。${p.suggestion ? `"${p.suggestion}" の誤りではありませんか？` : ''}${p.defined.length > 0 ? `time interval: ${list(p.defined)}。` : 'time interval が 1 つも定義されていません。'}`,
    duplicateTimeInterval: (p: { name: string }) => `time interval "${p.name}" が重複しています。`,
    badTime: (p: { value: string }) => `時刻 "${p.value}" が不正です。00:00 から 24:00 までの HH:MM で書いてください。`,
    timeBoth: () => '時間帯には start_time と end_time の両方が必要です。',
    timeOrder: (p: { start: string; end: string }) => `時間帯 ${p.start}–${p.end} が空です。start_time は end_time より前にしてください。`,
    badRange: (p: { key: string; value: string; expected: string }) => `${p.key} の "${p.value}" が不正です。期待される形式: ${p.expected}。`,
    rangeOrder: (p: { key: string; value: string }) => `${p.key} の範囲 "${p.value}" は終わりが始まりより前です。`,
    badLocation: (p: { value: string }) => `タイムゾーン "${p.value}" が不明です（Asia/Tokyo や UTC などの IANA 名）。`,
    badGlob: (p: { glob: string }) => `templates: "${p.glob}" は glob パターンとして不正です。`,
    missingField: (p: { where: string; what: string }) => `${p.where} に ${p.what} がありません。`,
    missingOrGlobal: (p: { where: string; what: string; global: string }) => `${p.where} に ${p.what} がなく、global.${p.global} にもデフォルトがありません。`,
    badHostPort: (p: { value: string }) => `"${p.value}" は host:port ではありません（ポートは必須です。例: smtp.example.com:587）。`,
    emptyIntervalName: (p: { where: string }) => `${p.where}.name が空です。time interval に名前を付けてください。`,
    unusedReceiver: (p: { name: string }) => `receiver "${p.name}" はどの route からも使われていません。アラートが届くことはありません。`,
    unroutedSeverity: (p: { severity: string; alerts: readonly string[]; receiver: string }) =>
      `severity "${p.severity}" のアラート（${list(p.alerts)}）はどの route の severity マッチャーにも一致せず、デフォルトの receiver "${p.receiver}" に送られます。`,
    devHasNoAlertmanager: (p: { section: string; other: string }) =>
      `この Alertmanager は dev 用ですが、設計では dev に Alertmanager はありません（${p.section}: dev は Prometheus UI で確認、${p.other}）。`,
    noTeams: (p: { environment: string; section: string }) =>
      `Microsoft Teams に届く route がありません。設計（${p.section}）では ${p.environment} は prometheus-msteams 経由で Teams に通知します。webhook_configs の url が http://prometheus-msteams:2000/<チャネル> の receiver を用意してください。`,
    directTeams: (p: { host: string; section: string }) =>
      `この webhook は Teams（${p.host}）に直接送信しています。設計（${p.section}）では Alertmanager のペイロードを Teams のメッセージに変換する prometheus-msteams を経由します。`,
    anyEnvironment: () => 'staging と prod',
    fixReceiver: (p: { name: string }) => `receiver "${p.name}" を使う`,
    fixTimeInterval: (p: { name: string }) => `time interval "${p.name}" を使う`,
  },
});
