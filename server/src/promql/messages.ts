/**
 * What the PromQL checks say (promql/syntax and promql/type). English is
 * Prometheus's own wording, word for word (promtool is the oracle); Japanese
 * says it in k1s0's words and keeps Prometheus's error in parentheses, the
 * text a user would search the web for.
 */
import { messages } from '../l10n';

/** Japanese wording, then Prometheus's own error in parentheses. */
const prom = (ja: string, en: string): string => `${ja}（Prometheus: ${en}）`;

/** Prometheus's value type names (ast.go's ValueType documented names) in Japanese. */
const TYPE_JA: Record<string, string> = {
  scalar: 'スカラー',
  'instant vector': '瞬時ベクトル',
  'range vector': '範囲ベクトル',
  string: '文字列',
  vector: '瞬時ベクトル',
  matrix: '範囲ベクトル',
  none: '値なし',
};
const typeJa = (t: string): string => TYPE_JA[t] ?? t;

/** Where "unexpected X in …" happened, as contextOf (syntax.ts) names it. */
const CONTEXT_JA: Record<string, string> = {
  ' in aggregation': '集約の中に',
  ' in grouping opts': 'グループ化の指定の中に',
  ' in label matching': 'ラベルマッチャーの中に',
  ' in subquery or range': 'サブクエリまたは範囲の中に',
  ' in offset': 'offset の中に',
  ' in @': '@ の中に',
};

/** "…の中に" (an unexpected token in it) becomes "…の中で" (the expression ended in it). */
const endingInDe = (context: string): string => (context.endsWith('に') ? `${context.slice(0, -1)}で` : context);

/** A token as the Japanese messages name it (describeToken's wording in English). */
function tokenJa(kind: string, text: string): string {
  switch (kind) {
    case 'identifier':
      return `識別子 "${text}"`;
    case 'number':
      return `数値 "${text}"`;
    case 'duration':
      return `期間 "${text}"`;
    case 'string':
      return `文字列 ${text.length > 12 ? `${text.slice(0, 12)}...` : text}`;
    case 'keyword':
      return text.toLowerCase();
    case 'aggregator':
      return `集約演算子 ${text.toLowerCase()}`;
    case 'operator':
      return `演算子 ${text.toLowerCase()}`;
    default:
      return `"${text}"`;
  }
}

