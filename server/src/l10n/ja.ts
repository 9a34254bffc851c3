/** 日本語のメッセージ。キーと引数は en.ts と同じ（型で保証）。 */
import type { Messages } from './en';

const list = (items: readonly string[]): string => items.join('、');
/** `A である`: a space only after ASCII (`http(s) URL である`, `のいずれかである`). */
const isExpected = (expects: string): string => `${expects}${/[\x21-\x7e]$/.test(expects) ? ' ' : ''}である`;

/** Collector の設定のセクションの要素（otelcol/messages.ts の KIND_JA と同じ語）。 */
const COLLECTOR_KIND: Record<string, string> = {
  receiver: 'レシーバー',
  processor: 'プロセッサー',
  exporter: 'エクスポーター',
  connector: 'コネクター',
  extension: '拡張',
  pipeline: 'パイプライン',
};

/** 各フィールドが期待する値（en は config/fields.ts の expects）。 */
const EXPECTS: Record<string, string> = {
  '': 'log、trace、metrics を持つマッピング',
  log: 'level と format を持つマッピング',
  'log.level': 'debug、info、warn、error のいずれか',
  'log.format': 'text、json のいずれか',
  trace: 'enabled、endpoint、sample_rate を持つマッピング',
  'trace.enabled': '真偽値（true または false）',
  'trace.endpoint': 'host:port、またはポートを明示した http(s) URL',
  'trace.sample_rate': '0 以上 1 以下の数値',
  metrics: 'enabled と path を持つマッピング',
  'metrics.enabled': '真偽値（true または false）',
  'metrics.path': '"/" で始まるパス',
};

/** 各フィールドの説明（en は config/fields.ts の doc）。 */
const DOCS: Record<string, string> = {
  '': 'k1s0 テレメトリライブラリが起動時に読むテレメトリ設定。OTEL_* 環境変数より優先されます。',
  log: '構造化ログ。',
  'log.level': '出力する最低レベル。設計では dev は debug、staging は info、prod は warn です。',
  'log.format': 'json が標準（Loki）。text は読みやすさのため dev でのみ使えます。',
  trace: 'OTLP gRPC で Jaeger に送る OpenTelemetry トレーシング。',
  'trace.enabled': 'スパンをエクスポートするかどうか。',
  'trace.endpoint': 'OTLP gRPC のエンドポイント: ローカルでは jaeger:4317、Kubernetes では jaeger.observability.svc.cluster.local:4317。',
  'trace.sample_rate': '保持するトレースの割合: dev 1.0（AlwaysOn）、staging 0.5（TraceIDRatioBased）、prod 0.1（OTel Collector でテールベース）。',
  metrics: 'Prometheus メトリクスのエンドポイント。',
  'metrics.enabled': '/metrics を公開するかどうか。',
  'metrics.path': 'Prometheus がスクレイプする HTTP パス。設計では /metrics をスクレイプします。',
};

const TYPES: Record<string, string> = { number: '数値', boolean: '真偽値', bigint: '整数', string: '文字列' };

