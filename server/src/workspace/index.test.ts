import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { DESIGN_FILES, recordingRule } from '../catalog/testSupport';
import { ruleOutputLabels } from '../catalog/labels';
import { catalogFor } from '../catalog/catalog';

function request(path: string, text: string) {
  return { file: { uri: `file:///ws/${path}`, text }, settings: DEFAULT_SETTINGS, location: { path: `/ws/${path}`, relativePath: path } };
}

test('scrape jobs, their intervals and static labels come from prometheus.yaml', () => {
  const service = new LanguageService();
  service.index(request('prometheus.yaml', DESIGN_FILES['infra/docker/prometheus/prometheus.yaml'] ?? ''));
  const [config] = service.workspace.scrapeConfigs();
  assert.equal(config?.globalIntervalSeconds, 15);
  assert.deepEqual(
    config?.jobs.map((j) => `${j.name} ${JSON.stringify(j.labels)}`),
    [
      'prometheus {}',
      'auth-server-rust {"service":["auth-server"],"tier":["system"],"lang":["rust"]}',
      'config-server-rust {"service":["config-server"],"tier":["system"],"lang":["rust"]}',
      'saga-server-rust {"service":["saga-server"],"tier":["system"],"lang":["rust"]}',
      'dlq-manager {"service":["dlq-manager"],"tier":["system"],"lang":["rust"]}',
      'bff-proxy-go {"service":["bff-proxy"],"tier":["system"],"lang":["go"]}',
      'kong {}',
    ],
  );
});

test("recording rules' output labels are derived from by / without / the input, through other rules", () => {
  const service = new LanguageService();
  service.index(request('recording_rules.yaml', DESIGN_FILES['infra/docker/prometheus/recording_rules.yaml'] ?? ''));
  const env = { catalog: catalogFor(service.workspace), workspace: service.workspace };
  const labels = (name: string) => [...ruleOutputLabels(name, env).names].sort().join(',');
  assert.equal(labels('service:http_errors:rate5m'), 'service');
  assert.equal(labels('service:http_request_duration_seconds:p99'), 'service');
  assert.equal(labels('service:grpc_errors:rate5m'), 'grpc_service,service');
  assert.equal(labels('slo:availability:ratio'), 'namespace,service');
  assert.equal(labels('slo:error_budget:remaining'), 'namespace,service');
});

test('renaming a recording rule changes the facts (the server revalidates) and its users see it', () => {
  const service = new LanguageService();
  const rules = DESIGN_FILES['infra/docker/prometheus/recording_rules.yaml'] ?? '';
  const user = request('t.yaml', recordingRule('service:http_errors:rate5m'));
  assert.equal(service.index(request('recording_rules.yaml', rules)), true);
  service.index(user);
  assert.deepEqual(
    service.validate(user).filter((d) => d.code === 'catalog/undefined-rule'),
    [],
  );
  assert.equal(service.index(request('recording_rules.yaml', rules)), false, 'same text, same facts');
  assert.equal(service.index(request('recording_rules.yaml', rules.replace('record: service:http_errors:rate5m', 'record: service:http_error:rate5m'))), true);
  assert.deepEqual(
    service
      .validate(user)
      .filter((d) => d.code === 'catalog/undefined-rule')
      .map((d) => d.message),
    ['no rule file in the workspace records "service:http_errors:rate5m"; did you mean "service:http_error:rate5m" (recorded in recording_rules.yaml)?'],
  );
  assert.equal(service.forget('file:///ws/recording_rules.yaml'), true);
});

test('a prometheus.yaml that changes its jobs changes the facts', () => {
  const service = new LanguageService();
  const text = DESIGN_FILES['infra/docker/prometheus/prometheus.yaml'] ?? '';
  assert.equal(service.index(request('prometheus.yaml', text)), true);
  assert.equal(service.index(request('prometheus.yaml', `${text}  - job_name: extra\n`)), true);
  assert.equal(service.workspace.scrapeConfigs()[0]?.jobs.at(-1)?.name, 'extra');
});
