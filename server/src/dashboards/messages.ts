/** What the dashboard checks say: JSON syntax, dashboard structure, template variables and LogQL. */
import { messages } from '../l10n';

/** jsonc-parser's ParseErrorCode, by number. */
const JSON_EN: Record<number, string> = {
  1: 'Unexpected character: JSON allows objects, arrays, strings, numbers, true, false and null here',
  2: 'Invalid number',
  3: 'Expected a property name in double quotes',
  4: 'Expected a value',
  5: 'Expected ":" after the property name',
  6: 'Expected "," between entries',
  7: 'Expected "}" to close the object',
  8: 'Expected "]" to close the array',
  9: 'Expected the end of the document: there is text after the top-level value',
  10: 'Comments are not allowed in JSON',
  11: 'Unterminated comment',
  12: 'Unterminated string: a closing " is missing',
  13: 'Unexpected end of number',
  14: 'Invalid unicode escape: \\u needs four hex digits',
  15: 'Invalid escape: JSON knows \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX',
  16: 'Invalid character in a string: control characters must be escaped',
};
const JSON_JA: Record<number, string> = {
  1: '予期しない文字です。ここに書けるのはオブジェクト、配列、文字列、数値、true、false、null です',
  2: '数値が正しくありません',
  3: '二重引用符で囲んだプロパティ名が必要です',
  4: '値が必要です',
  5: 'プロパティ名の後に ":" が必要です',
  6: '要素の間に "," が必要です',
  7: 'オブジェクトを閉じる "}" が必要です',
  8: '配列を閉じる "]" が必要です',
  9: 'ドキュメントの終わりが必要です。トップレベルの値の後にテキストがあります',
  10: 'JSON にコメントは書けません',
  11: 'コメントが閉じられていません',
  12: '文字列が閉じられていません。閉じる " がありません',
  13: '数値が途中で終わっています',
  14: 'Unicode エスケープが正しくありません。\\u の後には 16 進数 4 桁が必要です',
  15: 'エスケープが正しくありません。JSON のエスケープは \\" \\\\ \\/ \\b \\f \\n \\r \\t と \\uXXXX です',
  16: '文字列に使えない文字があります。制御文字はエスケープしてください',
};

type JsonKind = 'nothing' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
const KIND_EN: Record<JsonKind, string> = { nothing: 'nothing', object: 'an object', array: 'an array', string: 'a string', number: 'a number', boolean: 'a boolean', null: 'null' };
const KIND_JA: Record<JsonKind, string> = { nothing: '値なし', object: 'オブジェクト', array: '配列', string: '文字列', number: '数値', boolean: '真偽値', null: 'null' };

const dollars = (names: readonly string[]): string => names.map((n) => `$${n}`).join(', ');

const en = {
  jsonKind: (p: { kind: JsonKind }) => KIND_EN[p.kind],
  jsonTooDeep: (p: { depth: number }) => `Not checked: the document nests deeper than ${p.depth} levels`,
  jsonParserFailed: (p: { error: string }) => `Not checked: the JSON parser failed (${p.error})`,
  jsonTrailingComma: (p: { closer: string }) => `Trailing comma: JSON allows no comma before "${p.closer}"`,
  jsonError: (p: { code: number }) => JSON_EN[p.code] ?? 'Invalid JSON',

  // dashboard/structure -----------------------------------------------------------
  notPanels: (p: { key: string; got: string }) => `"${p.key}" must be an array of panels; got ${p.got}.`,
  templatingNotObject: (p: { got: string }) => `"templating" must be an object with a "list" of variables; got ${p.got}.`,
  templatingListNotArray: (p: { got: string }) => `"templating.list" must be an array of variables; got ${p.got}.`,
  variableNotObject: (p: { got: string }) => `A template variable must be an object; got ${p.got}.`,
  variableNoName: () => 'This template variable has no "name": it cannot be used in queries.',
  variableTwice: (p: { name: string }) => `Template variable "${p.name}" is defined twice; Grafana keeps only one of them.`,
  panelNotObject: (p: { got: string }) => `A panel must be an object; got ${p.got}.`,
  panelIdTwice: (p: { id: number }) => `Panel id ${p.id} is used by another panel; ids must be unique within a dashboard (links to a panel and panel editing pick the wrong one).`,
  targetsNotArray: (p: { got: string }) => `"targets" must be an array of queries; got ${p.got}.`,
  targetNotObject: (p: { got: string }) => `A target must be an object; got ${p.got}.`,
  exprNotString: (p: { got: string }) => `"expr" must be a string; got ${p.got}.`,
  refIdTwice: (p: { refId: string }) => `refId "${p.refId}" is used by another target of this panel; each query of a panel needs its own refId, or one result replaces the other.`,
  mixedNoDatasource: () => 'This query of a "-- Mixed --" panel names no datasource of its own, so Grafana runs it on the default datasource; set the target\'s "datasource".',

  // dashboard/variable --------------------------------------------------------------
  definedNames: (p: { names: readonly string[] }) => (p.names.length ? `defined: ${dollars(p.names)}` : 'the dashboard defines no variables'),
  undefinedVariable: (p: { name: string; suggestion?: string; defined: string }) =>
    `Template variable "$${p.name}" is not defined in this dashboard's templating${p.suggestion ? `; did you mean "$${p.suggestion}"?` : ''} (${p.defined}). Grafana leaves it as it is, and the query fails or matches nothing.`,
  undefinedDatasourceVariable: (p: { name: string; defined: string }) =>
    `Datasource variable "$${p.name}" is not defined in this dashboard's templating or __inputs (${p.defined}); Grafana cannot find the datasource and the panel stays empty.`,
  fixChangeQuoted: (p: { to: string }) => `Change to "${p.to}"`,

  // logql ---------------------------------------------------------------------------
  logqlInternal: (p: { error: string }) => `internal error while parsing LogQL: ${p.error}`,
  logqlUnexpected: (p: { token: string }) => `LogQL syntax error: unexpected ${p.token}.`,
  logqlUnclosed: (p: { open: number }) => `LogQL syntax error: ${p.open === 1 ? 'a closing ")" is' : `${p.open} closing ")" are`} missing at the end.`,
  logqlEndsEarly: (p: { token: string }) => `LogQL syntax error: the query ends early after ${p.token}.`,
  logqlUnknownLabel: (p: { name: string; suggestion?: string; labels: readonly string[] }) =>
    `"${p.name}" is not a k1s0 log stream label${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''} (design: ログラベル設計: ${p.labels.join(', ')}).`,
  logqlLabelValue: (p: { name: string; value: string; known: readonly string[]; suggestion?: string }) =>
    `${p.name}="${p.value}" matches no k1s0 log stream: ${p.name} is one of ${p.known.join(', ')}${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''} (design: ログラベル設計).`,
};

