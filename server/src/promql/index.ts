/**
 * PromQL checks for k1s0: syntax and type errors as Prometheus 3 reports
 * them, plus notes for experimental features. Pure: no editor or LSP imports.
 */
import { checkSemantics } from './semantics';
import { checkSyntax } from './syntax';
import { parsePromql } from './parse';
import { TextMemo } from './memo';
import type { PromqlProblem } from './problem';
import type { ReaderCodes } from '../base/check';
import { say } from './messages';
import { getLocale } from '../l10n';
import { cacheSlot, type Caches } from '../base/caches';

export type { PromqlProblem, PromqlFix, PromqlCode } from './problem';
export type { FunctionSignature, ValueType } from './functionTable';
export type { PromqlType } from './valueTypes';
export type { Tree, SyntaxNode } from './parse';
export { parsePromql } from './parse';
export { inferType } from './valueTypes';
export { promqlFunctions } from './functionTable';

/**
 * Problems by expression text, in a service's caches: they depend on nothing
 * else (but the language), and each rule's expression is asked for twice (its
 * own checks, the rule's catalog checks) and again after every edit of its file.
 * The arrays kept are never handed out.
 */
const CHECKED = cacheSlot('promql/checked', (caches) => new TextMemo<readonly PromqlProblem[]>(4096, { keep: caches.keep }), getLocale);
const NO_PROBLEMS: readonly PromqlProblem[] = Object.freeze([]);

/** All problems in expr, sorted by position. Never throws. The array is the caller's (a fresh one each call). With `caches`, remembered by text. */
export function checkPromql(expr: string, caches?: Caches): PromqlProblem[] {
  const checked = caches?.get(CHECKED);
  const known = checked?.get(expr);
  if (known) return known.slice();
  try {
    const tree = parsePromql(expr, caches);
    const syntax = checkSyntax(expr, tree);
    // Like Prometheus, type-check only expressions that parsed.
    const problems = syntax ? [syntax] : checkSemantics(tree, expr, caches);
    problems.sort((a, b) => a.from - b.from || a.to - b.to);
    // Only answers that ran to the end are kept: an internal error (a stack overflow in a busy process) may not recur.
    checked?.set(expr, problems.length ? problems.slice() : NO_PROBLEMS);
    return problems;
  } catch (e) {
    // A bug in a check must not take the editor down; surface it instead.
    const message = e instanceof Error ? e.message : String(e);
    return [{ from: 0, to: expr.length, code: 'promql/syntax', severity: 'error', message: say('internalError', { error: message }) }];
  }
}

export const promqlCodes: ReaderCodes = {
  meta: {
    name: 'promql/index',
    on: 'reader',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description:
      "PromQL that does not parse, in Prometheus's words (`unexpected <by> in aggregation`), on the token inside the YAML scalar whatever its style; PromQL that parses but Prometheus rejects: unknown functions (did-you-mean), argument counts and types, range vs instant vectors, `bool` and set-operator rules, vector matching, offsets and `@`, durations, empty or duplicate matchers, RE2 regexes; Prometheus 3's experimental features get a note naming the feature flag",
    codes: [
      {
        code: 'promql/syntax',
        severity: 'error',
        short: 'PromQL does not parse',
        help: "The PromQL expression is rejected by the Prometheus parser. The message is Prometheus's own.",
        ja: { short: 'PromQL として解析できない', help: 'PromQL 式が Prometheus のパーサーに拒否されます。メッセージは Prometheus 自身のものです。' },
      },
      {
        code: 'promql/type',
        severity: 'error',
        short: 'PromQL that Prometheus rejects',
        help: 'The expression parses but Prometheus rejects it: argument types or counts, unknown functions, range vs instant vectors, bool misuse, invalid regexes, empty or duplicate matchers.',
        ja: {
          short: 'Prometheus が拒否する PromQL',
          help: '式は解析できますが Prometheus が拒否します: 引数の型や数、未知の関数、範囲ベクトルと瞬時ベクトルの取り違え、bool の誤用、不正な正規表現、空または重複したマッチャー。',
        },
      },
    ],
  },
};