const en = {
  // lexer (lex.go) -------------------------------------------------------------
  badDuration: (p: { text: string }) => `not a valid duration string: "${p.text}"`,
  badNumber: (p: { text: string }) => `bad number or duration syntax: "${p.text}"`,
  leftBraceInBraces: () => `unexpected left brace '{' inside braces`,
  afterBangInBraces: (p: { char: string }) => `unexpected character after '!' inside braces: ${p.char}`,
  charInBraces: (p: { char: string }) => `unexpected character inside braces: ${p.char}`,
  rightBrace: () => `unexpected right brace '}'`,
  rightParen: () => `unexpected right parenthesis ')'`,
  leftBracket: () => `unexpected left bracket '['`,
  rightBracket: () => `unexpected right bracket ']'`,
  tildeAfterEquals: () => `unexpected character after '=': '~'`,
  afterBang: (p: { char: string }) => `unexpected character after '!': ${p.char}`,
  unexpectedChar: (p: { char: string }) => `unexpected character: ${p.char}`,
  eofInBraces: () => 'unexpected end of input inside braces',
  unclosedParen: () => 'unclosed left parenthesis',
  unclosedBracket: () => 'unclosed left bracket',
  unterminatedRaw: () => 'unterminated raw string',
  unterminatedQuoted: () => 'unterminated quoted string',
  escapeNotTerminated: () => 'escape sequence not terminated',
  unknownEscape: (p: { char: string }) => `unknown escape sequence ${p.char}`,
  illegalEscapeChar: (p: { char: string }) => `illegal character ${p.char} in escape sequence`,
  invalidCodePoint: () => 'escape sequence is an invalid Unicode code point',

  // parser (generated_parser.y, parse.go) --------------------------------------
  noExpression: () => 'no expression found in input',
  trailingComma: () => 'trailing commas not allowed in function call args',
  /** `desc` is Item.desc()'s wording of the token (describeToken), `context` contextOf's (' in aggregation', or ''). */
  unexpected: (p: { desc: string; kind: string; text: string; context: string }) => `unexpected ${p.desc}${p.context}`,
  /** The hint after an error when a bracket before it is never closed (not Prometheus's: ours). */
  unclosedAtColumn: (p: { bracket: string; column: number }) => `the \`${p.bracket}\` at column ${p.column} of the expression is not closed`,
  unclosedAtLine: (p: { bracket: string; line: number; column: number }) => `the \`${p.bracket}\` at line ${p.line}, column ${p.column} of the expression is not closed`,
  unclosedHere: (p: { bracket: string }) => `this \`${p.bracket}\` is not closed`,
  /** A syntax error's message followed by the unclosed bracket's hint. */
  withHint: (p: { message: string; hint: string }) => `${p.message} — ${p.hint}`,
  withoutAsLabel: () => 'unexpected <without> in grouping opts, expected label',
  numberAsLabel: (p: { text: string }) => `unexpected number "${p.text}" in grouping opts, expected label`,
  emptyGroupingLabel: () => 'invalid label name for grouping: ""',
  durationOutOfRange: () => 'duration out of range',
  hexNotAFloat: (p: { text: string }) => `error parsing number: strconv.ParseFloat: parsing ${JSON.stringify(p.text)}: invalid syntax`,
  numberOutOfRange: (p: { text: string }) => `error parsing number: strconv.ParseFloat: parsing ${JSON.stringify(p.text)}: value out of range`,
  tooBig: () => 'expression too large or too deeply nested to check fully: only lexical errors were checked',
  internalError: (p: { error: string }) => `internal error while checking PromQL: ${p.error}`,
  removedFunction: (p: { name: string; replacement: string; removedIn: string; message: string }) => `unknown function with name "${p.name}": ${p.message}`,
  unknownFunction: (p: { name: string; suggestions: readonly string[] }) =>
    `unknown function with name "${p.name}"${p.suggestions.length > 0 ? ` (did you mean ${p.suggestions.map((s) => `"${s}"`).join(', ')}?)` : ''}`,
  fixRename: (p: { name: string }) => `Rename to ${p.name}`,
  fixChange: (p: { name: string }) => `Change to ${p.name}`,

  // types (checkAST) -------------------------------------------------------------
  experimental: (p: { flag: string; what: ExperimentalWhat; name?: string }) => `experimental in Prometheus 3, needs --enable-feature=${p.flag}: ${experimentalEn(p.what, p.name)}`,
  argCount: (p: { name: string; want: number; got: number; bound: 'exactly' | 'at least' | 'at most' }) =>
    `expected ${p.bound === 'exactly' ? '' : `${p.bound} `}${p.want} argument(s) in call to "${p.name}", got ${p.got}`,
  argType: (p: { name: string; want: string; got: string }) => `expected type ${p.want} in call to function "${p.name}", got ${p.got}`,
  infoLabelsOnly: () => 'expected label selectors only',
  infoLabelsOnlyGotVector: () => 'expected label selectors only, got vector selector instead',
  aggrNoArgs: () => 'no arguments for aggregate expression provided',
  aggrArgCount: (p: { want: number; got: number }) => `wrong number of arguments for aggregate expression provided, expected ${p.want}, got ${p.got}`,
  aggrOperandType: (p: { got: string }) => `expected type instant vector in aggregation expression, got ${p.got}`,
  aggrParamType: (p: { want: string; got: string }) => `expected type ${p.want} in aggregation parameter, got ${p.got}`,
  unaryType: (p: { got: string }) => `unary expression only allowed on expressions of type scalar or instant vector, got "${p.got}"`,
  boolNotComparison: () => 'bool modifier can only be used on comparison operators',
  scalarComparisonNeedsBool: () => 'comparisons between scalars must use BOOL modifier',
  fixUseBool: (p: { op: string }) => `Use "${p.op} bool"`,
  labelInOnAndGroup: (p: { label: string }) => `label "${p.label}" must not occur in ON and GROUP clause at once`,
  binaryTypes: () => 'binary expression must contain only scalar and instant vector types',
  matchingNeedsVectors: () => 'vector matching only allowed between instant vectors',
  fillNeedsVectors: () => 'filling in missing series only allowed between instant vectors',
  setGrouping: (p: { op: string }) => `no grouping allowed for "${p.op}" operation`,
  setFill: () => 'filling in missing series not allowed for set operators',
  setScalar: (p: { op: string }) => `set operator "${p.op}" not allowed in binary scalar expression`,
  badRegex: (p: { error: string }) => p.error,
  metricNameTwice: (p: { name: string; other: string }) => `metric name must not be set twice: "${p.name}" or "${p.other}"`,
  emptySelector: () => 'vector selector must contain at least one non-empty matcher',
  durationNotPositive: () => 'duration must be greater than 0',
  rangeOnNonSelector: () => 'ranges only allowed for vector selectors',
  fixSubquery: () => 'Make it a subquery',
  subqueryType: (p: { got: string }) => `subquery is only allowed on instant vector, got ${p.got} instead`,
  offsetBeforeRange: () => 'no offset modifiers allowed before range',
  atBeforeRange: () => 'no @ modifiers allowed before range',
  modifierTarget: (p: { what: 'offset' | '@' }) => `${p.what} modifier must be preceded by an instant vector selector or range vector selector or a subquery`,
  offsetTwice: () => 'offset may not be set multiple times',
  atTwice: () => '@ <timestamp> may not be set multiple times',
  atOutOfBounds: (p: { value: string }) => `timestamp out of bounds for @ modifier: ${p.value}`,
  smoothingOnSubquery: (p: { kind: string }) => `${p.kind} modifier is not supported for subqueries`,
  smoothingNotImplemented: (p: { kind: string }) => `${p.kind} modifier not implemented`,
  anchoredAndSmoothed: () => 'anchored and smoothed modifiers cannot be used together',
};

