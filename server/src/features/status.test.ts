import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../base/settings';
import type { Diagnostic } from '../base/types';
import { configEnvironment, countProblems } from './status';

test('the environment of a config file, with the rule that decided it', () => {
  assert.deepEqual(configEnvironment('/w/svc/config.dev.yaml', 'app:\n  name: a\n', DEFAULT_SETTINGS), { environment: 'dev', reason: 'file name', detail: 'config.dev.yaml' });
  assert.deepEqual(configEnvironment('/w/svc/config.yaml', 'app:\n  name: a\n', DEFAULT_SETTINGS), { environment: 'prod', reason: 'file name', detail: 'config.yaml' });
  assert.deepEqual(configEnvironment('/w/svc/config.yaml', 'app:\n  environment: staging\n', DEFAULT_SETTINGS), { environment: 'staging', reason: 'app.environment', detail: 'staging' });
  const settings = { ...DEFAULT_SETTINGS, config: { ...DEFAULT_SETTINGS.config, environments: { '**/qa/config.yaml': 'staging' as const } } };
  assert.deepEqual(configEnvironment('/w/qa/config.yaml', 'app:\n  environment: dev\n', settings), { environment: 'staging', reason: 'setting', detail: '**/qa/config.yaml' });
  assert.deepEqual(configEnvironment('/w/svc/config.test.yaml', '', DEFAULT_SETTINGS), { environment: undefined, reason: 'file name', detail: 'config.test.yaml' });
});

test('problems are counted by severity over every published file', () => {
  const d = (severity: Diagnostic['severity']): Diagnostic => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity, code: 'x/y', message: 'm', source: 'k1s0' });
  assert.deepEqual(countProblems([[d('error'), d('warning')], [], [d('hint'), d('information'), d('error')]]), { errors: 2, warnings: 1, others: 2 });
});
