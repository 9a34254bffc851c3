// The modules mutation testing covers, and each one's goal (mutation score, %).
// The registry's checks (server/src/checks/registry.ts), the PromQL type
// checker, suppression and the consistency checks. A user's trust depends most
// on the type checker, rule structure and suppression: every mutant there that
// changes behaviour must be caught.
export const GOALS = {
  'server/src/promql/semantics.ts': 100,
  'server/src/promql/valueTypes.ts': 100,
  'server/src/promql/operators.ts': 100,
  'server/src/promql/selectors.ts': 100,
  'server/src/rules/structure.ts': 100,
  'server/src/suppression/suppression.ts': 100,
  'server/src/catalog/unknownMetric.ts': 85,
  'server/src/catalog/undefinedRule.ts': 85,
  'server/src/catalog/unknownLabel.ts': 85,
  'server/src/catalog/labelValue.ts': 85,
  'server/src/catalog/metricType.ts': 85,
  'server/src/catalog/counterLint.ts': 85,
  'server/src/catalog/rateWindow.ts': 85,
  'server/src/catalog/regexLint.ts': 85,
  'server/src/catalog/regexAnchor.ts': 85,
  'server/src/catalog/alertRules.ts': 85,
  'server/src/catalog/policy.ts': 85,
  'server/src/catalog/highCardinality.ts': 85,
  'server/src/slo/bucketThreshold.ts': 85,
  'server/src/slo/burnRatePair.ts': 85,
  'server/src/consistency/dashboardSources.ts': 85,
  'server/src/consistency/ruleFiles.ts': 85,
  'server/src/consistency/stack.ts': 85,
  'server/src/config/schema.ts': 85,
  'server/src/config/policy.ts': 85,
  'server/src/dashboards/structure.ts': 85,
  'server/src/provisioning/datasources.ts': 85,
  'server/src/provisioning/providers.ts': 85,
  'server/src/rules/duplicate.ts': 85,
  'server/src/rules/template.ts': 85,
};

export const MUTATED = Object.keys(GOALS);