/** What an experimental feature is: `function` and `aggregation` name the function or operator. */
export type ExperimentalWhat = 'function' | 'aggregation' | 'fill' | 'durationExpr' | 'anchored' | 'smoothed';

function experimentalEn(what: ExperimentalWhat, name = ''): string {
  switch (what) {
    case 'function':
      return `function "${name}"`;
    case 'aggregation':
      return `${name}()`;
    case 'fill':
      return 'fill modifiers';
    case 'durationExpr':
      return 'duration expressions';
    default:
      return `the ${what} modifier`;
  }
}

function experimentalJa(what: ExperimentalWhat, name = ''): string {
  switch (what) {
    case 'function':
      return `関数 "${name}"`;
    case 'aggregation':
      return `集約 ${name}()`;
    case 'fill':
      return 'fill 修飾子';
    case 'durationExpr':
      return '期間の式';
    default:
      return `${what} 修飾子`;
  }
}

const BOUND_JA = { exactly: '', 'at least': '以上', 'at most': '以下' } as const;

export const say = messages('promql', {
  en,
  ja: {
    badDuration: (p) => prom(`"${p.text}" は期間として正しくありません`, en.badDuration(p)),
    badNumber: (p) => prom(`数値または期間の書き方が正しくありません: "${p.text}"`, en.badNumber(p)),
    leftBraceInBraces: () => prom('波括弧の中に予期しない { があります', en.leftBraceInBraces()),
    afterBangInBraces: (p) => prom(`波括弧の中で ! の後に予期しない文字 ${p.char} があります`, en.afterBangInBraces(p)),
    charInBraces: (p) => prom(`波括弧の中に予期しない文字 ${p.char} があります`, en.charInBraces(p)),
    rightBrace: () => prom('対応する { のない } があります', en.rightBrace()),
    rightParen: () => prom('対応する ( のない ) があります', en.rightParen()),
    leftBracket: () => prom('範囲の中に予期しない [ があります', en.leftBracket()),
    rightBracket: () => prom('対応する [ のない ] があります', en.rightBracket()),
    tildeAfterEquals: () => prom('= の後に予期しない ~ があります（正規表現マッチは =~ と書きます）', en.tildeAfterEquals()),
    afterBang: (p) => prom(`! の後に予期しない文字 ${p.char} があります`, en.afterBang(p)),
    unexpectedChar: (p) => prom(`予期しない文字 ${p.char} があります`, en.unexpectedChar(p)),
    eofInBraces: () => prom('波括弧が閉じられないまま式が終わっています', en.eofInBraces()),
    unclosedParen: () => prom('( が閉じられていません', en.unclosedParen()),
    unclosedBracket: () => prom('[ が閉じられていません', en.unclosedBracket()),
    unterminatedRaw: () => prom('バッククォートの文字列が閉じられていません', en.unterminatedRaw()),
    unterminatedQuoted: () => prom('引用符の文字列が閉じられていません', en.unterminatedQuoted()),
    escapeNotTerminated: () => prom('エスケープシーケンスが途中で終わっています', en.escapeNotTerminated()),
    unknownEscape: (p) => prom(`未知のエスケープシーケンス ${p.char} があります`, en.unknownEscape(p)),
    illegalEscapeChar: (p) => prom(`エスケープシーケンスに使えない文字 ${p.char} があります`, en.illegalEscapeChar(p)),
    invalidCodePoint: () => prom('エスケープシーケンスが Unicode の正しいコードポイントではありません', en.invalidCodePoint()),

    noExpression: () => prom('式がありません', en.noExpression()),
    trailingComma: () => prom('関数呼び出しの引数の末尾にカンマは書けません', en.trailingComma()),
    unexpected: (p) =>
      prom(
        p.kind === 'eof' ? `${endingInDe(CONTEXT_JA[p.context] ?? '')}式が途中で終わっています` : `${CONTEXT_JA[p.context] ?? ''}予期しない ${tokenJa(p.kind, p.text)} があります`,
        en.unexpected(p),
      ),
    withoutAsLabel: () => prom('グループ化の指定にラベルではなく without があります', en.withoutAsLabel()),
    numberAsLabel: (p) => prom(`グループ化の指定にラベルではなく数値 "${p.text}" があります`, en.numberAsLabel(p)),
    emptyGroupingLabel: () => prom('グループ化のラベル名 "" は正しくありません', en.emptyGroupingLabel()),
    durationOutOfRange: () => prom('期間が範囲外です（2^63 ナノ秒まで）', en.durationOutOfRange()),
    hexNotAFloat: (p) => prom(`数値 ${p.text} を読めません（16 進数が int64 を超えています）`, en.hexNotAFloat(p)),
    numberOutOfRange: (p) => prom(`数値 ${p.text} が範囲外です`, en.numberOutOfRange(p)),
    tooBig: () => prom('式が大きすぎるか入れ子が深すぎるため、字句のエラーだけを確認しました', en.tooBig()),
    internalError: (p) => prom(`PromQL の確認中に内部エラーが起きました: ${p.error}`, en.internalError(p)),
    removedFunction: (p) => prom(`関数 "${p.name}" は Prometheus ${p.removedIn} で ${p.replacement} に名前が変わりました`, en.removedFunction(p)),
    unknownFunction: (p) => prom(`未知の関数 "${p.name}" です${p.suggestions.length > 0 ? `。${p.suggestions.map((s) => `"${s}"`).join('、')} の誤りではありませんか？` : ''}`, en.unknownFunction(p)),
    fixRename: (p) => `${p.name} に名前を変更`,
    fixChange: (p) => `${p.name} に変更`,

    experimental: (p) => prom(`${experimentalJa(p.what, p.name)} は Prometheus 3 の実験的機能で、--enable-feature=${p.flag} が必要です`, en.experimental(p)),
    argCount: (p) => prom(`関数 "${p.name}" の引数は ${p.want} 個${BOUND_JA[p.bound]}ですが、${p.got} 個あります`, en.argCount(p)),
    argType: (p) => prom(`関数 "${p.name}" のこの引数は${typeJa(p.want)}である必要がありますが、${typeJa(p.got)}です`, en.argType(p)),
    infoLabelsOnly: () => prom('ここにはラベルのセレクタだけを書けます', en.infoLabelsOnly()),
    infoLabelsOnlyGotVector: () => prom('ここにはラベルのセレクタだけを書けます（メトリクス名は書けません）', en.infoLabelsOnlyGotVector()),
    aggrNoArgs: () => prom('集約に引数がありません', en.aggrNoArgs()),
    aggrArgCount: (p) => prom(`集約の引数は ${p.want} 個ですが、${p.got} 個あります`, en.aggrArgCount(p)),
    aggrOperandType: (p) => prom(`集約できるのは瞬時ベクトルだけですが、${typeJa(p.got)}です`, en.aggrOperandType(p)),
    aggrParamType: (p) => prom(`集約のパラメータは${typeJa(p.want)}である必要がありますが、${typeJa(p.got)}です`, en.aggrParamType(p)),
    unaryType: (p) => prom(`単項演算子はスカラーか瞬時ベクトルにだけ使えますが、${typeJa(p.got)}です`, en.unaryType(p)),
    boolNotComparison: () => prom('bool 修飾子は比較演算子にだけ使えます', en.boolNotComparison()),
    scalarComparisonNeedsBool: () => prom('スカラー同士の比較には bool 修飾子が必要です', en.scalarComparisonNeedsBool()),
    fixUseBool: (p) => `"${p.op} bool" にする`,
    labelInOnAndGroup: (p) => prom(`ラベル "${p.label}" を on と group の両方に書くことはできません`, en.labelInOnAndGroup(p)),
    binaryTypes: () => prom('二項演算の両辺はスカラーか瞬時ベクトルである必要があります', en.binaryTypes()),
    matchingNeedsVectors: () => prom('ベクトルマッチング（on / ignoring）は瞬時ベクトル同士でだけ使えます', en.matchingNeedsVectors()),
    fillNeedsVectors: () => prom('欠けた系列の補完（fill）は瞬時ベクトル同士でだけ使えます', en.fillNeedsVectors()),
    setGrouping: (p) => prom(`"${p.op}" 演算では group_left / group_right は使えません`, en.setGrouping(p)),
    setFill: () => prom('集合演算子では欠けた系列の補完（fill）は使えません', en.setFill()),
    setScalar: (p) => prom(`集合演算子 "${p.op}" はスカラーとの演算には使えません`, en.setScalar(p)),
    badRegex: (p) => prom('正規表現が正しくありません', en.badRegex(p)),
    metricNameTwice: (p) => prom(`メトリクス名が 2 回指定されています: "${p.name}" と "${p.other}"`, en.metricNameTwice(p)),
    emptySelector: () => prom('ベクトルセレクタには空文字列にマッチしないマッチャーが 1 つ以上必要です', en.emptySelector()),
    durationNotPositive: () => prom('期間は 0 より大きくしてください', en.durationNotPositive()),
    rangeOnNonSelector: () => prom('範囲 [...] はベクトルセレクタにだけ付けられます', en.rangeOnNonSelector()),
    fixSubquery: () => 'サブクエリにする',
    subqueryType: (p) => prom(`サブクエリは瞬時ベクトルにだけ使えますが、${typeJa(p.got)}です`, en.subqueryType(p)),
    offsetBeforeRange: () => prom('範囲 [...] の前に offset 修飾子は書けません', en.offsetBeforeRange()),
    atBeforeRange: () => prom('範囲 [...] の前に @ 修飾子は書けません', en.atBeforeRange()),
    modifierTarget: (p) => prom(`${p.what} 修飾子の前には瞬時ベクトルセレクタ、範囲ベクトルセレクタまたはサブクエリが必要です`, en.modifierTarget(p)),
    offsetTwice: () => prom('offset が 2 回以上指定されています', en.offsetTwice()),
    atTwice: () => prom('@ <timestamp> が 2 回以上指定されています', en.atTwice()),
    atOutOfBounds: (p) => prom(`@ 修飾子のタイムスタンプが範囲外です: ${p.value}`, en.atOutOfBounds(p)),
    smoothingOnSubquery: (p) => prom(`${p.kind} 修飾子はサブクエリには使えません`, en.smoothingOnSubquery(p)),
    smoothingNotImplemented: (p) => prom(`${p.kind} 修飾子はここでは使えません`, en.smoothingNotImplemented(p)),
    anchoredAndSmoothed: () => prom('anchored と smoothed 修飾子は同時に使えません', en.anchoredAndSmoothed()),
    unclosedAtColumn: (p) => `式の ${p.column} 列目の \`${p.bracket}\` が閉じられていません`,
    unclosedAtLine: (p) => `式の ${p.line} 行 ${p.column} 列目の \`${p.bracket}\` が閉じられていません`,
    unclosedHere: (p) => `この \`${p.bracket}\` が閉じられていません`,
    withHint: (p) => `${p.message}。${p.hint}`,
  },
});
