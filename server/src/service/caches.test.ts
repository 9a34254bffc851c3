/**
 * Caches belong to the service: two services in one process, with different catalogs and
 * settings, answer as each would alone, in either order; and a service dropped takes its
 * caches with it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LanguageService } from './languageService';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../base/settings';

const RULES = 'groups:\n  - name: t\n    rules:\n      - record: t:mysql:up\n        expr: sum(mysql_up{job=~"db|mysql"}) + mysql_upp\n';
const EXTENSION = 'metrics:\n  - name: mysql_up\n    type: gauge\n';

function request(path: string, text: string, settings: Settings = DEFAULT_SETTINGS) {
  return { file: { uri: `file:///ws/${path}`, text }, settings, location: { path: `/ws/${path}`, relativePath: path } };
}

/** A service whose workspace has the rule file, and the catalog extension when `extended`. */
function workspace(extended: boolean): LanguageService {
  const service = new LanguageService();
  if (extended) service.index(request('.k1s0/catalog.yaml', EXTENSION));
  service.index(request('rules.yaml', RULES));
  return service;
}

const unknownMetrics = (service: LanguageService): string[] =>
  service
    .validate(request('rules.yaml', RULES))
    .filter((d) => d.code === 'catalog/unknown-metric')
    .map((d) => d.message);

test('a service whose catalog knows a metric does not make it known to another, in either order', () => {
  const alone = { extended: unknownMetrics(workspace(true)), plain: unknownMetrics(workspace(false)) };
  assert.equal(alone.extended.length, 1, 'mysql_upp only');
  assert.match(alone.extended[0] ?? '', /"mysql_upp".*did you mean "mysql_up"/);
  assert.equal(alone.plain.length, 2, 'mysql_up and mysql_upp');
  assert.doesNotMatch(alone.plain.join('\n'), /did you mean "mysql_up"/);

  for (const order of [
    [true, false],
    [false, true],
  ]) {
    const services = order.map((extended) => ({ extended, service: workspace(extended) }));
    // Interleaved, twice: what one remembers must not answer for the other.
    for (let round = 0; round < 2; round++) {
      for (const { extended, service } of services) assert.deepEqual(unknownMetrics(service), extended ? alone.extended : alone.plain, `extended: ${extended}, round ${round}`);
    }
  }
});

test('a service whose settings name a config file does not make another see it as one', () => {
  const { settings } = readSettings({ files: { config: ['**/deploy/*.yaml'] } });
  const named = new LanguageService();
  const plain = new LanguageService();
  const codes = (service: LanguageService, s: Settings) => service.validate(request('deploy/app.yaml', 'observability: 7\n', s)).map((d) => d.code);
  for (let round = 0; round < 2; round++) {
    assert.deepEqual(codes(plain, DEFAULT_SETTINGS), [], `round ${round}`);
    assert.deepEqual(codes(named, settings), ['config/schema'], `round ${round}`);
  }
});

test('each service makes its own caches, and nothing else is holding them', () => {
  const a = workspace(false);
  const b = new LanguageService();
  unknownMetrics(a);
  assert.ok(a.caches.names().includes('promql/trees'), a.caches.names().join(', '));
  assert.deepEqual(b.caches.names(), [], 'untouched by what the other did');
  assert.notEqual(a.caches, b.caches);
  assert.equal(a.workspace.caches, a.caches, 'the checks reach them through the workspace');
});

test('a service dropped releases its caches and its workspace', async () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const refs = (() => {
    const service = workspace(true);
    unknownMetrics(service);
    assert.ok(service.caches.names().length > 3, service.caches.names().join(', '));
    return { caches: new WeakRef(service.caches), workspace: new WeakRef(service.workspace) };
  })();
  for (let attempt = 0; attempt < 20 && (refs.caches.deref() || refs.workspace.deref()); attempt++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
  assert.equal(refs.caches.deref(), undefined, 'the caches are collected');
  assert.equal(refs.workspace.deref(), undefined, 'the workspace is collected');
});
