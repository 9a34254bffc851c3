/**
 * promql/vector-matching: binary operations between two instant vectors
 * whose label sets, followed from the catalog and the workspace's recording
 * rules (labels.ts), make the matching wrong whatever the data:
 * - the sides can never match: their series differ on labels the matching
 *   compares (one side carries a label the other cannot), so the result is
 *   always empty — with fixes: `on (…)` the shared labels, or `ignoring (…)`
 *   the others, plus `group_left` / `group_right` where one side keeps more;
 * - `on (…)` names a label neither side can carry: every series then matches
 *   every other (many-to-many at evaluation time);
 * - `ignoring (…)` names a label no side has (a hint: it does nothing);
 * - `group_left (…)` / `group_right (…)` copies a label the "one" side cannot carry.
 * Prometheus matches on the series' labels without `__name__`
 * (signatureFunc in promql/engine.go). Where a side's labels cannot be known
 * (an unknown metric, `info()`, live-only data) nothing is said.
 */
import type { ExpressionCheck, ExpressionContext, ExpressionProblem } from '../promql/site';
import { childNamed, childrenNamed, collectPostOrder, type SyntaxNode, type Tree } from '../promql/parse';
import { inferType } from '../promql/valueTypes';
import { envOf } from './env';
import { carries, inferLabels, type LabelSet } from './labels';
import { binaryOperator, exprChildren, groupingLabels } from './tree';
import { say } from './messages';

export const VECTOR_MATCHING = 'promql/vector-matching';

const SET_OPERATORS = new Set(['and', 'or', 'unless']);
const BINARY: ReadonlySet<string> = new Set(['BinaryExpr']);

/** The labels a side's series carry, as far as matching looks at them (no `__name__`). */
function matchable(set: LabelSet): string[] {
  return [...set.names].filter((n) => n !== '__name__').sort();
}

export function checkVectorMatching(expr: string, tree: Tree, context: ExpressionContext): ExpressionProblem[] {
  const env = envOf(context);
  const problems: ExpressionProblem[] = [];
  for (const node of collectPostOrder(tree.topNode, BINARY)) {
    const [lhsNode, rhsNode] = exprChildren(node);
    if (!lhsNode || !rhsNode) continue;
    if (inferType(lhsNode, expr) !== 'instant vector' || inferType(rhsNode, expr) !== 'instant vector') continue;
    if (env.substituted(node.from, node.to)) continue;
    const lhs = inferLabels(lhsNode, expr, env);
    const rhs = inferLabels(rhsNode, expr, env);
    // Prefixes (`label_*`) stand for labels we cannot name: as unknown as an open set.
    if (lhs.open || rhs.open || lhs.prefixes.length || rhs.prefixes.length) continue;
    problems.push(...checkBinary(node, lhsNode, rhsNode, lhs, rhs, expr));
  }
  return problems;
}

function checkBinary(node: SyntaxNode, lhsNode: SyntaxNode, rhsNode: SyntaxNode, lhs: LabelSet, rhs: LabelSet, expr: string): ExpressionProblem[] {
  const op = binaryOperator(node, expr);
  const clause = childNamed(node, 'MatchingModifierClause');
  const lists = clause ? childrenNamed(clause, 'GroupingLabels') : [];
  const on = !!clause && !!childNamed(clause, 'On');
  const matching = groupingLabels(lists[0], expr);
  const include = groupingLabels(lists[1], expr);
  const groupLeft = !!clause && !!childNamed(clause, 'GroupLeft');
  const groupRight = !!clause && !!childNamed(clause, 'GroupRight');
  const problems: ExpressionProblem[] = [];
  const l = matchable(lhs);
  const r = matchable(rhs);

  if (on) {
    const neither = matching.filter((m) => !carries(lhs, m.name) && !carries(rhs, m.name));
    for (const m of neither) {
      problems.push({
        from: m.from,
        to: m.to,
        code: VECTOR_MATCHING,
        severity: 'warning',
        message: say('onNeither', { label: m.name, left: l, right: r }),
      });
    }
  } else {
    for (const m of matching.filter((x) => !carries(lhs, x.name) && !carries(rhs, x.name))) {
      problems.push({
        from: m.from,
        to: m.to,
        code: VECTOR_MATCHING,
        severity: 'hint',
        message: say('ignoringNeither', { label: m.name, left: l, right: r }),
        fixes: [{ title: say('fixRemove', { what: [m.name] }), edits: [removeLabel(expr, m)] }],
      });
    }
  }
  const oneSide = groupLeft ? rhs : groupRight ? lhs : undefined;
  if (oneSide) {
    for (const g of include.filter((x) => !carries(oneSide, x.name))) {
      problems.push({
        from: g.from,
        to: g.to,
        code: VECTOR_MATCHING,
        severity: 'warning',
        message: say('groupNothingCopied', { group: groupLeft ? 'group_left' : 'group_right', label: g.name, oneSide: matchable(oneSide) }),
      });
    }
  }
  if (SET_OPERATORS.has(op)) return problems;

  // The labels the matching compares, on each side.
  const names = matching.map((m) => m.name);
  const compared = (side: readonly string[]): string[] => (on ? side.filter((n) => names.includes(n)) : side.filter((n) => !names.includes(n)));
  const lc = compared(l);
  const rc = compared(r);
  const onlyLeft = lc.filter((n) => !rc.includes(n));
  const onlyRight = rc.filter((n) => !lc.includes(n));
  if (onlyLeft.length === 0 && onlyRight.length === 0) return problems;
  const differ = [...onlyLeft, ...onlyRight];
  problems.push({
    from: node.from,
    to: node.to,
    code: VECTOR_MATCHING,
    severity: 'warning',
    message: say('neverMatch', { op, how: on ? 'on' : matching.length ? 'ignoring' : 'all', names, left: l, right: r, differ }),
    fixes: matchingFixes(node, lhsNode, rhsNode, clause, l, r, expr),
  });
  return problems;
}

