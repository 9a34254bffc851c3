/**
 * The observability stack files that "k1s0: Create observability stack files" writes
 * (client/src/stack/stackFiles.ts) get no diagnostic from the built CLI but the two the
 * design's own files carry: `error_budget:remaining` divides a series with `namespace` and
 * `service` by one with no labels, so it is always empty; loki-config.yaml sets a
 * retention_period that no compactor applies, so Loki deletes nothing (both kept as the design wrote them).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { planStackFiles, writeStackFiles } from '../../client/src/stack/stackFiles';
import { DEFAULT_STACK_SETTINGS } from '../../client/src/stack/settings';
import { tempDir } from '../support/tempDir';

const CLI = join(__dirname, '../../dist/cli.js');

test("stack files: what is written passes our checks, but for the design's error-budget rule and Loki retention", (t) => {
  const root = tempDir(t, 'files');
  const written = writeStackFiles(root, planStackFiles(root, DEFAULT_STACK_SETTINGS), new Set());
  assert.equal(written.written.length, 7);
  const cli = spawnSync(process.execPath, [CLI, 'check', '.'], { cwd: root, encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' } });
  assert.equal(
    cli.stdout,
    'infra/docker/loki/loki-config.yaml:30:21: warning limits_config.retention_period is 168h, but nothing applies it: there is no compactor block (compactor.retention_enabled: true and compactor.delete_request_store are needed). Without them Loki deletes nothing and keeps every log forever. [loki/config]\n' +
      'infra/docker/prometheus/recording_rules.yaml:57:13: warning the sides of "/" can never match on all their labels: the left carries namespace, service, the right no labels; every series differs on namespace, service, so the result is always empty [promql/vector-matching]\n' +
      '2 problems (0 errors, 2 warnings, 0 other) in 2 of 7 files checked.\n',
  );
  assert.equal(cli.status, 0, 'a warning does not fail the check');
});
