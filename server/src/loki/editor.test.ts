/** The editor's view of Loki and Promtail files: completion and hover reach their shapes through the service's kind. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../base/settings';
import { EditorFeatures } from '../features/editorFeatures';
import { LanguageService } from '../service/languageService';

function at(path: string, marked: string) {
  const features = new EditorFeatures(
    new LanguageService(),
    () => ({ settings: DEFAULT_SETTINGS, location: { path: `/ws/${path}`, relativePath: path } }),
    (uri) => uri,
  );
  const offset = marked.indexOf('|');
  const before = marked.slice(0, offset).split('\n');
  const request = { file: { uri: `file:///ws/${path}`, text: marked.replace('|', '') }, position: { line: before.length - 1, character: (before.at(-1) ?? '').length } };
  return { features, request };
}

test('Loki: keys of a block not yet written, enumerated values, hover on a key', () => {
  const keys = at('loki/loki.yaml', 'schema_config:\n  configs: []\ncompactor:\n  retention_enabled: true\n  |\n');
  const labels = keys.features.completionList(keys.request).items.map((item) => item.label);
  assert.ok(labels.includes('delete_request_store') && !labels.includes('retention_enabled') && !labels.includes('shared_store'), labels.join());
  const values = at('loki/loki.yaml', 'schema_config:\n  configs:\n    - store: |\n');
  assert.deepEqual(
    values.features
      .completionList(values.request)
      .items.map((item) => item.label)
      .slice(0, 2),
    ['tsdb', 'boltdb-shipper'],
  );
  const hover = at('loki/loki.yaml', 'schema_config:\n  configs: []\ncompactor:\n  delete_req|uest_store: filesystem\n');
  assert.deepEqual(hover.features.hover(hover.request), {
    contents: '**delete_request_store** — string\n\nObject store that keeps delete requests (`filesystem`, `s3`, …): required with retention since Loki 3.',
    range: { start: { line: 3, character: 2 }, end: { line: 3, character: 22 } },
  });
});

test('Promtail: stage names after a dash, relabel actions as values', () => {
  const stage = at('promtail/promtail.yaml', 'clients:\n  - url: http://loki:3100/loki/api/v1/push\nscrape_configs:\n  - job_name: a\n    pipeline_stages:\n      - |\n');
  const labels = stage.features.completionList(stage.request).items.map((item) => item.label);
  assert.ok(
    ['docker', 'cri', 'json', 'labels', 'match', 'multiline'].every((name) => labels.includes(name)),
    labels.join(),
  );
  const action = at('promtail/promtail.yaml', 'clients:\n  - url: http://loki:3100/loki/api/v1/push\nscrape_configs:\n  - job_name: a\n    relabel_configs:\n      - action: |\n');
  assert.deepEqual(
    action.features
      .completionList(action.request)
      .items.map((item) => item.label)
      .slice(0, 3),
    ['replace', 'keep', 'drop'],
  );
});
