/**
 * Inline suppression in YAML files:
 *
 * ```yaml
 * # k1s0-disable-next-line config/policy, promql/counter -- reason
 * # k1s0-disable catalog -- the rest of the rule it sits in, else of the file
 * ```
 *
 * A code matches a finding's code exactly, or as its area (`catalog` silences
 * `catalog/*`), as in `k1s0.diagnostics.severity`. A suppression that silences
 * nothing is reported (`suppression/unused`), and so is a code nobody reports
 * (`suppression/unknown-code`, with did-you-mean). Every other finding gets
 * the quick fix "Disable <code> for this line".
 *
 * Pure: text, findings and spans in, findings out. The language service
 * supplies the rule spans and the multi-line scalars of the YAML parse.
 */
import { isScalar, visit, type Document, type Node } from 'yaml';
import { LineIndex } from '../base/lineIndex';
import { closestMatch } from '../base/suggest';
import type { Finding, Range } from '../base/types';
import { lastStartingAtOrBefore } from '../base/spans';
import type { ReaderCodes } from '../base/check';
import { say } from './messages';

export const UNUSED_CODE = 'suppression/unused';
export const UNKNOWN_CODE = 'suppression/unknown-code';

/** A document range [start, end). */
export interface Span {
  start: number;
  end: number;
}

export type DirectiveKind = 'next-line' | 'rest';

export interface DirectiveCode {
  code: string;
  start: number;
  end: number;
}

export interface Directive {
  kind: DirectiveKind;
  /** The keyword (`k1s0-disable-next-line` / `k1s0-disable`) in the document. */
  start: number;
  end: number;
  /** 0-based line of the comment. */
  line: number;
  codes: DirectiveCode[];
  reason?: string;
}

export interface SuppressionInput {
  text: string;
  findings: readonly Finding[];
  /** Rule mappings: a `k1s0-disable` inside one lasts to its end. */
  rules?: readonly Span[];
  /** Scalars that span lines (block, folded, quoted): a `#` line inside is not a comment, and a finding inside belongs to the scalar's first line. */
  scalars?: readonly Span[];
  /** Codes a directive may name: every registered code (the registry is above this area) and this file's findings' codes. */
  knownCodes?: Iterable<string>;
  /** The text's line index, when the caller has it. */
  lines?: LineIndex;
  /**
   * The copies of findings made by an earlier call (with their "Disable" line), handed back when
   * the line is the same: a finding kept from one edit to the next keeps its copy too.
   */
  copies?: WeakMap<Finding, Finding>;
}

// Stryker disable next-line Regex: the text matched is one line, so (.*) reaches its end with or without the $
const DIRECTIVE = /^([ \t]*#[ \t]*)(k1s0-disable(?:-next-line)?)(?![\w-])(.*)$/;

// Stryker disable next-line Regex: the text it is used on starts at the one blank before '--' (or at '--'), '--' is followed by a blank or the end, and trim() takes what follows: every variant of the pattern leaves the same reason
const REASON_MARK = /^\s*--\s*/;

/** The k1s0 directives of a text: comments alone on their line, outside multi-line scalars. */
// Stryker disable next-line ArrayDeclaration: a default holding something that is no span puts nothing inside it (offset < undefined is false), as the empty list does
export function parseDirectives(text: string, scalars: readonly Span[] = []): Directive[] {
  // Stryker disable next-line ConditionalExpression,StringLiteral: a shortcut; each line is looked at only when it has the keyword too
  if (!text.includes('k1s0-disable')) return [];
  const directives: Directive[] = [];
  let line = 0;
  // Lines end at \r\n, \n or \r, as LineIndex (and LSP) count them.
  for (const match of text.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/g)) {
    const lineStart = match.index ?? 0;
    // Stryker disable next-line StringLiteral: the group always takes part in the match; the default is for the types
    const content = match[1] ?? '';
    // Stryker disable next-line StringLiteral,ConditionalExpression: a shortcut; DIRECTIVE matches only lines with the keyword
    const found = content.includes('k1s0-disable') ? DIRECTIVE.exec(content) : null;
    if (found && !inside(scalars, lineStart)) {
      // Stryker disable next-line StringLiteral: every group of DIRECTIVE takes part in a match; the defaults are for the types
      const [, lead = '', keyword = '', rest = ''] = found;
      const keywordStart = lineStart + lead.length;
      const restStart = keywordStart + keyword.length;
      // Stryker disable next-line Regex: `rest` never starts with '--' (the keyword may not be followed by '-'), so ^ and \s find the same places
      const reasonAt = rest.search(/(?:^|\s)--(?:\s|$)/);
      const codesText = reasonAt < 0 ? rest : rest.slice(0, reasonAt);
      const codes: DirectiveCode[] = [];
      for (const token of codesText.matchAll(/[^\s,]+/g)) {
        const start = restStart + (token.index ?? 0);
        codes.push({ code: token[0], start, end: start + token[0].length });
      }
      const reason = reasonAt < 0 ? undefined : rest.slice(reasonAt).replace(REASON_MARK, '').trim();
      directives.push({ kind: keyword === 'k1s0-disable' ? 'rest' : 'next-line', start: keywordStart, end: restStart, line, codes, ...(reason ? { reason } : {}) });
    }
    // Stryker disable next-line ConditionalExpression: matchAll yields the empty match at the end once, so the loop ends there either way
    if (!match[2]) break;
    line++;
  }
  return directives;
}

