/**
 * Suppression comments, "Disable <code> for this line" and `.k1s0/lint.yaml`
 * in the session: what the editor shows, and that the CLI shows the same.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkPaths, lintSettings } from '../cli/check';
import { findLintConfig } from '../lint/lintConfig';
import { lines, rangeOf } from '../../../test/support/text';
import { startSession, wire, type Harness } from './testSupport';

const POLICY_MESSAGE = 'prod: observability.log.format should be json, not "text" (design: JSON structured logs are the standard (Loki); text is for dev only).';

const CONFIG = lines(
  'observability:',
  '  log:',
  '    level: "warn"',
  '    format: "text"',
  '  trace:',
  '    enabled: true',
  '    endpoint: "jaeger:4317"',
  '    # k1s0-disable-next-line config/policy -- load test cluster samples everything',
  '    sample_rate: 1.0',
  '  metrics:',
  '    enabled: true',
  '    path: "/metrics"',
);

const RULES = lines(
  'groups:',
  '  - name: legacy',
  '    rules:',
  '      - alert: LegacyErrors',
  '        # k1s0-disable catalog -- exported by the legacy gateway, not in the catalog',
  '        expr: |',
  '          sum(rate(legacy_errors_total[5m])) > 1',
  '        labels:',
  '          severity: warning',
  '        annotations:',
  '          summary: legacy gateway errors',
  '      - alert: LegacyDown',
  '        # k1s0-disable-next-line promql/counter',
  '        expr: absent(up{job="legacy"})',
  '        labels:',
  '          severity: critical',
  '        annotations:',
  '          summary: legacy gateway down',
);

let h: Harness;

before(async () => {
  h = await startSession({
    files: {
      'config/config.yaml': CONFIG,
      'rules/legacy.yaml': RULES,
      '.k1s0/lint.yaml': lines('diagnostics:', '  severity:', '    suppression/unknown-code: error'),
    },
  });
});

after(() => h.close());

/** A new lint.yaml on disk, and the watched-file event that tells the session. */
async function writeLint(text: string): Promise<void> {
  writeFileSync(join(h.root, '.k1s0/lint.yaml'), text);
  h.session.filesChanged([{ uri: h.uriOf('.k1s0/lint.yaml'), type: 2 }]);
  await h.session.idle();
}

test('a suppressed finding disappears; the one left carries no suppressed neighbour', () => {
  assert.deepEqual(
    h.client.diagnostics(h.uriOf('config/config.yaml')).map((d) => [d.code, d.severity, d.range, d.message]),
    [['config/policy', 2, rangeOf(CONFIG, '"text"'), POLICY_MESSAGE]],
  );
  // The rule file: `k1s0-disable catalog` silences the unknown metric for the rest of its rule.
  assert.deepEqual(
    h.client.diagnostics(h.uriOf('rules/legacy.yaml')).map((d) => [d.code, d.severity, d.range, d.message]),
    [['suppression/unused', 4, rangeOf(RULES, 'promql/counter'), 'Unused suppression: no promql/counter diagnostic on the next line; remove "promql/counter" from the directive.']],
    'an unused suppression is a hint',
  );
});

test('"Disable <code> for this line" inserts the directive above the line, indented like it', async () => {
  const uri = h.uriOf('config/config.yaml');
  h.session.open(uri, CONFIG, 7);
  await h.session.idle();
  const [policy] = h.client.diagnostics(uri);
  assert.ok(policy);
  const actions = wire(await h.lsp.codeAction({ textDocument: { uri }, range: rangeOf(CONFIG, '"text"'), context: { diagnostics: [policy] } }));
  const disable = actions.find((a) => a.title === 'Disable config/policy for this line');
  const lineStart = { line: rangeOf(CONFIG, '"text"').start.line, character: 0 };
  assert.deepEqual(disable?.edit, {
    documentChanges: [{ textDocument: { uri, version: 7 }, edits: [{ range: { start: lineStart, end: lineStart }, newText: '    # k1s0-disable-next-line config/policy\n' }] }],
  });
  // Applying it: the finding is gone and the new directive is used.
  const fixed = CONFIG.replace('    format: "text"', '    # k1s0-disable-next-line config/policy\n    format: "text"');
  h.session.change(uri, 8, [{ text: fixed }]);
  await h.session.idle();
  assert.deepEqual(h.client.last(uri), { uri, version: 8, diagnostics: [] });
  // An unknown code: re-graded by lint.yaml (error), with did-you-mean.
  const typo = fixed.replace('# k1s0-disable-next-line config/policy\n    format', '# k1s0-disable-next-line config/polcy\n    format');
  h.session.change(uri, 9, [{ text: typo }]);
  await h.session.idle();
  assert.deepEqual(
    h.client.diagnostics(uri).map((d) => [d.code, d.severity, d.range, d.message]),
    [
      ['suppression/unknown-code', 1, rangeOf(typo, 'config/polcy'), 'Unknown diagnostic code "config/polcy" in k1s0-disable-next-line. Did you mean "config/policy"?'],
      ['config/policy', 2, rangeOf(typo, '"text"'), POLICY_MESSAGE],
    ],
  );
  h.session.close(uri);
  await h.session.idle();
  assert.equal(h.client.last(uri)?.version, undefined);
  assert.equal(h.client.diagnostics(uri).length, 1);
});

