import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../base/settings';
import type { OutlineSymbol } from '../base/types';
import { EditorFeatures } from '../features/editorFeatures';
import { fileInput } from '../service/fileInput';
import { LanguageService } from '../service/languageService';
import { diagnose, fixture, PATH } from './testSupport';

const URI = `file://${PATH}`;
const kindOf = (path: string, text: string): string | undefined => new LanguageService().kindOf({ uri: `file://${path}`, text }, DEFAULT_SETTINGS, { path });

test('found by content wherever it is, and by name (k1s0.files.alertmanagerConfig) whatever it holds', () => {
  const design = fixture('design-alertmanager.yml');
  assert.equal(kindOf('/w/deploy/am.yaml', design), 'alertmanager');
  assert.equal(kindOf('/w/alertmanager.yaml', 'route: [\n'), 'alertmanager');
  assert.equal(kindOf('/w/alertmanager-prod.yml', ''), 'alertmanager');
  // Neither named nor shaped as one: another kind's, or nobody's.
  assert.equal(kindOf('/w/deploy/am.yaml', 'route:\n  receiver: a\n'), undefined);
  assert.equal(kindOf('/w/prometheus.yaml', 'global: {}\nscrape_configs: []\n'), 'prometheus');
  assert.equal(kindOf('/w/alertmanager.json', design), undefined);
  const settings = { ...DEFAULT_SETTINGS, files: { ...DEFAULT_SETTINGS.files, alertmanagerConfig: ['**/am/*.yaml'] } };
  assert.equal(new LanguageService().kindOf({ uri: 'file:///w/am/main.yaml', text: 'x: 1\n' }, settings, { path: '/w/am/main.yaml' }), 'alertmanager');
});

test('bad input gets one clear diagnostic, never a crash: not YAML, empty, not a mapping, too deep, too large, binary', () => {
  assert.deepEqual(diagnose(PATH, 'route: [receiver: a\nreceivers:\n  - name: a\n'), [
    ['yaml/syntax', 'error', 1, 0, 9, 'Flow sequence in block collection must be sufficiently indented and end with a ]'],
  ]);
  const empty = 'The file is empty: Alertmanager needs a `route` with a default receiver and the `receivers` it names.';
  assert.deepEqual(diagnose(PATH, ''), [['alertmanager/config', 'error', 0, 0, 0, empty]]);
  assert.deepEqual(diagnose(PATH, '# nothing yet\n'), [['alertmanager/config', 'error', 0, 0, 0, empty]]);
  assert.deepEqual(diagnose(PATH, '- route\n- receivers\n'), [['alertmanager/config', 'error', 0, 0, 0, '(top level) must be a mapping; got a list.']]);
  const deep = `route:\n  receiver: ${'['.repeat(300)}${']'.repeat(300)}\nreceivers: []\n`;
  assert.deepEqual(diagnose(PATH, deep), [['yaml/syntax', 'error', 1, 265, 266, 'Not checked: the document nests deeper than 256 levels']]);
  const huge = `route:\n  receiver: a\nreceivers:\n  - name: a\n${'# padding\n'.repeat(2200)}`;
  const small = { ...DEFAULT_SETTINGS, files: { ...DEFAULT_SETTINGS.files, maxFileSizeKB: 16 } };
  const service = new LanguageService();
  assert.deepEqual(
    service.validate({ file: { uri: URI, text: huge }, settings: small, location: { path: PATH } }).map((d) => [d.code, d.severity, d.message]),
    [['file/too-large', 'warning', 'Not checked: the file is 22 KB, over k1s0.files.maxFileSizeKB (16 KB).']],
  );
  const binary = fileInput(new Uint8Array([0x72, 0x6f, 0xff, 0xfe, 0x00, 0x01]), URI, { path: PATH }, DEFAULT_SETTINGS);
  assert.ok('diagnostics' in binary);
  assert.deepEqual(
    binary.diagnostics.map((d) => d.code),
    ['file/encoding'],
  );
});

test('the outline: the route tree (named by matchers, with its receiver) and the receivers (with what they notify)', () => {
  const text = fixture('design-alertmanager.yml');
  const outline = new LanguageService().outlineOf({ uri: URI, text }, DEFAULT_SETTINGS, { path: PATH });
  const show = (symbol: OutlineSymbol): unknown => ({
    name: symbol.name,
    kind: symbol.kind,
    detail: symbol.detail,
    selection: text.slice(symbol.selectionStart, symbol.selectionEnd),
    ...(symbol.children.length > 0 ? { children: symbol.children.map(show) } : {}),
  });
  assert.deepEqual(outline.map(show), [
    {
      name: 'route',
      kind: 'route',
      detail: '→ teams-ops',
      selection: 'route',
      children: [
        { name: 'severity="critical"', kind: 'route', detail: '→ teams-ops', selection: 'matchers' },
        { name: 'severity="warning"', kind: 'route', detail: '→ teams-warnings', selection: 'matchers' },
      ],
    },
    { name: 'teams-ops', kind: 'receiver', detail: 'webhook', selection: 'teams-ops' },
    { name: 'teams-warnings', kind: 'receiver', detail: 'webhook', selection: 'teams-warnings' },
  ]);
  const root = outline[0];
  assert.equal(text.slice(root?.start, root?.end).split('\n')[0], 'route:');
});

function features(text: string) {
  const service = new LanguageService();
  const editor = new EditorFeatures(service, () => ({ settings: DEFAULT_SETTINGS, location: { path: PATH } }));
  const at = (marker: string) => {
    const offset = text.indexOf(marker);
    assert.ok(offset >= 0, marker);
    const before = text.slice(0, offset).split('\n');
    return { file: { uri: URI, text: text.replace('|', '') }, position: { line: before.length - 1, character: (before.at(-1) ?? '').length } };
  };
  return { editor, at };
}

test('completion of keys where a key goes and of enumerated values; hover of a key', () => {
  const keys = features('route:\n  receiver: a\n  |\nreceivers:\n  - name: a\n');
  assert.deepEqual(
    keys.editor.completion(keys.at('|')).map((item) => item.label),
    ['group_by', 'continue', 'matchers', 'match', 'match_re', 'mute_time_intervals', 'active_time_intervals', 'group_wait', 'group_interval', 'repeat_interval', 'routes'],
  );
  const webhook = features('route:\n  receiver: a\nreceivers:\n  - name: a\n    webhook_configs:\n      - url: http://prometheus-msteams:2000/ops\n        send_resolved: |\n');
  assert.deepEqual(
    webhook.editor.completion(webhook.at('|')).map((item) => item.label),
    ['true', 'false'],
  );
  const tls = features('route:\n  receiver: a\nreceivers:\n  - name: a\n    webhook_configs:\n      - http_config:\n          tls_config:\n            min_version: |\n');
  assert.deepEqual(
    tls.editor.completion(tls.at('|')).map((item) => item.label),
    ['TLS10', 'TLS11', 'TLS12', 'TLS13'],
  );
  const hover = features('route:\n  receiver: a\n  |continue: true\nreceivers:\n  - name: a\n');
  assert.deepEqual(hover.editor.hover(hover.at('|')), {
    contents: '**continue** — bool\n\nWhether alerts that match this route go on to its next siblings (default false: the first match wins).',
    range: { start: { line: 2, character: 2 }, end: { line: 2, character: 10 } },
  });
});
