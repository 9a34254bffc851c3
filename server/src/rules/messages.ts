/**
 * What the rule-file checks say (rules/structure, rules/duplicate,
 * rules/template). English words unknown fields and durations as Prometheus
 * (Go's yaml decoder, model.ParseDuration) does; Japanese keeps that wording
 * in parentheses where a user would search for it.
 */
import { messages } from '../l10n';

/** describeNode's kinds: a scalar's is its JavaScript type (`string`, `number`, `boolean`, `bigint`, …). */
type NodeKind = string;
type EntryKind = 'label' | 'annotation';

const NODE_EN: Record<string, string> = {
  nothing: 'nothing',
  null: 'null',
  string: 'a string',
  number: 'a number',
  boolean: 'a boolean',
  mapping: 'a mapping',
  list: 'a list',
  other: 'a value of another kind',
};
const NODE_JA: Record<string, string> = {
  nothing: '値なし',
  null: 'null',
  string: '文字列',
  number: '数値',
  boolean: '真偽値',
  bigint: '整数',
  mapping: 'マッピング',
  list: 'リスト',
  other: 'その他の値',
};
const ENTRY_JA: Record<EntryKind, string> = { label: 'ラベル', annotation: 'アノテーション' };

const en = {
  // rules/structure ---------------------------------------------------------------
  node: (p: { kind: NodeKind }) => NODE_EN[p.kind] ?? `a ${p.kind}`,
  fixRename: (p: { to: string }) => `Rename to '${p.to}'`,
  fixChange: (p: { to: string }) => `Change to '${p.to}'`,
  unknownField: (p: { name: string; goType: string; suggestion?: string; known: readonly string[] }) =>
    `field ${p.name} not found in type ${p.goType}${p.suggestion ? `; did you mean '${p.suggestion}'?` : `; expected one of ${p.known.join(', ')}`}`,
  groupsNotList: (p: { found: string }) => `'groups' must be a list of rule groups, found ${p.found}`,
  groupRepeated: (p: { name: string; line: number }) => `group name ${JSON.stringify(p.name)} is repeated in the same file (first defined on line ${p.line}); group names must be unique`,
  groupNotMapping: (p: { found: string }) => `a rule group must be a mapping with 'name' and 'rules', found ${p.found}`,
  groupNeedsName: () => "rule group needs a non-empty 'name'",
  rulesNotList: (p: { found: string }) => `'rules' must be a list of rules, found ${p.found}`,
  notAString: (p: { what: string; found: string }) => `'${p.what}' must be a string, found ${p.found}`,
  /** `what` is the field (`for`, `interval`, …), `problem` the duration's (emptyDuration, badDuration, durationOutOfRange). */
  badField: (p: { what: string; problem: string }) => `'${p.what}': ${p.problem}`,
  limitNotInteger: (p: { found: string }) => `'limit' must be an integer (the most alerts or series a rule may produce), found ${p.found}`,
  limitNegative: () => "'limit' is negative; Prometheus treats it as no limit: use 0 for none",
  entriesNotMapping: (p: { what: EntryKind; found: string }) => `'${p.what}s' must be a mapping of names to strings, found ${p.found}`,
  entryNameNotString: (p: { what: EntryKind }) => `${p.what} names must be strings`,
  entryNameInvalid: (p: { what: EntryKind; name: string }) => `invalid ${p.what} name: ${JSON.stringify(p.name)}; names match [a-zA-Z_][a-zA-Z0-9_]*`,
  labelIsMetricName: () => 'invalid label name: __name__ is the metric name; rule labels cannot set it',
  labelReserved: (p: { name: string }) => `label name ${JSON.stringify(p.name)} starts with '__', which Prometheus reserves for internal use`,
  /** The field name of a label's or annotation's value, as notAString names it. */
  entryField: (p: { what: EntryKind; name: string }) => `${p.what} ${p.name}`,
  ruleNotMapping: (p: { found: string }) => `a rule must be a mapping with 'record' or 'alert' and 'expr', found ${p.found}`,
  recordAndAlert: () => "only one of 'record' and 'alert' must be set: a rule records a series or raises an alert",
  nameEmpty: (p: { key: string }) => `'${p.key}' must not be empty: one of 'record' or 'alert' must be set`,
  recordOrAlert: () => "one of 'record' or 'alert' must be set",
  exprMissing: () => "field 'expr' must be set in rule",
  exprEmpty: () => "field 'expr' must be set in rule: it is empty",
  recordNameInvalid: (p: { name: string; braces: boolean }) =>
    `invalid recording rule name: ${JSON.stringify(p.name)}${p.braces ? '; braces belong in expr, not in the recorded name' : '; a recorded name is a metric name matching [a-zA-Z_:][a-zA-Z0-9_:]*, e.g. level:metric:operations'}`,
  recordAnnotations: () => "invalid field 'annotations' in recording rule: only alerting rules carry annotations",
  recordWaits: (p: { key: string }) => `invalid field '${p.key}' in recording rule: only alerting rules wait or keep firing`,
  recordNoEffect: (p: { key: string }) => `'${p.key}' has no effect in a recording rule`,

  // rules/duration (model.ParseDuration) ------------------------------------------
  emptyDuration: () => 'empty duration string',
  badDuration: (p: { text: string; better?: string }) =>
    `not a valid duration string: ${JSON.stringify(p.text)}${p.better ? `; use a Prometheus duration such as ${JSON.stringify(p.better)}` : '; use a Prometheus duration such as "30s", "5m" or "1h30m"'}`,
  durationOutOfRange: (p: { text: string }) => `duration out of range: ${JSON.stringify(p.text)}`,

  // rules/duplicate -----------------------------------------------------------------
  duplicate: (p: { kind: 'alert' | 'record'; name: string; sameLabels: boolean; line: number; group?: string }) =>
    `duplicate rule: ${p.kind === 'alert' ? 'alert' : 'recording rule'} ${JSON.stringify(p.name)}${p.sameLabels ? ' with the same labels' : ''} is already defined on line ${p.line}${p.group !== undefined ? ` in group ${JSON.stringify(p.group)}` : ''}`,

  // rules/template (Go's text/template as Prometheus runs it) ----------------------
  templateUnknownFunction: (p: { what: EntryKind; key: string; name: string; problem: string; suggestion?: string }) =>
    `${p.what} ${JSON.stringify(p.key)}: ${p.problem} in Prometheus templates${p.suggestion ? `; did you mean ${JSON.stringify(p.suggestion)}?` : ''}`,
  templateUndefinedVariable: (p: { what: EntryKind; key: string; name: string; problem: string; suggestion?: string; defined: readonly string[] }) =>
    `${p.what} ${JSON.stringify(p.key)}: ${p.problem}${p.suggestion ? `; did you mean ${JSON.stringify(p.suggestion)}?` : `; alert templates define ${p.defined.join(', ')}`}`,
  templateSyntax: (p: { what: EntryKind; key: string; problem: string }) => `${p.what} ${JSON.stringify(p.key)}: template: ${p.problem}`,
};

