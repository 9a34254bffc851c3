/**
 * The design's facts the checks read from the catalog (k1s0-catalog.json):
 * log labels, the environment policy, target and scope labels.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import rawCatalog from './k1s0-catalog.json';
import { BUILTIN_CATALOG } from './catalog';
import { builtinCatalogSchema } from './schema';
import { environmentName } from '../base/settings';
import { POLICY_RULES } from '../config/policy';
import { checkLogqlQuery, LOG_LABELS } from '../dashboards/logql';
import { alertRule, check } from './testSupport';

test("logLabels: ログラベル設計's labels, their values those of the catalog's tiers and the settings' environments", () => {
  assert.deepEqual([...LOG_LABELS.keys()], ['service', 'tier', 'environment', 'level', 'trace_id']);
  assert.deepEqual(LOG_LABELS.get('tier'), BUILTIN_CATALOG.tiers);
  assert.deepEqual(LOG_LABELS.get('environment'), environmentName.options);
  assert.deepEqual(LOG_LABELS.get('level'), ['debug', 'info', 'warn', 'error']);
  assert.deepEqual(
    checkLogqlQuery('{levl="error", tier="sytem"}').map((p) => `${p.from}-${p.to} ${p.code} ${p.message}`),
    [
      '1-5 logql/unknown-label "levl" is not a k1s0 log stream label; did you mean "level"? (design: ログラベル設計: service, tier, environment, level, trace_id).',
      '20-27 logql/label-value tier="sytem" matches no k1s0 log stream: tier is one of system, business, service; did you mean "system"? (design: ログラベル設計).',
    ],
  );
});

test("policy.environments: the design's sampling rates and log formats per environment, each naming its message", () => {
  assert.deepEqual(
    POLICY_RULES.map((r) => `${r.environment} ${r.field} ${r.expected} ${r.rule}`),
    [
      'dev trace.sample_rate 1 policy.rule.samplingDev',
      'staging trace.sample_rate 0.5 policy.rule.samplingStaging',
      'prod trace.sample_rate 0.1 policy.rule.samplingProd',
      'staging log.format json policy.rule.jsonLogs',
      'prod log.format json policy.rule.jsonLogs',
    ],
  );
  const broken = structuredClone(rawCatalog) as { policy: { environments: Record<string, unknown>[] } };
  broken.policy.environments.push({ environment: 'qa', field: 'trace.rate', expected: 1, rule: 'x' });
  const result = builtinCatalogSchema.safeParse(broken);
  assert.equal(result.success, false);
  assert.deepEqual(
    result.error?.issues.map((i) => `${i.path.join('.')} ${i.code}`),
    ['policy.environments.5.environment invalid_value', 'policy.environments.5.field invalid_value'],
  );
});

test('targetLabels and scopeLabels: a matcher on one only picks targets, so the alert still fires for every series (alerts/condition)', () => {
  const scopes = [...BUILTIN_CATALOG.targetLabels, ...BUILTIN_CATALOG.scopeLabels].map((l) => l.name);
  assert.deepEqual(scopes, ['job', 'instance', 'service', 'tier', 'lang', 'namespace', 'pod', 'container', 'node', 'endpoint', 'cluster']);
  for (const label of scopes) {
    const expr = `up{${label}="x"}`;
    assert.deepEqual(
      check(alertRule('A', expr), ['alerts/condition']),
      [`4:14-4:${14 + expr.length} warning alerts/condition alert A has no comparison or filter: it fires for every series "${expr}" returns, all the time; compare it with a threshold (e.g. > 0)`],
      label,
    );
  }
  assert.deepEqual(check(alertRule('A', 'kube_pod_status_phase{phase="Failed"}'), ['alerts/condition']), []);
});