/** The scalars of YAML documents that span more than one line. */
export function multilineScalars(text: string, documents: readonly (Document.Parsed | Node)[], lines: LineIndex = new LineIndex(text)): Span[] {
  const spans: Span[] = [];
  // Line numbers by binary search (`lines`, the text's): looking for the next line break from each scalar costs
  // O(length) per scalar on one long line (a flow-style file), quadratic over the file.
  for (const document of documents) {
    visit(document, {
      Scalar(_key, node) {
        // Stryker disable next-line LogicalOperator,ConditionalExpression: a guard for the types; visit hands the Scalar visitor scalars, and parsed ones have a range
        if (!isScalar(node) || !node.range) return;
        const [start, end] = node.range;
        // A line break before its last character: the scalar goes on on the next line.
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: end - 1 > start is a shortcut for one-character scalars, which cannot span lines (the line comparison decides alone)
        if (end - 1 > start && lines.positionAt(end - 1).line > lines.positionAt(start).line) spans.push({ start, end });
      },
    });
  }
  // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: a guard; visit walks each document in order and the documents come in order, so the spans are sorted already (and a sort keeps sorted input as it is whatever the comparator's sign)
  return spans.sort((a, b) => a.start - b.start);
}

/** Whether a code of a directive covers a finding's code: exactly, or as its area. */
export function codeMatches(directiveCode: string, findingCode: string): boolean {
  return directiveCode === findingCode || (!directiveCode.includes('/') && findingCode.startsWith(`${directiveCode}/`));
}

/** Whether a finding of this code may be silenced (and gets the "Disable" quick fix). */
export function isSuppressible(code: string): boolean {
  return !code.startsWith('suppression/');
}

/**
 * Findings without the suppressed ones, each suppressible one with a
 * "Disable <code> for this line" fix, followed by the directives' own problems.
 */
