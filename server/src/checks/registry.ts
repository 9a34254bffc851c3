/**
 * The registry: every check of k1s0, one line each, in the order their
 * findings are made. Adding a check is one module (its meta, codes and run)
 * plus one line here. The list of codes, the CLI's `rules` documentation, the
 * README's table, the settings' code completion and the suppression of unknown
 * codes are all derived from this table (CONTRIBUTING.md shows the steps).
 */
import { alertmanagerInhibitRulesCheck } from '../alertmanager/inhibitRules';
import { alertmanagerNotifiersCheck } from '../alertmanager/notifiers';
import { alertmanagerPolicyCheck } from '../alertmanager/policy';
import { alertmanagerReceiversCheck } from '../alertmanager/receivers';
import { alertmanagerRoutesCheck } from '../alertmanager/routes';
import { alertmanagerStructureCheck } from '../alertmanager/structure';
import { alertmanagerTemplatesCheck } from '../alertmanager/templates';
import { alertmanagerTimeIntervalsCheck } from '../alertmanager/timeIntervals';
import { alertmanagerUnroutedSeverityCheck } from '../alertmanager/unroutedSeverity';
import { alertmanagerUnusedReceiverCheck } from '../alertmanager/unusedReceiver';
import type { CodeInfo, ReaderCodes } from '../base/check';
import { fileCodes } from '../base/files';
import { checkFailedCodes } from '../base/guard';
import { yamlSyntaxCodes } from '../base/yaml/parse';
import { alertConditionCheck, alertLabelsCheck } from '../catalog/alertRules';
import { rawCounterCheck } from '../catalog/counterLint';
import { catalogFileCodes } from '../catalog/handler';
import { highCardinalityCheck } from '../catalog/highCardinality';
import { labelValueCheck } from '../catalog/labelValue';
import { metricTypeCheck } from '../catalog/metricType';
import { policyCheck } from '../catalog/policy';
import { rateWindowCheck } from '../catalog/rateWindow';
import { regexAnchorCheck } from '../catalog/regexAnchor';
import { plainRegexCheck } from '../catalog/regexLint';
import { undefinedRuleCheck } from '../catalog/undefinedRule';
import { unknownLabelCheck } from '../catalog/unknownLabel';
import { unknownMetricCheck } from '../catalog/unknownMetric';
import { vectorMatchingCheck } from '../catalog/vectorMatching';
import { composePolicyCheck } from '../compose/policy';
import { composeSchemaCheck } from '../compose/schema';
import { configPolicyCheck } from '../config/policy';
import { otelEnvCheck } from '../otel/env';
import { configSchemaCheck } from '../config/schema';
import { dashboardSourceCheck } from '../consistency/dashboardSources';
import { ruleFileEntriesCheck, ruleFileLoadedCheck } from '../consistency/ruleFiles';
import { configStackCheck } from '../consistency/stack';
import { jsonSyntaxCodes } from '../dashboards/json';
import { logqlCodes } from '../dashboards/logql';
import { dashboardQueryCodes } from '../dashboards/queries';
import { dashboardStructureCheck } from '../dashboards/structure';
import { lintConfigCodes } from '../lint/handler';
import { lokiConfigCheck } from '../loki/config';
import { lokiPolicyCheck } from '../loki/policy';
import { prometheusDiscoveryCheck } from '../prometheus/discovery';
import { prometheusHttpClientCheck } from '../prometheus/httpClient';
import { prometheusIntervalsCheck } from '../prometheus/intervals';
import { prometheusNamesCheck } from '../prometheus/names';
import { prometheusRelabelCheck } from '../prometheus/relabel';
import { prometheusRuleFilesCheck } from '../prometheus/ruleFiles';
import { prometheusStructureCheck } from '../prometheus/structure';
import { prometheusTargetsCheck } from '../prometheus/targets';
import { otelcolConfigCheck } from '../otelcol/config';
import { otelcolPipelineCheck } from '../otelcol/pipeline';
import { otelcolPolicyCheck } from '../otelcol/policy';
import { promqlCodes } from '../promql/index';
import { promtailConfigCheck } from '../promtail/config';
import type { ExpressionCheck } from '../promql/site';
import { datasourcesCheck } from '../provisioning/datasources';
import { providersCheck } from '../provisioning/providers';
import { ruleDuplicateCodes } from '../rules/duplicate';
import { ruleStructureCodes } from '../rules/structure';
import { ruleTemplateCodes } from '../rules/template';
import { bucketThresholdCheck } from '../slo/bucketThreshold';
import { burnRatePairCheck } from '../slo/burnRatePair';
import { suppressionCodes } from '../suppression/suppression';
import type { FileCheck, RuleCheck } from '../workspace/fileKind';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each file check takes its kind's subject; the handler of that kind hands it over
export type AnyFileCheck = FileCheck<any>;
export type RegisteredCheck = ExpressionCheck | RuleCheck | AnyFileCheck | ReaderCodes;

