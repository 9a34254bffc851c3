/**
 * The design's alert and SLO policy, checked against rules of the same name.
 *
 * policy/alert: the alert tables of アラートルール一覧 (per tier error-rate and
 * latency thresholds, `for`, severity; the local ServiceDown / HighErrorRate /
 * HighLatency; the burn-rate alerts' `for` and severity).
 *
 * policy/slo: SLO targets (system 99.95%, business / service 99.9%) in
 * `slo:*` recording rules and SLO alerts, and the multi-window burn-rate
 * alerts (14.4x over 1h + 5m critical, 6x over 6h + 30m warning).
 *
 * Messages quote the design's value and the file's.
 */
import type { SyntaxNode, Tree } from '../promql/parse';
import { collectPostOrder } from '../promql/parse';
import { parseNumber } from '../promql/literals';
import type { RuleModel } from '../rules/model';
import type { Finding } from '../base/types';
import { catalogFor, parseSeconds, type Catalog } from './catalog';
import type { AlertPolicy } from './schema';
import { binaryOperator, COMPARISONS, exprChildren, readSelector, unparen } from './tree';
import type { RuleCheck } from '../workspace/fileKind';
import { say } from './messages';

export const POLICY_ALERT = 'policy/alert';
export const POLICY_SLO = 'policy/slo';

const TABLE = 'アラートルール一覧';

type RuleExpr = NonNullable<RuleModel['expr']>;

export function checkPolicy(rule: RuleModel, tree: Tree | undefined, catalog: Catalog): Finding[] {
  const findings: Finding[] = [];
  const policy = rule.kind === 'alert' ? catalog.policy.alerts.find((a) => a.name === rule.name) : undefined;
  if (policy) findings.push(...checkAlertPolicy(rule, tree, policy, catalog));
  if (tree && rule.expr && (/^slo:/i.test(rule.name) || /^SLO/.test(rule.name))) findings.push(...checkTargets(rule, rule.expr, tree, catalog));
  return findings;
}

function designSays(policy: AlertPolicy): string {
  return say('designSays', { table: TABLE, name: policy.name, condition: policy.condition, for: policy.for, severity: policy.severity });
}

function checkAlertPolicy(rule: RuleModel, tree: Tree | undefined, policy: AlertPolicy, catalog: Catalog): Finding[] {
  const findings: Finding[] = [];
  const name = rule.nameEntry.value;
  const forValue = rule.for?.value;
  if (!forValue) {
    findings.push({ start: name.start, end: name.end, code: POLICY_ALERT, severity: 'warning', message: say('policyNoFor', { rule: rule.name, for: policy.for, design: designSays(policy) }) });
  } else {
    // Prometheus reads a bare 0 as a duration too (no pending at all). A for that is no duration is
    // rules/structure's error, and the checks beyond structure do not run then: it reads as the design's.
    const seconds = (forValue.value === '0' ? 0 : parseSeconds(forValue.value)) ?? parseSeconds(policy.for);
    if (seconds !== parseSeconds(policy.for)) {
      findings.push({
        start: forValue.start,
        end: forValue.end,
        code: POLICY_ALERT,
        severity: 'warning',
        message: say('policyFor', { rule: rule.name, value: forValue.value, for: policy.for, design: designSays(policy) }),
        fixes: [{ title: say('fixChange', { to: policy.for }), preferred: true, edits: [{ start: forValue.start, end: forValue.end, newText: policy.for }] }],
      });
    }
  }
  const severity = rule.labels.find((l) => l.key === 'severity')?.value;
  if (severity && catalog.policy.severities.includes(severity.value) && severity.value !== policy.severity) {
    findings.push({
      start: severity.start,
      end: severity.end,
      code: POLICY_ALERT,
      severity: 'warning',
      message: say('policySeverity', { rule: rule.name, value: severity.value, severity: policy.severity, design: designSays(policy) }),
      fixes: [{ title: say('fixChange', { to: policy.severity }), preferred: true, edits: [{ start: severity.start, end: severity.end, newText: policy.severity }] }],
    });
  }
  const site = rule.expr;
  if (!tree || !site) return findings;
  const expr = site.value;
  if (policy.threshold !== undefined) {
    const thresholds = comparisonLiterals(tree.topNode, expr);
    const first = thresholds[0];
    if (first && !thresholds.some((t) => t.value === policy.threshold)) {
      const [start, end] = site.toDocumentRange(first.node.from, first.node.to);
      findings.push({
        start,
        end,
        code: POLICY_ALERT,
        severity: 'warning',
        message: say('policyThreshold', { rule: rule.name, value: expr.slice(first.node.from, first.node.to), threshold: policy.threshold, design: designSays(policy) }),
        fixes: [{ title: say('fixChange', { to: String(policy.threshold) }), preferred: true, edits: [{ start, end, newText: String(policy.threshold) }] }],
      });
    }
  }
  // The burn-rate factor and windows: only the burn-rate alerts of the design have them.
  findings.push(...checkBurnRate(rule, site, tree, policy));
  return findings;
}

