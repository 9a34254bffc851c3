/** The catalog's expression checks, in the order their findings are produced. */
import type { ExpressionCheck } from '../service/expression';
import { checkRawCounters } from './counterLint';
import { checkLabelValues } from './labelValue';
import { checkMetricTypes } from './metricType';
import { checkRateWindows } from './rateWindow';
import { checkPlainRegexes } from './regexLint';
import { checkUndefinedRules } from './undefinedRule';
import { checkUnknownLabels } from './unknownLabel';
import { checkUnknownMetrics } from './unknownMetric';
import { checkBucketThresholds } from '../slo/bucketThreshold';
import { checkDashboardSources } from '../consistency/dashboardSources';

export const CATALOG_CHECKS: readonly ExpressionCheck[] = [
  checkUnknownMetrics,
  checkUndefinedRules,
  checkUnknownLabels,
  checkLabelValues,
  checkMetricTypes,
  checkRawCounters,
  checkRateWindows,
  checkPlainRegexes,
  checkBucketThresholds,
  checkDashboardSources,
];