export const REGISTRY: readonly RegisteredCheck[] = [
  // Reading a file: syntax and structure, reported by each kind's reader.
  fileCodes,
  yamlSyntaxCodes,
  jsonSyntaxCodes,
  promqlCodes,
  ruleStructureCodes,
  ruleDuplicateCodes,
  ruleTemplateCodes,
  // One PromQL expression (rule files, dashboards, .promql files).
  unknownMetricCheck,
  undefinedRuleCheck,
  unknownLabelCheck,
  labelValueCheck,
  metricTypeCheck,
  rawCounterCheck,
  rateWindowCheck,
  plainRegexCheck,
  regexAnchorCheck,
  vectorMatchingCheck,
  bucketThresholdCheck,
  dashboardSourceCheck,
  // One rule of a rule file.
  alertLabelsCheck,
  alertConditionCheck,
  policyCheck,
  highCardinalityCheck,
  // One file of a kind.
  ruleFileLoadedCheck,
  burnRatePairCheck,
  prometheusStructureCheck,
  prometheusIntervalsCheck,
  prometheusNamesCheck,
  prometheusTargetsCheck,
  prometheusRelabelCheck,
  prometheusHttpClientCheck,
  prometheusDiscoveryCheck,
  prometheusRuleFilesCheck,
  ruleFileEntriesCheck,
  configSchemaCheck,
  configPolicyCheck,
  configStackCheck,
  composeSchemaCheck,
  composePolicyCheck,
  otelEnvCheck,
  dashboardStructureCheck,
  dashboardQueryCodes,
  logqlCodes,
  datasourcesCheck,
  providersCheck,
  lokiConfigCheck,
  lokiPolicyCheck,
  promtailConfigCheck,
  alertmanagerStructureCheck,
  alertmanagerRoutesCheck,
  alertmanagerReceiversCheck,
  alertmanagerNotifiersCheck,
  alertmanagerInhibitRulesCheck,
  alertmanagerTimeIntervalsCheck,
  alertmanagerTemplatesCheck,
  alertmanagerUnusedReceiverCheck,
  alertmanagerUnroutedSeverityCheck,
  alertmanagerPolicyCheck,
  otelcolConfigCheck,
  otelcolPipelineCheck,
  otelcolPolicyCheck,
  catalogFileCodes,
  lintConfigCodes,
  suppressionCodes,
  checkFailedCodes,
];

/** Every code, once, with its documentation (the first check that declares it documents it). */
export const CODES: ReadonlyMap<string, CodeInfo> = new Map(
  REGISTRY.flatMap((check) => check.meta.codes)
    .reverse()
    .map((info) => [info.code, info]),
);

/** Every diagnostic code a check reports, in the registry's order. */
export const DIAGNOSTIC_CODES: readonly string[] = [...new Set(REGISTRY.flatMap((check) => check.meta.codes.map((info) => info.code)))];
