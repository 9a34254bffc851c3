/** The catalog's checks of a whole rule (beyond its expression): alerts/* and policy/*. */
import { checkPromql, parsePromql } from '../promql';
import type { RuleModel } from '../rules/model';
import type { Finding } from '../base/types';
import type { WorkspaceIndex } from '../workspace/index';
import { checkAlertCondition, checkAlertLabels } from './alertRules';
import { catalogFor } from './catalog';
import { checkHighCardinality } from './highCardinality';
import { checkPolicy } from './policy';

export function checkRuleWithCatalog(rule: RuleModel, workspace: WorkspaceIndex): Finding[] {
  const catalog = catalogFor(workspace);
  const valid = rule.expr && !checkPromql(rule.expr.value).some((p) => p.severity === 'error');
  const tree = valid && rule.expr ? parsePromql(rule.expr.value) : undefined;
  return [...checkAlertLabels(rule, tree, { catalog, workspace }), ...checkAlertCondition(rule, tree), ...checkPolicy(rule, tree, catalog), ...checkHighCardinality(rule, tree, catalog)];
}
