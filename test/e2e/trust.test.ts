/**
 * Restricted Mode end to end: code-server with workspace trust on and the
 * folder not trusted. The folder's `.vscode/settings.json` points
 * `k1s0.prometheus.url` at a local listener and `k1s0.catalog.files` at a
 * catalog outside the folder (open in the editor); the user's own
 * `k1s0.prometheus.url` points at a second listener. While untrusted the
 * user's Prometheus is asked and the workspace's never, and the outside
 * catalog is not read; once the user trusts the folder, without a reload, the
 * workspace's Prometheus is asked and both its metrics and the outside
 * catalog's count.
 */
import { after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { startRecordingPrometheus, type RecordingPrometheus } from '../support/recordingPrometheus';
import { e2eTest, useSession } from './support/harness';
import { waitFor } from './support/wait';
import type { Workbench } from './support/workbench';

let workspaceProm: RecordingPrometheus | undefined;
let userProm: RecordingPrometheus | undefined;
const outside = mkdtempSync(join(tmpdir(), 'k1s0-outside-'));
const OUTSIDE_CATALOG = join(outside, 'catalog.outside.yaml');
const RULES = 'trust/trust_rules.yaml';

const session = useSession(async (workspace) => {
  workspaceProm = await startRecordingPrometheus(['live_only_metric_total']);
  userProm = await startRecordingPrometheus(['user_only_metric_total']);
  writeFileSync(OUTSIDE_CATALOG, 'metrics:\n  - name: outside_only_metric_total\n    type: counter\n');
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode/settings.json'), JSON.stringify({ 'k1s0.prometheus.url': workspaceProm.url, 'k1s0.catalog.files': [`**/${basename(outside)}/*.yaml`] }, null, 2));
  mkdirSync(join(workspace, 'trust'), { recursive: true });
  writeFileSync(
    join(workspace, RULES),
    [
      'groups:',
      '  - name: trust',
      '    rules:',
      '      - record: job:live_only_metric:rate5m',
      '        expr: sum by (job) (rate(live_only_metric_total[5m]))',
      '      - record: job:user_only_metric:rate5m',
      '        expr: sum by (job) (rate(user_only_metric_total[5m]))',
      '      - record: job:outside_only_metric:rate5m',
      '        expr: sum by (job) (rate(outside_only_metric_total[5m]))',
      '',
    ].join('\n'),
  );
  return { workspaceTrust: true, settings: { 'k1s0.prometheus.url': userProm.url } };
});

after(async () => {
  await workspaceProm?.stop();
  await userProm?.stop();
  rmSync(outside, { recursive: true, force: true });
});

/** The metrics the Problems panel calls unknown in the rule file, sorted; `except` left out. */
async function unknownMetrics(workbench: Workbench, except: readonly string[]): Promise<string[]> {
  const problems = await workbench.readProblems();
  return problems
    .filter((p) => p.file === RULES && p.code === 'catalog/unknown-metric')
    .map((p) => /unknown metric "([^"]+)"/.exec(p.message)?.[1] ?? p.message)
    .filter((name) => !except.includes(name))
    .sort();
}

/**
 * Waits until the rule file's unknown metrics are `expected`. While untrusted, whether the user's
 * Prometheus's metric is known is left out: that its request arrived is what is asserted (on a cold
 * start the live source's 2 s timeout can lose the answer, and it retries only 30 s later).
 */
async function waitForUnknownMetrics(workbench: Workbench, expected: string[], what: string, except: readonly string[] = []): Promise<void> {
  let last: string[] = [];
  try {
    await waitFor(
      async () => {
        last = await unknownMetrics(workbench, except);
        return JSON.stringify(last) === JSON.stringify(expected);
      },
      { what, timeoutMs: 60_000, pollMs: 250 },
    );
  } catch (error) {
    throw new Error(`${(error as Error).message}\nexpected: ${JSON.stringify(expected)}\nlast read: ${JSON.stringify(last)}`);
  }
}

const asked = (prometheus: RecordingPrometheus | undefined): boolean => (prometheus?.requests ?? []).some((path) => path.startsWith('/api/v1/label/__name__/values'));

e2eTest("an untrusted folder's Prometheus URL and outside catalog are not used; trusting the folder turns them on without a reload", session, async ({ workbench }) => {
  await waitFor(() => workbench.restrictedMode(), { what: 'the window in Restricted Mode', timeoutMs: 60_000 });
  // The server indexes the folder when it starts: the URL in force is fetched then. The user's is.
  await waitFor(() => asked(userProm), { what: "the user's Prometheus to be asked", timeoutMs: 60_000 });

  // The catalog outside the folder, open in the editor (the workspace's glob names it), then the rule file.
  await workbench.openAbsolute(OUTSIDE_CATALOG);
  await workbench.openFile(RULES);
  // The workspace's Prometheus was not asked and the outside catalog was not read.
  await waitForUnknownMetrics(workbench, ['live_only_metric_total', 'outside_only_metric_total'], 'the rule file checked with the user settings only', ['user_only_metric_total']);
  // A later check of the rule file, long after the outside catalog was opened, still does not know its metric.
  await workbench.focusEditor();
  await workbench.goTo(9, 1);
  await workbench.page.keyboard.press('End');
  await workbench.type(' + late_metric_total');
  await waitForUnknownMetrics(workbench, ['late_metric_total', 'live_only_metric_total', 'outside_only_metric_total'], 'the edited rule file checked again', ['user_only_metric_total']);
  assert.deepEqual(workspaceProm?.requests, [], "the workspace's Prometheus got no request while the folder was untrusted");

  await workbench.trustWorkspace();
  assert.equal(await workbench.restrictedMode(), false);
  // Trusted: the workspace's URL is in force and fetched, the outside catalog counts, the user's URL no longer applies.
  await waitFor(() => asked(workspaceProm), { what: "the workspace's Prometheus to be asked once trusted", timeoutMs: 60_000 });
  await workbench.openFile(RULES);
  await waitForUnknownMetrics(workbench, ['late_metric_total', 'user_only_metric_total'], 'the rule file checked with the workspace settings');
  await workbench.screenshot('trust-granted');
});