/** The fixes of sides that never match: match on the labels both carry, or ignore the rest; group where one side keeps more. */
function matchingFixes(
  node: SyntaxNode,
  lhsNode: SyntaxNode,
  rhsNode: SyntaxNode,
  clause: SyntaxNode | null,
  l: readonly string[],
  r: readonly string[],
  expr: string,
): NonNullable<ExpressionProblem['fixes']> {
  const shared = l.filter((n) => r.includes(n));
  const leftExtra = l.filter((n) => !r.includes(n));
  const rightExtra = r.filter((n) => !l.includes(n));
  // The side with more labels is the "many" side; both with extras cannot be fixed by grouping.
  const group = leftExtra.length && !rightExtra.length ? ' group_left' : rightExtra.length && !leftExtra.length ? ' group_right' : '';
  const boolNode = childNamed(node, 'BoolModifier');
  let start: number;
  let end: number;
  if (clause) {
    start = clause.from;
    end = clause.to;
  } else {
    // Right after the operator (and its bool), before the right-hand side.
    let after = lhsNode.to;
    for (let c = lhsNode.nextSibling; c && c.from < rhsNode.from; c = c.nextSibling) if (c.name !== 'MatchingModifierClause') after = c.to;
    if (boolNode) after = Math.max(after, boolNode.to);
    start = end = after;
  }
  const lead = clause ? '' : ' ';
  const trail = clause || /\s/.test(expr[end] ?? '') ? '' : ' ';
  const onText = `on (${shared.join(', ')})${group}`;
  const ignoringText = `ignoring (${[...leftExtra, ...rightExtra].join(', ')})${group}`;
  return [
    { title: say('fixMatch', { clause: onText }), preferred: true, edits: [{ start, end, newText: `${lead}${onText}${trail}` }] },
    { title: say('fixMatch', { clause: ignoringText }), edits: [{ start, end, newText: `${lead}${ignoringText}${trail}` }] },
  ];
}

/** The edit removing one label of a grouping list, with its comma. */
function removeLabel(expr: string, label: { from: number; to: number }): { start: number; end: number; newText: string } {
  const after = /^\s*,\s*/.exec(expr.slice(label.to));
  if (after) return { start: label.from, end: label.to + after[0].length, newText: '' };
  const before = /\s*,\s*$/.exec(expr.slice(0, label.from));
  return { start: before ? label.from - before[0].length : label.from, end: label.to, newText: '' };
}

export const vectorMatchingCheck: ExpressionCheck = {
  meta: {
    name: 'catalog/vectorMatching',
    on: 'expression',
    fileKinds: ['rules', 'dashboard', 'promql'],
    description:
      "binary operations whose label sets, followed from the catalog and the workspace's recording rules through aggregations, functions and matching, can never match (fix: `on`/`ignoring`, `group_left`/`group_right`); `on` naming a label neither side carries, `ignoring` one no side has, `group_left`/`group_right` copying a label the one side cannot carry",
    codes: [
      {
        code: VECTOR_MATCHING,
        severity: 'warning',
        short: 'vector matching that cannot work',
        help: 'The labels of the two sides of a binary operation, known from the catalog and recording rules, show the matching is wrong: the sides can never match (the result is always empty), on() names a label neither side has (everything matches everything), or group_left/group_right copies a label the one side lacks. ignoring() of a label no side has is a hint.',
        ja: {
          short: '成り立たないベクトルマッチング',
          help: 'カタログと記録ルールから分かる二項演算の両辺のラベルから、マッチングの誤りが分かります: 両辺が決して一致しない（結果は常に空）、on() がどちらの辺にもないラベルを指定している（全系列が全系列に一致）、group_left/group_right が片側にないラベルをコピーしようとしている。どの辺にもないラベルの ignoring() はヒントです。',
        },
      },
    ],
  },
  run: checkVectorMatching,
};
