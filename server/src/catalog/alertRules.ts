/**
 * Alerting rules against what their expression is known to carry.
 *
 * alerts/labels: a template (`{{ $labels.instance }}`) in a label or
 * annotation naming a label the expression's result cannot carry (it was
 * aggregated away: the text renders empty); a missing `severity` label or
 * one outside the design's warning | critical; a missing `summary`.
 *
 * alerts/condition: an expression with no comparison or filter, which fires
 * for every series it returns, all the time. Constants (`vector(1)`, the
 * Watchdog pattern) are deliberate and left alone.
 */
import { promqlAggregations, promqlFunctions } from '../promql/functionTable';
import { childNamed, type SyntaxNode, type Tree } from '../promql/parse';
import { checkTemplate } from '../rules/goTemplate/parse';
import type { RuleModel } from '../rules/model';
import { ALERT_TEMPLATE_VARIABLES, PROMETHEUS_TEMPLATE_FUNCTIONS } from '../rules/template';
import { closestMatch } from '../base/suggest';
import type { Finding } from '../base/types';
import { BUILTIN_CATALOG, type Catalog } from './catalog';
import { carries, describeLabels, inferLabels, type LabelEnv } from './labels';
import { aggregationOp, binaryOperator, callArgs, COMPARISONS, exprChildren, firstExprChild, functionName, readSelector, unparen } from './tree';
import type { RuleCheck } from '../workspace/fileKind';
import { catalogFor } from './catalog';
import { say } from './messages';

export const ALERT_LABELS = 'alerts/labels';
export const ALERT_CONDITION = 'alerts/condition';

/** Labels that only say which target a series comes from: the design's (not a workspace's) target and scope labels. */
const TARGET_SCOPES = new Set([...BUILTIN_CATALOG.targetLabels, ...BUILTIN_CATALOG.scopeLabels].map((l) => l.name));
const TEMPLATE_FUNCTIONS = new Set(PROMETHEUS_TEMPLATE_FUNCTIONS.map((f) => f.name));

export function checkAlertLabels(rule: RuleModel, tree: Tree | undefined, env: LabelEnv & { catalog: Catalog }): Finding[] {
  if (rule.kind !== 'alert') return [];
  const findings: Finding[] = [];
  const policy = env.catalog.policy;
  const name = rule.nameEntry.value;
  for (const required of policy.requiredLabels) {
    const entry = rule.labels.find((l) => l.key === required);
    if (!entry) {
      findings.push({
        start: name.start,
        end: name.end,
        code: ALERT_LABELS,
        severity: 'warning',
        message: say('alertNoLabel', { alert: rule.name, label: required, values: required === 'severity' ? policy.severities : [] }),
      });
    } else if (required === 'severity' && !entry.value.value.includes('{{') && !policy.severities.includes(entry.value.value)) {
      const suggestion = closestMatch(entry.value.value, policy.severities);
      const finding: Finding = {
        start: entry.value.start,
        end: entry.value.end,
        code: ALERT_LABELS,
        severity: 'warning',
        message: say('badSeverity', { value: entry.value.value, severities: policy.severities, ...(suggestion ? { suggestion } : {}) }),
      };
      if (suggestion) finding.fixes = [{ title: say('fixChange', { to: suggestion }), preferred: true, edits: [{ start: entry.value.start, end: entry.value.end, newText: suggestion }] }];
      findings.push(finding);
    }
  }
  for (const required of policy.requiredAnnotations) {
    if (!rule.annotations.some((a) => a.key === required)) {
      findings.push({
        start: name.start,
        end: name.end,
        code: ALERT_LABELS,
        severity: 'warning',
        message: say('alertNoAnnotation', { alert: rule.name, annotation: required }),
      });
    }
  }
  if (tree && rule.expr) {
    const labels = inferLabels(tree.topNode, rule.expr.value, env);
    if (!labels.open) {
      for (const entry of [...rule.labels, ...rule.annotations]) {
        // Stryker disable next-line ConditionalExpression: a shortcut; text without {{ has no template references
        if (!entry.value.value.includes('{{')) continue;
        const { references } = checkTemplate(entry.value.value, { functions: TEMPLATE_FUNCTIONS, variables: ALERT_TEMPLATE_VARIABLES });
        for (const reference of references) {
          const label = reference.fields[0];
          if (reference.variable !== '$labels' || label === undefined || carries(labels, label)) continue;
          const [start, end] = entry.value.toDocumentRange(reference.start, reference.end);
          const suggestion = closestMatch(
            label,
            [...labels.names].filter((n) => n !== '__name__'),
          );
          findings.push({
            start,
            end,
            code: ALERT_LABELS,
            severity: 'warning',
            message: say('labelAlwaysEmpty', { label, labels: describeLabels(labels), ...(suggestion ? { suggestion } : {}) }),
            ...(suggestion ? { fixes: [{ title: say('fixChange', { to: `$labels.${suggestion}` }), preferred: true, edits: [{ start, end, newText: `$labels.${suggestion}` }] }] } : {}),
          });
        }
      }
    }
  }
  return findings;
}

