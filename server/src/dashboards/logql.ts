import { parser } from '@grafana/lezer-logql';
import { closestMatch } from '../base/suggest';
import { BUILTIN_CATALOG } from '../catalog/catalog';
import { toFinding, type ExpressionProblem, type ExpressionSite } from '../promql/site';
import type { Finding } from '../base/types';
import type { ReaderCodes } from '../base/check';
import { say } from './messages';

/**
 * LogQL (Loki) queries of dashboards: syntax as `@grafana/lezer-logql` (the
 * grammar of Grafana's own Loki editor) reads it, and stream selector labels
 * against the design's log label table.
 */

/** ログラベル設計: the labels k1s0's log streams carry, with the values the design knows (the catalog's logLabels). */
export const LOG_LABELS: ReadonlyMap<string, readonly string[] | undefined> = new Map(BUILTIN_CATALOG.logLabels.map((l) => [l.name, l.values]));

// Types come from the parser itself: its typings resolve @lezer/common as ESM, ours as CommonJS.
type Tree = ReturnType<typeof parser.parse>;
type SyntaxNode = Tree['topNode'];

export function parseLogql(query: string): Tree {
  return parser.parse(query);
}

const LOG_PIPELINE = /\}\s*(?:\|[=~>]|!=|!~|!>|\|\s*(?:json|logfmt|pattern|regexp|unpack|line_format|label_format|unwrap|drop|keep|decolorize)\b)/;

/**
 * Whether a query that is not valid PromQL, from a datasource we could not
 * identify, is LogQL: it parses as LogQL, or it has a log pipeline after a
 * stream selector (`{…} |= "x"`, `{…} | json`).
 */
export function looksLikeLogql(query: string): boolean {
  if (LOG_PIPELINE.test(query)) return true;
  let clean = true;
  parseLogql(query).iterate({
    enter(node) {
      if (node.type.isError) clean = false;
      return clean;
    },
  });
  return clean;
}

/** The problems of one LogQL query, in query offsets. */
// Stryker disable next-line ArrowFunction: undefined is as false to the only caller
export function checkLogqlQuery(query: string, isSubstituted: (from: number, to: number) => boolean = () => false): ExpressionProblem[] {
  if (query.trim() === '') return [];
  let tree: Tree;
  // Stryker disable all: lezer's parser recovers from any text with error nodes; the catch is for a failure of the parser itself
  try {
    tree = parseLogql(query);
  } catch (error) {
    return [{ from: 0, to: query.length, code: 'logql/syntax', severity: 'error', message: say('logqlInternal', { error: error instanceof Error ? error.message : String(error) }) }];
  }
  // Stryker restore all
  const syntax = firstSyntaxError(query, tree);
  if (syntax) return [syntax];
  return checkStreamLabels(query, tree, isSubstituted);
}

function firstSyntaxError(query: string, tree: Tree): ExpressionProblem | undefined {
  let found: { from: number; to: number } | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (node.type.isError) found = { from: node.from, to: node.to };
      return !found;
    },
  });
  if (!found) return undefined;
  if (found.to > found.from) {
    const text = query.slice(found.from, found.to);
    return { from: found.from, to: found.to, code: 'logql/syntax', severity: 'error', message: say('logqlUnexpected', { token: quote(text) }) };
  }
  // An empty error node: something is missing at `from`. Point at what precedes it.
  const rest = query.slice(found.from);
  const next = /^\s*(\S+)/.exec(rest);
  if (next?.[1]) {
    const start = found.from + rest.indexOf(next[1]);
    const token = /^[\w.]+|^"(?:[^"\\]|\\.)*"?|^\S/.exec(next[1])?.[0] ?? next[1];
    return { from: start, to: start + token.length, code: 'logql/syntax', severity: 'error', message: say('logqlUnexpected', { token: quote(token) }) };
  }
  // Only blanks follow the error: it is at the end of the query.
  // Stryker disable next-line MethodExpression: only blanks follow found.from, and they are trimmed
  const before = query.slice(0, found.from).trimEnd();
  // Stryker disable next-line OptionalChaining,StringLiteral: the last alternative takes any last character, and the query is not blank
  const lastToken = /(?:[\w.:]+|"(?:[^"\\]|\\.)*"|`[^`]*`|\|[=~]|!=|!~|=~|\S)$/.exec(before)?.[0] ?? '';
  const start = Math.max(0, before.length - lastToken.length);
  const open = unclosedParens(before);
  const message = open > 0 ? say('logqlUnclosed', { open }) : say('logqlEndsEarly', { token: quote(lastToken) });
  return { from: start, to: before.length, code: 'logql/syntax', severity: 'error', message };
}

/** Parentheses opened and not closed, outside strings. */
function unclosedParens(text: string): number {
  let depth = 0;
  let quoteChar: string | undefined;
  // Stryker disable next-line EqualityOperator: text[text.length] is undefined, which changes nothing
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoteChar) {
      if (ch === '\\' && quoteChar !== '`') i++;
      else if (ch === quoteChar) quoteChar = undefined;
    } else if (ch === '"' || ch === '`') quoteChar = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
  }
  return depth;
}

