import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, startSession, type Harness } from './testSupport';

let h: Harness;
const uriOf = (relative: string) => h.uriOf(relative);

interface Action {
  title: string;
  edit?: { changes?: Record<string, { range: unknown; newText: string }[]>; documentChanges?: { edits: { range: unknown; newText: string }[] }[] };
}

function editsOf(action: Action | undefined): { range: unknown; newText: string }[] {
  if (!action?.edit) return [];
  return action.edit.documentChanges?.flatMap((c) => c.edits) ?? Object.values(action.edit.changes ?? {}).flat();
}

before(async () => {
  h = await startSession({ from: EXAMPLES });
});

after(() => h.close());

test('consistency/rule-files: removing a rule file revalidates the prometheus.yaml that lists it', async () => {
  const config = uriOf('infra/docker/prometheus/prometheus.yaml');
  const rules = uriOf('infra/docker/prometheus/alerting_rules.yaml');
  await h.open(rules, readFileSync(join(h.root, 'infra/docker/prometheus/alerting_rules.yaml'), 'utf8'));
  // Clean at first: a file on disk with nothing to say is not published.
  assert.equal(h.client.last(config)?.diagnostics.some((d) => d.code === 'consistency/rule-files') ?? false, false);
  // The open document stops being a rule file: prometheus.yaml's entry now matches nothing.
  await h.change(rules, 2, [{ text: 'not: rules\n' }]);
  const after = h.client.diagnostics(config);
  assert.deepEqual(
    after.filter((d) => d.code === 'consistency/rule-files').map((d) => ({ range: d.range, severity: d.severity, message: d.message })),
    [
      {
        range: { start: { line: 7, character: 4 }, end: { line: 7, character: 39 } },
        severity: 2,
        message: `rule_files: "/etc/prometheus/alerting_rules.yaml" matches no rule file of the workspace: nothing at ./alerting_rules.yaml (/etc/prometheus/ is the directory of this prometheus.yaml in the stack's container)`,
      },
    ],
  );
  await h.closeDocument(rules);
});

test('slo/bucket-threshold with its quick fixes over stdio', async () => {
  const uri = uriOf('scratch/latency.yaml');
  const text =
    'groups:\n  - name: t\n    rules:\n      - alert: X\n        expr: service:http_request_duration_seconds:p99 > 0.75\n        for: 5m\n        labels:\n          severity: warning\n        annotations:\n          summary: s\n';
  await h.open(uri, text);
  const diagnostics = h.client.diagnostics(uri);
  const found = diagnostics.filter((d) => d.code === 'slo/bucket-threshold');
  assert.deepEqual(
    found.map((d) => [d.range, d.severity]),
    [[{ start: { line: 4, character: 58 }, end: { line: 4, character: 62 } }, 2]],
  );
  const actions = (await h.request('textDocument/codeAction', {
    textDocument: { uri },
    range: found[0]?.range,
    context: { diagnostics: found },
  })) as Action[];
  const fixes = actions.filter((a) => a.title.startsWith('Change to'));
  assert.deepEqual(
    fixes.map((a) => [a.title, editsOf(a)]),
    [
      ['Change to 0.5', [{ range: { start: { line: 4, character: 58 }, end: { line: 4, character: 62 } }, newText: '0.5' }]],
      ['Change to 1', [{ range: { start: { line: 4, character: 58 }, end: { line: 4, character: 62 } }, newText: '1' }]],
    ],
  );
  await h.closeDocument(uri);
});

test('policy/slo: the burn-rate pair is inserted by the quick fix, and then the tier is covered', async () => {
  const path = 'infra/observability/prometheus/alerts/business-tier-alerts.yaml';
  const uri = uriOf(path);
  const text = readFileSync(join(h.root, path), 'utf8');
  await h.open(uri, text);
  const diagnostics = h.client.diagnostics(uri);
  // The file holds the alerts of the business and the service tier: each tier lacks the pair (order-server, whose
  // config does not parse, is still a service of the service tier).
  const missing = diagnostics.filter((d) => d.code === 'policy/slo' && (d.message as string).startsWith('the business tier') && (d.message as string).includes('SLOBurnRateCritical'));
  assert.deepEqual(
    diagnostics.filter((d) => d.code === 'policy/slo' && (d.message as string).startsWith('the service tier')).map((d) => / covering ([^:]+):/.exec(d.message as string)?.[1]),
    ['order-server'],
  );
  assert.equal(missing.length, 1);
  assert.deepEqual(missing[0]?.range, { start: { line: 8, character: 15 }, end: { line: 8, character: 38 } });
  const actions = (await h.request('textDocument/codeAction', {
    textDocument: { uri },
    range: missing[0]?.range,
    context: { diagnostics: missing },
  })) as Action[];
  const add = actions.find((a) => a.title === 'Add SLOBurnRateCritical and SLOBurnRateWarning for the business tier (SLO 99.9%)');
  const [edit] = editsOf(add) as { range: { start: { line: number; character: number } }; newText: string }[];
  assert.ok(edit);
  assert.match(edit.newText, /^ {6}- alert: SLOBurnRateCritical\n {8}expr: \|\n/);
  assert.match(edit.newText, /\) > \(14\.4 \* 0\.001\)\n/);
  const lines = text.split('\n');
  const at = edit.range.start.line;
  const fixed = [...lines.slice(0, at), ...edit.newText.replace(/\n$/, '').split('\n'), ...lines.slice(at)].join('\n');
  await h.change(uri, 2, [{ text: fixed }]);
  assert.equal(h.client.last(uri)?.version, 2);
  const after = h.client.diagnostics(uri);
  assert.deepEqual(
    after.filter((d) => d.code === 'policy/slo' && (d.message as string).startsWith('the business tier') && (d.message as string).includes('has no SLOBurnRate')),
    [],
  );
  assert.equal(after.filter((d) => d.code === 'policy/slo' && (d.message as string).startsWith('the service tier')).length, 1, 'the service tier still lacks its pair');
  await h.closeDocument(uri);
});