/** Number literals compared against at the top of a condition (`x > 0.01`, `a > 1 and b < 2`). */
function comparisonLiterals(node: SyntaxNode, expr: string): { node: SyntaxNode; value: number }[] {
  const n = unparen(node);
  // Stryker disable next-line ConditionalExpression: a shortcut; no other node has two expressions among its direct children (a call's arguments are in its body), so the guard below returns [] for it
  if (n.name !== 'BinaryExpr') return [];
  const op = binaryOperator(n, expr);
  const [lhs, rhs] = exprChildren(n);
  // Stryker disable next-line ConditionalExpression,LogicalOperator,ArrayDeclaration: a binary expression that parsed has both sides (the checks beyond syntax run only then)
  if (!lhs || !rhs) return [];
  if (op === 'and' || op === 'or' || op === 'unless') return [...comparisonLiterals(lhs, expr), ...comparisonLiterals(rhs, expr)];
  if (!COMPARISONS.has(op)) return [];
  return [rhs, lhs]
    .map(unparen)
    .filter((side) => side.name === 'NumberDurationLiteral')
    .map((side) => ({ node: side, value: parseNumber(expr.slice(side.from, side.to)) }));
}

const NUMBER_LITERALS: ReadonlySet<string> = new Set(['NumberDurationLiteral']);
const WINDOW_NODES: ReadonlySet<string> = new Set(['NumberDurationLiteralInDurationContext', 'VectorSelector']);

function numberLiterals(tree: Tree, expr: string): { node: SyntaxNode; value: number }[] {
  // Number literals are leaves: the post-order walk meets them in the order of the text.
  return collectPostOrder(tree.topNode, NUMBER_LITERALS).map((node) => ({ node, value: parseNumber(expr.slice(node.from, node.to)) }));
}

function checkBurnRate(rule: RuleModel, site: RuleExpr, tree: Tree, policy: AlertPolicy): Finding[] {
  const expr = site.value;
  const findings: Finding[] = [];
  const literals = numberLiterals(tree, expr);
  const [wholeStart, wholeEnd] = site.toDocumentRange(expr.length - expr.trimStart().length, expr.trimEnd().length);
  if (policy.burnRate !== undefined && !literals.some((l) => l.value === policy.burnRate)) {
    const factor = literals.find((l) => l.value > 1);
    const [start, end] = factor ? site.toDocumentRange(factor.node.from, factor.node.to) : [wholeStart, wholeEnd];
    findings.push({
      start,
      end,
      code: POLICY_SLO,
      severity: 'warning',
      message: say('policyBurnRate', { rule: rule.name, burnRate: policy.burnRate, design: designSays(policy), ...(factor ? { value: expr.slice(factor.node.from, factor.node.to) } : {}) }),
      ...(factor ? { fixes: [{ title: say('fixChange', { to: String(policy.burnRate) }), preferred: true, edits: [{ start, end, newText: String(policy.burnRate) }] }] } : {}),
    });
  }
  const windows = windowsOf(tree, expr);
  const designWindows = policy.windows ?? [];
  const missing = designWindows.filter((w) => !windows.some((seen) => seen === parseSeconds(w)));
  if (missing.length) {
    findings.push({
      start: wholeStart,
      end: wholeEnd,
      code: POLICY_SLO,
      severity: 'warning',
      message: say('policyWindows', { rule: rule.name, windows: designWindows, missing, design: designSays(policy) }),
    });
  }
  return findings;
}