test('a lint.yaml change re-grades every file without a restart; its own problems are diagnostics on it', async () => {
  const lintUri = h.uriOf('.k1s0/lint.yaml');
  const configUri = h.uriOf('config/config.yaml');
  await writeLint(lines('diagnostics:', '  severity:', '    config/policy: "off"', '    suppression: "off"'));
  assert.deepEqual(h.client.diagnostics(configUri), []);
  assert.deepEqual(h.client.diagnostics(h.uriOf('rules/legacy.yaml')), []);

  const broken = lines('diagnostics:', '  severty:', '    config/policy: "off"', 'files:', '  maxFileSizeKB: -1');
  await writeLint(broken);
  assert.deepEqual(
    h.client.diagnostics(lintUri).map((d) => [d.code, d.severity, d.range, d.message]),
    [
      ['lint/config', 1, rangeOf(broken, 'severty'), 'diagnostics: unknown key "severty"; did you mean "severity"?'],
      ['lint/config', 1, rangeOf(broken, '-1'), 'files.maxFileSizeKB: Too small: expected number to be >0'],
    ],
  );
  // Nothing of it applies any more: config/policy is back.
  assert.deepEqual(
    h.client.diagnostics(configUri).map((d) => d.code),
    ['config/policy'],
  );
});

test('editor settings win over lint.yaml key by key; what the editor leaves at its default comes from the file', async () => {
  await writeLint(lines('diagnostics:', '  severity:', '    config/policy: hint', '    suppression/unused: warning'));
  h.client.settings = { diagnostics: { severity: { 'config/policy': 'error' } } };
  h.session.configurationChanged(null);
  await h.session.idle();
  assert.deepEqual(
    h.client.diagnostics(h.uriOf('config/config.yaml')).map((d) => [d.code, d.severity]),
    [['config/policy', 1]],
  );
  assert.deepEqual(
    h.client.diagnostics(h.uriOf('rules/legacy.yaml')).map((d) => [d.code, d.severity]),
    [['suppression/unused', 2]],
  );
  h.client.settings = {};
  h.session.configurationChanged(null);
  await h.session.idle();
});

test('the CLI and the editor report the same diagnostics for the same workspace', async () => {
  await writeLint(lines('diagnostics:', '  severity:', '    config/policy: hint', '    suppression/unused: warning'));
  assert.deepEqual(h.client.diagnostics(h.uriOf('.k1s0/lint.yaml')), []);
  const cli = await checkPaths([h.root], lintSettings(findLintConfig(h.root)), { threads: () => 1, workerScript: '' });
  const fromCli = cli.flatMap(({ found, diagnostics }) => diagnostics.map((d) => [found.relativePath, JSON.stringify(d)]));
  const fromEditor = cli.flatMap(({ found }) => h.client.plain(pathToFileURL(found.path).href).map((d) => [found.relativePath, JSON.stringify(d)]));
  assert.deepEqual(fromCli, fromEditor);
  assert.deepEqual(
    cli.flatMap(({ diagnostics }) => diagnostics.map((d) => [d.code, d.severity])),
    [
      ['config/policy', 'hint'],
      ['suppression/unused', 'warning'],
    ],
  );
  assert.equal(readFileSync(join(h.root, 'config/config.yaml'), 'utf8'), CONFIG, 'nothing touched the files');
});
