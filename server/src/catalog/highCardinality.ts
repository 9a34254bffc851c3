/**
 * catalog/high-cardinality: a recording rule that keeps a high-cardinality
 * label (`by (path)`, `by (instance)`, …; the catalog's label metadata
 * `highCardinality: true`) records one series per value of it — the
 * opposite of what a recording rule is for.
 */
import type { Tree } from '../promql/parse';
import type { RuleModel } from '../rules/model';
import type { Finding } from '../base/types';
import type { Catalog } from './catalog';
import { aggregationModifier, catalogNodes } from './tree';
import type { RuleCheck } from '../workspace/fileKind';
import { catalogFor } from './catalog';
import { helpText } from './helpJa';
import { say } from './messages';

export const HIGH_CARDINALITY = 'catalog/high-cardinality';

export function checkHighCardinality(rule: RuleModel, tree: Tree | undefined, catalog: Catalog): Finding[] {
  // Stryker disable next-line ConditionalExpression: a shortcut; with no high-cardinality label in the catalog no label is found below either
  if (rule.kind !== 'record' || !tree || !rule.expr || catalog.highCardinality.size === 0) return [];
  const site = rule.expr;
  const findings: Finding[] = [];
  for (const node of catalogNodes(tree)) {
    // Stryker disable next-line ConditionalExpression: a shortcut; only an AggregateExpr has an AggregateModifier child (aggregationModifier is undefined for any other node)
    if (node.name !== 'AggregateExpr') continue;
    const modifier = aggregationModifier(node, site.value);
    if (modifier?.kind !== 'by') continue;
    for (const label of modifier.labels) {
      const help = catalog.highCardinality.get(label.name);
      if (help === undefined) continue;
      const [start, end] = site.toDocumentRange(label.from, label.to);
      findings.push({
        start,
        end,
        code: HIGH_CARDINALITY,
        severity: 'warning',
        message: say('highCardinality', { rule: rule.name, label: label.name, ...(help ? { help: helpText(help) } : {}) }),
      });
    }
  }
  return findings;
}

export const highCardinalityCheck: RuleCheck = {
  meta: {
    name: 'catalog/highCardinality',
    on: 'rule',
    fileKinds: ['rules'],
    description: 'a recording rule keeping a label the catalog marks `highCardinality` (`path`, `instance`, `pod`, `trace_id`, …) in `by (…)`',
    codes: [
      {
        code: 'catalog/high-cardinality',
        severity: 'warning',
        short: 'recording rule keeps a high-cardinality label',
        help: 'A recording rule aggregates by a label the catalog marks as high-cardinality, so it stores a series per value.',
        ja: {
          short: '高カーディナリティのラベルを残すレコーディングルール',
          help: 'レコーディングルールが、カタログで高カーディナリティとされるラベルを by に残して集約しているため、値ごとに 1 系列を保存します。',
        },
      },
    ],
  },
  run: (rule, tree, workspace) => checkHighCardinality(rule, tree, catalogFor(workspace)),
};