export const say = messages('dashboards', {
  en,
  ja: {
    jsonKind: (p) => KIND_JA[p.kind],
    jsonTooDeep: (p) => `確認していません: ドキュメントの入れ子が ${p.depth} 階層より深くなっています`,
    jsonParserFailed: (p) => `確認していません: JSON パーサーが失敗しました（${p.error}）`,
    jsonTrailingComma: (p) => `末尾のカンマです。JSON では "${p.closer}" の前にカンマは書けません`,
    jsonError: (p) => JSON_JA[p.code] ?? 'JSON が正しくありません',

    notPanels: (p) => `"${p.key}" はパネルの配列である必要がありますが、${p.got}です。`,
    templatingNotObject: (p) => `"templating" は変数の "list" を持つオブジェクトである必要がありますが、${p.got}です。`,
    templatingListNotArray: (p) => `"templating.list" は変数の配列である必要がありますが、${p.got}です。`,
    variableNotObject: (p) => `テンプレート変数はオブジェクトである必要がありますが、${p.got}です。`,
    variableNoName: () => 'このテンプレート変数には "name" がありません。クエリで使えません。',
    variableTwice: (p) => `テンプレート変数 "${p.name}" が 2 回定義されています。Grafana はどちらか一方しか残しません。`,
    panelNotObject: (p) => `パネルはオブジェクトである必要がありますが、${p.got}です。`,
    panelIdTwice: (p) => `パネル id ${p.id} は別のパネルでも使われています。id はダッシュボード内で一意にしてください（パネルへのリンクやパネルの編集が別のパネルを選んでしまいます）。`,
    targetsNotArray: (p) => `"targets" はクエリの配列である必要がありますが、${p.got}です。`,
    targetNotObject: (p) => `ターゲットはオブジェクトである必要がありますが、${p.got}です。`,
    exprNotString: (p) => `"expr" は文字列である必要がありますが、${p.got}です。`,
    refIdTwice: (p) => `refId "${p.refId}" はこのパネルの別のターゲットでも使われています。パネルのクエリごとに別の refId が必要で、同じだと一方の結果がもう一方を置き換えます。`,
    mixedNoDatasource: () => '"-- Mixed --" パネルのこのクエリは自身のデータソースを指定していないため、Grafana はデフォルトのデータソースで実行します。ターゲットの "datasource" を設定してください。',

    definedNames: (p) => (p.names.length ? `定義済み: ${dollars(p.names)}` : 'ダッシュボードに変数の定義がありません'),
    undefinedVariable: (p) =>
      `テンプレート変数 "$${p.name}" はこのダッシュボードの templating に定義されていません${p.suggestion ? `。"$${p.suggestion}" の誤りではありませんか？` : ''}（${p.defined}）。Grafana はそのまま残すため、クエリは失敗するか何にもマッチしません。`,
    undefinedDatasourceVariable: (p) =>
      `データソース変数 "$${p.name}" はこのダッシュボードの templating にも __inputs にも定義されていません（${p.defined}）。Grafana はデータソースを見つけられず、パネルは空のままになります。`,
    fixChangeQuoted: (p) => `"${p.to}" に変更`,

    logqlInternal: (p) => `LogQL の解析中に内部エラーが起きました: ${p.error}`,
    logqlUnexpected: (p) => `LogQL の構文エラー: 予期しない ${p.token} があります。`,
    logqlUnclosed: (p) => `LogQL の構文エラー: 末尾に閉じる ")" が${p.open === 1 ? '' : ` ${p.open} 個`}足りません。`,
    logqlEndsEarly: (p) => `LogQL の構文エラー: ${p.token} の後でクエリが途中で終わっています。`,
    logqlUnknownLabel: (p) =>
      `"${p.name}" は k1s0 のログストリームのラベルではありません${p.suggestion ? `。"${p.suggestion}" の誤りではありませんか？` : ''}（設計: ログラベル設計: ${p.labels.join(', ')}）。`,
    logqlLabelValue: (p) =>
      `${p.name}="${p.value}" にマッチする k1s0 のログストリームはありません。${p.name} は ${p.known.join(', ')} のいずれかです${p.suggestion ? `。"${p.suggestion}" の誤りではありませんか？` : ''}（設計: ログラベル設計）。`,
  },
});