export const say = messages('rules', {
  en,
  ja: {
    node: (p) => NODE_JA[p.kind] ?? p.kind,
    fixRename: (p) => `'${p.to}' に名前を変更`,
    fixChange: (p) => `'${p.to}' に変更`,
    unknownField: (p) =>
      `未知のフィールド ${p.name} があります。${p.suggestion ? `'${p.suggestion}' の誤りではありませんか？` : `使用できるフィールド: ${p.known.join('、')}。`}（Prometheus: ${en.unknownField(p)}）`,
    groupsNotList: (p) => `'groups' はルールグループのリストである必要がありますが、${p.found}です`,
    groupRepeated: (p) => `グループ名 ${JSON.stringify(p.name)} がこのファイルで重複しています（最初の定義は ${p.line} 行目）。グループ名は一意にしてください`,
    groupNotMapping: (p) => `ルールグループは 'name' と 'rules' を持つマッピングである必要がありますが、${p.found}です`,
    groupNeedsName: () => "ルールグループには空でない 'name' が必要です",
    rulesNotList: (p) => `'rules' はルールのリストである必要がありますが、${p.found}です`,
    notAString: (p) => `'${p.what}' は文字列である必要がありますが、${p.found}です`,
    badField: (p) => `'${p.what}': ${p.problem}`,
    limitNotInteger: (p) => `'limit' は整数（ルールが出せるアラートまたは系列の上限）である必要がありますが、${p.found}です`,
    limitNegative: () => "'limit' が負の値です。Prometheus は上限なしとして扱います。上限なしには 0 を指定してください",
    entriesNotMapping: (p) => `'${p.what}s' は名前から文字列へのマッピングである必要がありますが、${p.found}です`,
    entryNameNotString: (p) => `${ENTRY_JA[p.what]}名は文字列である必要があります`,
    entryNameInvalid: (p) => `${ENTRY_JA[p.what]}名 ${JSON.stringify(p.name)} は正しくありません。名前は [a-zA-Z_][a-zA-Z0-9_]* に一致する必要があります`,
    labelIsMetricName: () => 'ラベル名 __name__ はメトリクス名です。ルールのラベルでは設定できません',
    labelReserved: (p) => `ラベル名 ${JSON.stringify(p.name)} は '__' で始まっています。'__' で始まる名前は Prometheus が内部用に予約しています`,
    entryField: (p) => `${ENTRY_JA[p.what]} ${p.name}`,
    ruleNotMapping: (p) => `ルールは 'record' または 'alert' と 'expr' を持つマッピングである必要がありますが、${p.found}です`,
    recordAndAlert: () => "'record' と 'alert' はどちらか一方だけを指定してください。ルールは系列を記録するか、アラートを出すかのどちらかです",
    nameEmpty: (p) => `'${p.key}' が空です。'record' か 'alert' のどちらかを指定してください`,
    recordOrAlert: () => "'record' か 'alert' のどちらかを指定してください",
    exprMissing: () => "ルールに 'expr' がありません（Prometheus: field 'expr' must be set in rule）",
    exprEmpty: () => "ルールの 'expr' が空です（Prometheus: field 'expr' must be set in rule）",
    recordNameInvalid: (p) =>
      `レコーディングルール名 ${JSON.stringify(p.name)} は正しくありません。${p.braces ? '波括弧は記録する名前ではなく expr に書きます' : '記録する名前は [a-zA-Z_:][a-zA-Z0-9_:]* に一致するメトリクス名です（例: level:metric:operations）'}`,
    recordAnnotations: () => "レコーディングルールに 'annotations' は書けません。アノテーションを持つのはアラートルールだけです",
    recordWaits: (p) => `レコーディングルールに '${p.key}' は書けません。待機や発火の継続はアラートルールだけのものです`,
    recordNoEffect: (p) => `'${p.key}' はレコーディングルールでは効果がありません`,

    emptyDuration: () => '期間が空です',
    badDuration: (p) =>
      `${JSON.stringify(p.text)} は期間として正しくありません。${p.better ? `${JSON.stringify(p.better)} のような Prometheus の期間を指定してください` : '"30s"、"5m"、"1h30m" のような Prometheus の期間を指定してください'}（Prometheus: not a valid duration string）`,
    durationOutOfRange: (p) => `期間 ${JSON.stringify(p.text)} が範囲外です`,

    duplicate: (p) =>
      `ルールが重複しています: ${p.kind === 'alert' ? 'アラート' : 'レコーディングルール'} ${JSON.stringify(p.name)}${p.sameLabels ? '（同じラベル）' : ''} は ${p.line} 行目${p.group !== undefined ? `（グループ ${JSON.stringify(p.group)}）` : ''}で既に定義されています`,

    templateUnknownFunction: (p) =>
      `${ENTRY_JA[p.what]} ${JSON.stringify(p.key)}: 関数 ${JSON.stringify(p.name)} は Prometheus のテンプレートにありません${p.suggestion ? `。${JSON.stringify(p.suggestion)} の誤りではありませんか？` : ''}（Go template: ${p.problem}）`,
    templateUndefinedVariable: (p) =>
      `${ENTRY_JA[p.what]} ${JSON.stringify(p.key)}: 変数 ${p.name} は定義されていません。${p.suggestion ? `${JSON.stringify(p.suggestion)} の誤りではありませんか？` : `アラートのテンプレートで使える変数: ${p.defined.join('、')}`}（Go template: ${p.problem}）`,
    templateSyntax: (p) => `${ENTRY_JA[p.what]} ${JSON.stringify(p.key)}: テンプレートの構文エラーです（Go template: ${p.problem}）`,
  },
});
