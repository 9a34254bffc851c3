import { test } from 'node:test';
import assert from 'node:assert/strict';
import { environmentOf } from './environment';

test('the file name says the environment, config.yaml is the prod default', () => {
  assert.equal(environmentOf('/w/config/config.dev.yaml', {}), 'dev');
  assert.equal(environmentOf('/w/config/config.staging.yml', {}), 'staging');
  assert.equal(environmentOf('/w/config/config.yaml', {}), 'prod');
  assert.equal(environmentOf('/w/config/config.production.yaml', {}), 'prod');
  assert.equal(environmentOf('C:\\w\\config\\config.development.yaml', {}), 'dev');
  assert.equal(environmentOf('/w/config/config.test.yaml', {}), undefined);
  assert.equal(environmentOf('/w/settings.yaml', {}), undefined);
});

test("the file's app.environment beats its name, and a setting beats both", () => {
  assert.equal(environmentOf('/w/config/config.yaml', {}, 'staging'), 'staging');
  assert.equal(environmentOf('/w/config/config.yaml', {}, 'nonsense'), 'prod');
  assert.equal(environmentOf('/w/deploy/config.yaml', { '**/deploy/config.yaml': 'dev' }, 'staging'), 'dev');
  assert.equal(environmentOf('/w/deploy/config.test.yaml', { 'config.test.yaml': 'staging' }), 'staging');
});