export function checkAlertCondition(rule: RuleModel, tree: Tree | undefined): Finding[] {
  if (rule.kind !== 'alert' || !tree || !rule.expr) return [];
  const expr = rule.expr.value;
  if (isCondition(tree.topNode, expr)) return [];
  const from = expr.length - expr.trimStart().length;
  const to = expr.trimEnd().length;
  const [start, end] = rule.expr.toDocumentRange(from, to);
  return [
    {
      start,
      end,
      code: ALERT_CONDITION,
      severity: 'warning',
      message: say('alwaysFires', { alert: rule.name, expr: expr.trim().replace(/\s+/g, ' ').slice(0, 80) }),
    },
  ];
}

/** Whether an expression only returns series for which something holds (a comparison, a filter, absent()). */
function isCondition(node: SyntaxNode, expr: string): boolean {
  const n = unparen(node);
  switch (n.name) {
    case 'NumberDurationLiteral':
      return true;
    case 'BinaryExpr': {
      const op = binaryOperator(n, expr);
      const [lhs, rhs] = exprChildren(n);
      // Stryker disable next-line ConditionalExpression,LogicalOperator,BooleanLiteral: a binary expression that parsed has both sides
      if (!lhs || !rhs) return true;
      if (COMPARISONS.has(op)) return !childNamed(n, 'BoolModifier');
      if (op === 'and' || op === 'unless') return true;
      if (op === 'or') return isCondition(lhs, expr) && isCondition(rhs, expr);
      // Arithmetic filters only if an operand does; a number beside a vector filters nothing.
      const operands = [lhs, rhs].filter((side) => unparen(side).name !== 'NumberDurationLiteral');
      return operands.length === 0 || operands.some((side) => isCondition(side, expr));
    }
    case 'AggregateExpr': {
      const op = aggregationOp(n, expr);
      if (promqlAggregations.get(op)?.selects) return true;
      const arg = callArgs(n).at(-1);
      // Stryker disable next-line ConditionalExpression,BooleanLiteral: an aggregation that parsed has its argument
      return arg ? isCondition(arg, expr) : true;
    }
    case 'FunctionCall': {
      // absent() returns a series only when what it watches is gone; vector(1) is a deliberate constant.
      const fn = promqlFunctions.get(functionName(n, expr));
      if (fn?.values === 'absence' || (fn?.labels === 'none' && fn.returns === 'instant vector')) return true;
      return callArgs(n).some((a) => a.name !== 'NumberDurationLiteral' && a.name !== 'StringLiteral' && isCondition(a, expr));
    }
    case 'OffsetExpr':
    case 'StepInvariantExpr':
    case 'UnaryExpr': {
      const inner = firstExprChild(n);
      // Stryker disable next-line ConditionalExpression,BooleanLiteral: a modifier or unary minus that parsed has its operand
      return inner ? isCondition(inner, expr) : true;
    }
    case 'VectorSelector':
      // A matcher on a label of the data (not a target label that only scopes) filters: `info{state="down"}`.
      return readSelector(n, expr).matchers.some((m) => !TARGET_SCOPES.has(m.name) && !(m.op === '=~' && /^\.[*+]$/.test(m.value)));
    case 'MatrixSelector':
    case 'SubqueryExpr':
      return false;
    default:
      return true;
  }
}

export const alertLabelsCheck: RuleCheck = {
  meta: {
    name: 'catalog/alertLabels',
    on: 'rule',
    fileKinds: ['rules'],
    description: 'templates naming a label the expression cannot carry, missing or unknown `severity`, missing `summary`',
    codes: [
      {
        code: 'alerts/labels',
        severity: 'warning',
        short: 'alert label or annotation problem',
        help: 'A template names a label the alert expression cannot carry, or the alert lacks the severity label or summary annotation the design requires.',
        ja: {
          short: 'アラートのラベルまたはアノテーションの問題',
          help: 'テンプレートがアラートの式の持てないラベルを参照しているか、アラートに設計が求める severity ラベルまたは summary アノテーションがありません。',
        },
      },
    ],
  },
  run: (rule, tree, workspace) => checkAlertLabels(rule, tree, { catalog: catalogFor(workspace), workspace }),
};
export const alertConditionCheck: RuleCheck = {
  meta: {
    name: 'catalog/alertCondition',
    on: 'rule',
    fileKinds: ['rules'],
    description: 'alerts that always fire',
    codes: [
      {
        code: 'alerts/condition',
        severity: 'warning',
        short: 'alert that always fires',
        help: 'The alert condition holds whatever the data: a comparison of constants, or a vector compared with a value it always exceeds.',
        ja: { short: '常に発火するアラート', help: 'アラートの条件がデータによらず成り立ちます。定数どうしの比較や、ベクトルの値が必ず上回る値との比較です。' },
      },
    ],
  },
  run: (rule, tree) => checkAlertCondition(rule, tree),
};