// Stryker disable next-line ArrayDeclaration: a default holding something that is no span holds nothing (its start and end are undefined), and no directive code is the placeholder Stryker puts in knownCodes
export function applySuppressions({ text, findings, rules = [], scalars = [], knownCodes = [], lines = new LineIndex(text), copies }: SuppressionInput): Finding[] {
  const lineOf = (offset: number): number => lines.lineAt(anchorOf(scalars, offset));
  const directives = parseDirectives(text, scalars);
  // Only directives need the known codes (a file has none, mostly).
  const known = new Set<string>();
  if (directives.length > 0) for (const code of knownCodes) known.add(code);
  const areas = new Set([...known].map((code) => code.split('/')[0] ?? code));
  const result: Finding[] = [];
  const problems: Finding[] = [];
  // What each directive code applies to, and whether it silenced anything.
  const active: { directive: Directive; code: DirectiveCode; applies: (finding: Finding) => boolean; used: boolean }[] = [];
  const directiveLines = new Set(directives.map((d) => d.line));
  for (const directive of directives) {
    const keyword = text.slice(directive.start, directive.end);
    if (directive.codes.length === 0) {
      problems.push({ start: directive.start, end: directive.end, code: UNKNOWN_CODE, severity: 'warning', message: say('needsCode', { keyword }) });
      continue;
    }
    let applies: (finding: Finding) => boolean;
    if (directive.kind === 'next-line') {
      // Stacked directives all apply to the first line below them that is not one.
      let target = directive.line + 1;
      while (directiveLines.has(target)) target++;
      applies = (finding) => lineOf(finding.start) === target;
    } else {
      const rule = rules.find((r) => r.start <= directive.start && directive.start < r.end);
      const end = rule ? rule.end : Infinity;
      applies = (finding) => finding.start >= directive.start && finding.start < end;
    }
    for (const code of directive.codes) {
      if (known.has(code.code) || areas.has(code.code)) {
        active.push({ directive, code, applies, used: false });
        continue;
      }
      const suggestion = closestMatch(code.code, [...known, ...areas]);
      problems.push({
        start: code.start,
        end: code.end,
        code: UNKNOWN_CODE,
        severity: 'warning',
        message: say('unknownCode', { code: code.code, keyword, ...(suggestion ? { suggestion } : {}) }),
        ...(suggestion ? { fixes: [{ title: say('fixChangeQuoted', { to: suggestion }), preferred: true, edits: [{ start: code.start, end: code.end, newText: suggestion }] }] } : {}),
      });
    }
  }
  for (const finding of findings) {
    if (!isSuppressible(finding.code)) {
      result.push(finding);
      continue;
    }
    let suppressed = false;
    for (const entry of active) {
      if (codeMatches(entry.code.code, finding.code) && entry.applies(finding)) {
        entry.used = true;
        suppressed = true;
      }
    }
    if (!suppressed) result.push(withDisableAt(finding, lines.offsetAt({ line: lineOf(finding.start), character: 0 }), copies));
  }
  for (const entry of active) {
    if (entry.used) continue;
    const scope = entry.directive.kind === 'next-line' ? 'next-line' : rules.some((r) => r.start <= entry.directive.start && entry.directive.start < r.end) ? 'rule' : 'file';
    problems.push({
      start: entry.code.start,
      end: entry.code.end,
      code: UNUSED_CODE,
      severity: 'hint',
      message: say('unused', { code: entry.code.code, scope }),
    });
  }
  result.push(...problems);
  return result;
}

function withDisableAt(finding: Finding, disableAt: number, copies: WeakMap<Finding, Finding> | undefined): Finding {
  const kept = copies?.get(finding);
  if (kept?.disableAt === disableAt) return kept;
  const copy = { ...finding, disableAt };
  copies?.set(finding, copy);
  return copy;
}

/**
 * "Disable <code> for this line": a directive inserted above `line`, indented like
 * it, ending with the text's own line break. Made on demand (a code action asks).
 */
export function disableFix(text: string, line: number, code: string, lines: LineIndex = new LineIndex(text)): { title: string; edits: { range: Range; newText: string }[] } {
  const start = lines.offsetAt({ line, character: 0 });
  // Stryker disable next-line Regex,OptionalChaining,StringLiteral: /[ \t]*/ matches at 0 in any text (maybe empty), so ^ changes nothing and the match is never null
  const indent = /^[ \t]*/.exec(text.slice(start, start + 200))?.[0] ?? '';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const at = { line, character: 0 };
  return { title: say('fixDisable', { code }), edits: [{ range: { start: at, end: { ...at } }, newText: `${indent}# k1s0-disable-next-line ${code}${eol}` }] };
}

/** Where a finding "is" for next-line purposes: inside a multi-line scalar, the scalar's start. */
function anchorOf(scalars: readonly Span[], offset: number): number {
  const span = scalars[lastStartingAtOrBefore(scalars, offset)];
  return span && offset < span.end ? span.start : offset;
}

function inside(spans: readonly Span[], offset: number): boolean {
  const span = spans[lastStartingAtOrBefore(spans, offset - 1)];
  return span !== undefined && offset < span.end;
}

export const suppressionCodes: ReaderCodes = {
  meta: {
    name: 'suppression/suppression',
    on: 'reader',
    fileKinds: ['*'],
    description: 'a `# k1s0-disable…` comment that silences nothing (hint) or names an unknown code (see [Suppressing](#suppressing))',
    codes: [
      {
        code: 'suppression/unused',
        severity: 'hint',
        short: 'suppression that silences nothing',
        help: 'A # k1s0-disable comment silences no finding: remove it.',
        ja: { short: '何も抑制していない抑制', help: '# k1s0-disable コメントが抑制している診断がありません。削除してください。' },
      },
      {
        code: 'suppression/unknown-code',
        severity: 'warning',
        short: 'suppression of an unknown code',
        help: 'A # k1s0-disable comment names a code no check reports (did-you-mean).',
        ja: { short: '未知のコードの抑制', help: '# k1s0-disable コメントが、どのチェックも報告しないコードを指定しています（候補つき）。' },
      },
    ],
  },
};
