/**
 * What each diagnostic code means, for SARIF `rules` (code-scanning shows the
 * short description as the rule's name and the help under each alert).
 * Codes follow ../shared/DESIGN.md; a code missing here still gets a rule,
 * described by its area.
 */
import type { Locale } from '../l10n';

export interface RuleText {
  short: string;
  help: string;
}

type RuleDoc = Record<Locale, RuleText>;

export const HELP_URI = 'https://github.com/k1s0-platform/k1s0-observability-vscode#what-it-checks';

export const RULE_DOCS: Record<string, RuleDoc> = {
  'yaml/syntax': {
    en: { short: 'YAML does not parse', help: 'The file is not valid YAML, so none of its content can be checked. Fix the syntax error at the marked position.' },
    ja: { short: 'YAML として解析できない', help: 'ファイルが正しい YAML ではないため、内容を検査できません。示された位置の構文エラーを直してください。' },
  },
  'json/syntax': {
    en: { short: 'JSON does not parse', help: 'The file is not valid JSON, so none of its content can be checked. Fix the syntax error at the marked position.' },
    ja: { short: 'JSON として解析できない', help: 'ファイルが正しい JSON ではないため、内容を検査できません。示された位置の構文エラーを直してください。' },
  },
  'config/schema': {
    en: {
      short: 'observability section does not match the schema',
      help: 'The observability: section of a k1s0 config.yaml has a wrong type, a value outside its enum or range, an unknown key or a missing key. log.level is debug|info|warn|error, log.format text|json, trace.sample_rate 0–1, trace.endpoint host:port, metrics.path starts with "/".',
    },
    ja: {
      short: 'observability セクションがスキーマに合わない',
      help: 'k1s0 の config.yaml の observability: セクションに、型の誤り、列挙・範囲外の値、未知のキー、または不足しているキーがあります。log.level は debug|info|warn|error、log.format は text|json、trace.sample_rate は 0〜1、trace.endpoint は host:port、metrics.path は "/" で始まります。',
    },
  },
  'config/policy': {
    en: {
      short: 'value breaks the environment policy of the design',
      help: 'The value is valid but differs from the design for the file\'s environment: trace sampling is 1.0 in dev, 0.5 in staging, 0.1 in prod; logs are JSON outside dev.',
    },
    ja: {
      short: '設計の環境ポリシーに反する値',
      help: '値は正しいものの、ファイルの環境に対する設計と異なります。トレースのサンプリングは dev 1.0、staging 0.5、prod 0.1、ログは dev 以外では JSON です。',
    },
  },
  'file/encoding': {
    en: { short: 'file is not UTF-8', help: 'The file could not be decoded as UTF-8 and was not checked. Save it as UTF-8.' },
    ja: { short: 'ファイルが UTF-8 ではない', help: 'ファイルを UTF-8 として読めないため検査していません。UTF-8 で保存してください。' },
  },
  'file/too-large': {
    en: { short: 'file is over the size limit', help: 'The file is larger than k1s0.files.maxFileSizeKB and was not checked. Raise the limit in the settings or .k1s0/lint.yaml if it should be.' },
    ja: { short: 'ファイルがサイズ上限を超えている', help: 'ファイルが k1s0.files.maxFileSizeKB より大きいため検査していません。検査が必要なら設定または .k1s0/lint.yaml で上限を上げてください。' },
  },
  'promql/syntax': {
    en: { short: 'PromQL does not parse', help: 'The PromQL expression is rejected by the Prometheus parser. The message is Prometheus\'s own.' },
    ja: { short: 'PromQL として解析できない', help: 'PromQL 式が Prometheus のパーサーに拒否されます。メッセージは Prometheus 自身のものです。' },
  },
  'promql/type': {
    en: { short: 'PromQL that Prometheus rejects', help: 'The expression parses but Prometheus rejects it: argument types or counts, unknown functions, range vs instant vectors, bool misuse, invalid regexes, empty or duplicate matchers.' },
    ja: { short: 'Prometheus が拒否する PromQL', help: '式は解析できますが Prometheus が拒否します: 引数の型や数、未知の関数、範囲ベクトルと瞬時ベクトルの取り違え、bool の誤用、不正な正規表現、空または重複したマッチャー。' },
  },
  'rules/structure': {
    en: { short: 'rule file shape is wrong', help: 'The Prometheus rule file does not have the shape Prometheus loads: groups, names, record vs alert, durations, labels.' },
    ja: { short: 'ルールファイルの構造が誤っている', help: 'Prometheus ルールファイルが Prometheus の読み込める形になっていません: groups、名前、record と alert、期間、ラベル。' },
  },
  'rules/duplicate': {
    en: { short: 'duplicate rule', help: 'A group or rule is defined more than once; Prometheus refuses duplicate group names and repeated rules are evaluated twice.' },
    ja: { short: 'ルールの重複', help: 'グループまたはルールが重複して定義されています。Prometheus はグループ名の重複を拒否し、同じルールは二重に評価されます。' },
  },
  'rules/template': {
    en: { short: 'Go template that Prometheus would reject', help: 'A template in a label or annotation does not parse or uses a function Prometheus templates do not define.' },
    ja: { short: 'Prometheus が拒否する Go テンプレート', help: 'ラベルまたはアノテーションのテンプレートが解析できないか、Prometheus のテンプレートにない関数を使っています。' },
  },
};

const AREA_DOCS: Record<Locale, (area: string) => RuleText> = {
  en: (area) => ({ short: `k1s0 ${area} check`, help: `A finding of the k1s0 ${area} checks; the message says what is wrong and what would be right.` }),
  ja: (area) => ({ short: `k1s0 の ${area} 検査`, help: `k1s0 の ${area} 検査による指摘です。メッセージが誤りと正しい形を示します。` }),
};

export function ruleText(code: string, locale: Locale): RuleText {
  return RULE_DOCS[code]?.[locale] ?? AREA_DOCS[locale](code.split('/')[0] ?? code);
}