function quote(text: string): string {
  const short = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `"${short}"`;
}

function checkStreamLabels(query: string, tree: Tree, isSubstituted: (from: number, to: number) => boolean): ExpressionProblem[] {
  const problems: ExpressionProblem[] = [];
  tree.iterate({
    enter(node) {
      if (node.name !== 'Selector') return true;
      for (const matcher of matchersOf(node.node)) {
        const label = matcher.getChild('Identifier');
        // Stryker disable next-line ConditionalExpression: a matcher of a tree without errors has its label
        if (!label) continue;
        const name = query.slice(label.from, label.to);
        if (isSubstituted(label.from, label.to)) continue;
        if (!LOG_LABELS.has(name)) {
          const suggestion = closestMatch(name, LOG_LABELS.keys());
          problems.push({
            from: label.from,
            to: label.to,
            code: 'logql/unknown-label',
            severity: 'warning',
            message: say('logqlUnknownLabel', { name, labels: [...LOG_LABELS.keys()], ...(suggestion ? { suggestion } : {}) }),
            ...(suggestion ? { fixes: [{ title: say('fixChangeQuoted', { to: suggestion }), preferred: true, edits: [{ start: label.from, end: label.to, newText: suggestion }] }] } : {}),
          });
          continue;
        }
        const known = LOG_LABELS.get(name);
        const operator = matcher.getChild('Eq') ?? matcher.getChild('Neq');
        const value = matcher.getChild('String');
        if (!known || !operator || !value || isSubstituted(value.from, value.to)) continue;
        const literal = unquote(query.slice(value.from, value.to));
        if (literal === undefined || literal === '' || known.includes(literal)) continue;
        const suggestion = closestMatch(literal, known);
        problems.push({
          from: value.from,
          to: value.to,
          code: 'logql/label-value',
          severity: 'warning',
          message: say('logqlLabelValue', { name, value: literal, known, ...(suggestion ? { suggestion } : {}) }),
          ...(suggestion ? { fixes: [{ title: say('fixChangeQuoted', { to: suggestion }), preferred: true, edits: [{ start: value.from + 1, end: value.to - 1, newText: suggestion }] }] } : {}),
        });
      }
      // Stryker disable next-line BooleanLiteral: a selector holds no selector, so going into it finds nothing more
      return false;
    },
  });
  return problems;
}

function matchersOf(selector: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const visit = (node: SyntaxNode): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.name === 'Matcher') {
        out.push(child);
        continue;
      }
      // Stryker disable next-line ConditionalExpression: the other children of a selector or its matchers (braces, commas) hold no matcher
      if (child.name === 'Matchers') visit(child);
    }
  };
  visit(selector);
  return out;
}

/** The value of a String token of a tree without errors: a whole `…` or "…" string. */
function unquote(text: string): string | undefined {
  // Stryker disable next-line MethodExpression: a String token that starts with a backtick ends with one
  if (text.startsWith('`')) return text.slice(1, -1);
  try {
    return JSON.parse(text) as string;
  } catch {
    // An escape JSON does not read (LogQL's are Go's): not judged.
  }
  return undefined;
}

/** Every problem of a LogQL query at a dashboard site, in document offsets. */
export function checkLogql(site: ExpressionSite): Finding[] {
  const substituted = (from: number, to: number): boolean => site.isSubstituted?.(from, to) ?? false;
  return checkLogqlQuery(site.value, substituted).map((problem) => toFinding(site, problem));
}

export const logqlCodes: ReaderCodes = {
  meta: {
    name: 'dashboards/logql',
    on: 'reader',
    fileKinds: ['dashboard'],
    description:
      "a query on a Loki datasource that does not parse as LogQL (`@grafana/lezer-logql`), never reported as PromQL; stream selector labels outside the design's log label table (service, tier, environment, level, trace_id) and tier/environment/level values the design does not know",
    codes: [
      {
        code: 'logql/syntax',
        severity: 'error',
        short: 'LogQL does not parse',
        help: 'A query on a Loki datasource does not parse as LogQL.',
        ja: { short: 'LogQL として解析できない', help: 'Loki データソースのクエリが LogQL として解析できません。' },
      },
      {
        code: 'logql/unknown-label',
        severity: 'warning',
        short: 'log label outside the design',
        help: "A stream selector names a label outside the design's log label table (service, tier, environment, level, trace_id).",
        ja: { short: '設計にないログラベル', help: 'ストリームセレクタが、設計のログラベルの表（service、tier、environment、level、trace_id）にないラベルを指定しています。' },
      },
      {
        code: 'logql/label-value',
        severity: 'warning',
        short: 'log label value outside the design',
        help: 'A tier, environment or level value the design does not know.',
        ja: { short: '設計にないログラベルの値', help: '設計が知らない tier、environment または level の値です。' },
      },
    ],
  },
};