export const ja: Messages = {
  'value.nothing': () => '値なし',
  'value.null': () => 'null',
  'value.string': (p) => `文字列 ${p.json}`,
  'value.scalar': (p) => `${TYPES[p.type] ?? p.type} ${p.value}`,
  'value.mapping': () => 'マッピング',
  'value.list': () => 'リスト',
  'field.doc': (p) => DOCS[p.field] ?? p.doc,
  'field.expects': (p) => EXPECTS[p.field] ?? (p.fallback === 'any' ? '値' : '正しい値'),
  'schema.missing': (p) =>
    `${p.parent} に "${p.key}" がありません${p.whileEnabled ? '（enabled が true の間は必須）' : ''}。${p.expects} を指定してください${p.example ? `（例: ${p.key}: ${p.example}）` : ''}。`,
  'schema.notInEnum': (p) => `${p.name} は ${isExpected(p.expects)}必要があります。実際の値: ${p.got}。${p.suggestion ? `"${p.suggestion}" の誤りではありませんか？` : ''}`,
  'schema.invalid': (p) => `${p.name} は ${isExpected(p.expects)}必要があります${p.example ? `（例: ${p.example}）` : ''}。実際の値: ${p.got}。`,
  'schema.unknownKey': (p) => `${p.where} に未知のキー "${p.key}" があります。${p.suggestion ? `"${p.suggestion}" の誤りではありませんか？` : ''}使用できるキー: ${list(p.allowed)}。`,
  'fix.changeTo': (p) => `"${p.value}" に変更`,
  'fix.renameTo': (p) => `"${p.key}" に名前を変更`,

  // base/yaml/shape -----------------------------------------------------------
  'shape.aMapping': () => 'マッピング',
  'shape.aList': () => 'リスト',
  'shape.string': () => '文字列',
  'shape.int': () => '整数',
  'shape.number': () => '数値',
  'shape.bool': () => '真偽値（true または false）',
  'shape.duration': () => '30s や 1m30s のような期間',
  'shape.size': () => '512MiB のようなサイズ',
  'shape.oneOf': (p) => `${list(p.values)} のいずれか`,
  'shape.type': (p) => `${p.name} は${p.expected}でなければなりません。実際は ${p.got} です。`,
  'shape.notInEnum': (p) => `${p.name} は ${list(p.values)} のいずれかでなければなりません。実際は "${p.got}" です。${p.suggestion ? `"${p.suggestion}" の誤りではありませんか？` : ''}`,
  'shape.range': (p) =>
    `${p.name} は${p.min !== undefined && p.max !== undefined ? ` ${p.min} 以上 ${p.max} 以下` : p.min !== undefined ? ` ${p.min} 以上` : ` ${p.max ?? ''} 以下`}でなければなりません。実際は ${p.got} です。`,
  'shape.badDuration': (p) =>
    `${p.name}: "${p.got}" は期間ではありません（${p.syntax === 'go' ? '数値と単位 ns us ms s m h。例: 5s、1.5h、300ms' : '単位 y w d h m s ms をこの順に。例: 30s、1m30s、2h'}）。`,
  'shape.badSize': (p) => `${p.name}: "${p.got}" はサイズではありません（数値と省略可能な単位。例: 512MiB、1GB、1048576）。`,
  'shape.unknownKey': (p) =>
    `${p.where} に未知のキー "${p.key}" があります。${p.suggestion ? `"${p.suggestion}" の誤りではありませんか？` : ''}${p.allowed.length > 0 ? `使用できるキー: ${list(p.allowed)}。` : ''}`,
  'shape.missing': (p) => `${p.where} に "${p.key}" がありません。`,
  'shape.removed': (p) => `${p.where} の "${p.key}" はもう読まれません: ${p.instead}`,
  'shape.exclusive': (p) => `${p.where} に ${list(p.keys)} が設定されています。設定できるのはどれか一つです。`,

  'file.notUtf8': () => 'ファイルが正しい UTF-8 ではありません。k1s0 が検査するのは UTF-8 の YAML と JSON だけです',
  'file.tooBig': (p) => `検査していません: ファイルが ${p.kb} KB で、k1s0.files.maxFileSizeKB（${p.maxKb} KB）を超えています。`,
  'check.failedOnFile': (p) => `${p.check} の検査がこのファイルで失敗したためスキップしました。他の検査は実行済みです。内部エラー: ${p.reason}。報告をお願いします。`,
  'check.failedOnExpression': (p) => `${p.check} の検査がこの式で失敗したためスキップしました。他の検査は実行済みです。内部エラー: ${p.reason}。報告をお願いします。`,
  'yaml.parser': (p) => `YAML の構文エラーです（yaml: ${p.message}）`,
  'yaml.tooDeep': (p) => `検査していません: ドキュメントの入れ子が ${p.depth} 階層より深くなっています`,
  'yaml.duplicateKey': (p) => `キー "${p.key}" が重複しています。マッピングのキーは一意にしてください`,
  'yaml.unresolvedAlias': (p) => `エイリアス *${p.name} を解決できません。その前にアンカー &${p.name} がありません`,
  'yaml.selfAlias': (p) => `エイリアス *${p.name} がアンカー &${p.name} の値の中にあります。値が自分自身を含んでしまいます`,
  'yaml.aliasesNotExpanded': (p) => `検査していません: エイリアスを展開できません（${p.reason}）`,

  'policy.rule.samplingDev': () => 'トレースサンプリング戦略: dev は AlwaysOn（トレースの 100%）',
  'policy.rule.samplingStaging': () => 'トレースサンプリング戦略: staging は TraceIDRatioBased で 50%',
  'policy.rule.samplingProd': () => 'トレースサンプリング戦略: prod は 10%（OTel Collector でテールベース、エラーは 100%）',
  'policy.rule.jsonLogs': () => 'JSON 構造化ログが標準（Loki）、text は dev のみ',
  'policy.shouldBe': (p) => `${p.environment}: observability.${p.field} は ${p.shown} ではなく ${p.expected} にしてください（設計: ${p.rule}）。`,
  'policy.fix': (p) => `${p.field} を ${p.expected} に設定（${p.environment} のポリシー）`,

  'outline.unnamed': () => '（名前なし）',
  'outline.container': () => '（コンテナー）',
  'outline.schemaPeriod': () => 'スキーマの期間',
  'outline.period': () => '期間',
  'outline.collectorKind': (p) => COLLECTOR_KIND[p.kind] ?? p.kind,
  'cli.usage': () => `使い方: k1s0-obs check [PATH...] [--format text|json|sarif|github] [--select PREFIX,...]
                      [--ignore PREFIX,...] [--max-warnings N] [--config FILE] [--locale en|ja] [--jobs N]

各 PATH（既定: カレントディレクトリ）の下にある k1s0 の config.yaml の observability
セクション（および拡張機能が扱うその他の k1s0 ファイル）を検査します。
ディレクトリは再帰的にたどります（node_modules と .git は除外）。

  --format         text（既定）、json、sarif（SARIF 2.1.0）、github（ワークフローのアノテーション）
  --select         指定した接頭辞のコードだけを残す（config、config/policy など）
  --ignore         指定した接頭辞のコードを除く
  --max-warnings   警告が N 件を超えたら失敗（終了コード 1）
  --config         lint 設定ファイル（既定: カレントディレクトリまたは最も近い親の
                   .k1s0/lint.yaml）
  --locale         メッセージの言語（既定: LANG から）
  --jobs           検査に使うスレッド数（既定: 4 MB を超える入力ではコアごとに 1 つ、
                   最大 4。1 なら 1 スレッドで検査）

終了コード: 0 エラーなし、1 エラー重大度の診断が 1 件以上（または警告が多すぎる）、
2 使い方または入出力の問題。`,
  'cli.sloUsage': () => `使い方: k1s0-obs slo [PATH...] [--format text|json] [--locale en|ja]

各 PATH（既定: カレントディレクトリ）の下のワークスペースの Tier と SLO のツリーを表示します:
Tier ごとのサービス、そのスクレイプ対象、SLO 目標と 30 日あたりのエラーバジェット、
設計の Tier 別アラートとバーンレートアラート（あり、不足、サービスを対象にしていない）、
それらを表示するダッシュボード。終了コード: 0、または使い方か入出力の問題で 2。`,
  'cli.rulesUsage': () => `使い方: k1s0-obs rules [--format text|json] [--locale en|ja]

検査が報告するすべての診断コードを、既定の重大度、検出する内容、報告する検査とともに
一覧します（.k1s0/lint.yaml と k1s0.diagnostics.severity で重大度を変えられるコード）。
終了コード: 0、または使い方の問題で 2。`,
  'cli.unknownCommand': (p) => `不明なコマンド "${p.command}"（"check"、"slo"、"rules" のいずれかを指定してください）`,
  'cli.needsValue': (p) => `${p.flag} には値が必要です`,
  'cli.unknownFormat': (p) => `不明な形式 "${p.value}"（${list(p.formats)} のいずれか）`,
  'cli.unknownLocale': (p) => `不明なロケール "${p.value}"（${list(p.locales)} のいずれか）`,
  'cli.notACount': (p) => `${p.flag} には 0 以上の整数が必要です（指定値 "${p.value}"）`,
  'cli.threadsFailed': (p) => `${p.threads} スレッドでの検査に失敗しました（${p.reason}）。1 スレッドで検査しました`,
  'cli.notAPositiveCount': (p) => `${p.flag} には 1 以上の整数が必要です（指定値 "${p.value}"）`,
  'cli.unknownOption': (p) => `不明なオプション "${p.option}"`,
  'cli.cannotRead': (p) => `${p.path} を読めません: ${p.reason}`,
  'cli.noSuchFile': () => 'ファイルまたはディレクトリがありません',
  'cli.permissionDenied': () => 'アクセス権がありません',
  'cli.lintConfigInvalid': (p) => `${p.path} は正しい lint 設定ではありません: ${p.problems.join('; ')}`,
  'cli.notChecked': (p) => `検査していません: ${p.reason}。`,
  'cli.noProblems': (p) => `問題はありません（${p.files} ファイルを検査）。`,
  'cli.summary': (p) => `${p.total} 件の問題（エラー ${p.errors} 件、警告 ${p.warnings} 件、その他 ${p.other} 件）: 検査した ${p.files} ファイルのうち ${p.withProblems} ファイル。`,
  'cli.tooManyWarnings': (p) => `警告が多すぎます: ${p.count} 件（--max-warnings ${p.max} を超過）`,
};