/** The windows an expression looks at: literal ranges, and windows named in recording rules it reads (`…:rate1h`). */
function windowsOf(tree: Tree, expr: string): (number | undefined)[] {
  // A duration that does not parse is undefined, which no window of the design is.
  return collectPostOrder(tree.topNode, WINDOW_NODES).flatMap((node) =>
    node.name === 'VectorSelector'
      ? // Stryker disable next-line StringLiteral: a selector without a metric name names no window; any text without a duration in it reads the same
        [...(readSelector(node, expr).metric ?? '').matchAll(/\d+(?:ms|s|m|h|d|w|y)(?![0-9a-z])/g)].map((m) => parseSeconds(m[0]))
      : [parseSeconds(expr.slice(node.from, node.to))],
  );
}

/** SLO targets written in an `slo:` rule or SLO alert must be the design's (0.9995 system, 0.999 others). */
function checkTargets(rule: RuleModel, site: RuleExpr, tree: Tree, catalog: Catalog): Finding[] {
  const { targets, source } = catalog.policy.slo;
  const allowed = [...new Set(Object.values(targets))];
  const described = Object.entries(targets).map(([tier, t]) => ({ tier, percent: String(+(t * 100).toFixed(3)) }));
  const findings: Finding[] = [];
  for (const literal of numberLiterals(tree, site.value)) {
    if (!(literal.value > 0.9 && literal.value < 1) || allowed.includes(literal.value)) continue;
    const [start, end] = site.toDocumentRange(literal.node.from, literal.node.to);
    const [nearest] = [...allowed].sort((a, b) => Math.abs(a - literal.value) - Math.abs(b - literal.value));
    findings.push({
      start,
      end,
      code: POLICY_SLO,
      severity: 'warning',
      message: say('sloTarget', { rule: rule.name, value: site.value.slice(literal.node.from, literal.node.to), targets: described, source }),
      fixes: [{ title: say('fixChange', { to: String(nearest) }), edits: [{ start, end, newText: String(nearest) }] }],
    });
  }
  return findings;
}

export const policyCheck: RuleCheck = {
  meta: {
    name: 'catalog/policy',
    on: 'rule',
    fileKinds: ['rules'],
    description: "alert thresholds, `for` and severities that drift from the design's per-tier tables; SLO targets and burn-rate windows (14.4x over 1h+5m, 6x over 6h+30m)",
    codes: [
      {
        code: 'policy/alert',
        severity: 'warning',
        short: 'alert drifts from the design',
        help: "An alert threshold, for: or severity differs from the design's per-tier table.",
        ja: { short: '設計から外れたアラート', help: 'アラートのしきい値、for: または severity が、設計の Tier 別の表と異なります。' },
      },
      {
        code: 'policy/slo',
        severity: 'warning',
        short: 'SLO drifts from the design',
        help: "An SLO target or burn-rate window differs from the design's per-tier SLO table (14.4x over 1h+5m, 6x over 6h+30m).",
        ja: { short: '設計から外れた SLO', help: 'SLO 目標またはバーンレートの窓が、設計の Tier 別 SLO 表（1h+5m で 14.4x、6h+30m で 6x）と異なります。' },
      },
    ],
  },
  run: (rule, tree, workspace) => checkPolicy(rule, tree, catalogFor(workspace)),
};
