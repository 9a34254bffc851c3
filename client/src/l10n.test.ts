/**
 * Every string the client says through `l10n(…)` has a Japanese entry in
 * l10n/bundle.l10n.ja.json with the same placeholders, the bundle has no entry
 * nobody says, and no call builds its English with a template (the bundle could
 * not hold it). `@vscode/l10n-dev` is not installed here: the strings are read
 * from the sources with the same rule it uses for literal arguments.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayLanguage, l10n, useTranslator, type Translate } from './l10n';
import { resultHtml, resultMarkdown } from './run/format';
import { stackComponents, summarize } from './stack/health';
import { statusItem } from './stack/messages';
import { DEFAULT_STACK_SETTINGS } from './stack/settings';
import { describePlan } from './stack/stackFiles';

const ROOT = join(__dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && entry.name !== 'l10n.ts' ? [path] : [];
  });
}

const CALL = /\bl10n\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(`))/g;

function said(): { strings: Set<string>; templates: string[] } {
  const strings = new Set<string>();
  const templates: string[] = [];
  for (const file of sources(join(ROOT, 'client/src'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(CALL)) {
      if (match[3]) templates.push(file);
      else strings.add((match[1] ?? match[2] ?? '').replace(/\\(['"\\])/g, '$1'));
    }
  }
  return { strings, templates };
}

/** Entries whose Japanese is the design's own Latin word: `Tier {0}`. */
const DESIGN_WORDS = new Set(['tier {0}']);

const placeholders = (text: string): string[] => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

test('the Japanese bundle has exactly the strings the client says, with the same placeholders, each in Japanese', () => {
  const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  const { strings, templates } = said();
  assert.deepEqual(templates, []);
  assert.ok(strings.size >= 100, `only ${strings.size} strings found: is the pattern still right?`);
  assert.deepEqual(Object.keys(bundle).sort(), [...strings].sort());
  for (const [english, japanese] of Object.entries(bundle)) {
    assert.deepEqual(placeholders(japanese), placeholders(english), english);
    assert.notEqual(japanese, english);
    // Words the design writes in Latin letters (Tier) are Japanese as they are.
    if (!DESIGN_WORDS.has(english)) assert.match(japanese, /[\u3040-\u30ff\u4e00-\u9fff]/, english);
  }
});

test('outside VS Code, l10n says the English with its arguments in place', () => {
  assert.equal(l10n('{0} of {1} up', 2, 4), '2 of 4 up');
  assert.equal(l10n('left {1} alone', 'x'), 'left {1} alone');
});

test('the manifest points VS Code at the bundles, and the package ships them', () => {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { l10n?: string };
  assert.equal(manifest.l10n, './l10n');
  assert.ok(readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').includes('!l10n/**'));
});

test('the client says its words only through l10n(): no vscode.l10n.t outside extension.ts, which hands it to l10n', () => {
  const direct = sources(join(ROOT, 'client/src')).filter((file) => !file.endsWith('extension.ts') && /\bl10n\.t\(|vscode\.l10n\b/.test(readFileSync(file, 'utf8')));
  assert.deepEqual(direct, []);
  const extension = readFileSync(join(ROOT, 'client/src/extension.ts'), 'utf8');
  assert.match(extension, /useTranslator\(\(message, \.\.\.args\) => vscode\.l10n\.t\(message, \.\.\.args\), vscode\.env\.language\);/);
});

/** What `vscode.l10n.t` does with a bundle: the entry for the English, else the English; then the arguments. */
function fromBundle(bundle: Record<string, string>): Translate {
  return (message, ...args) => (bundle[message] ?? message).replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

test('in Japanese: the query result page (lang="ja"), the stack status and the stack files plan', (t) => {
  const bundle = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  useTranslator(fromBundle(bundle), 'ja');
  t.after(() => useTranslator(fromBundle({})));
  assert.equal(displayLanguage(), 'ja');

  const outcome = { kind: 'result', resultType: 'vector', samples: [{ labels: { __name__: 'up', job: 'p' }, value: '1', timestamp: 0 }], warnings: ['too many'] } as const;
  const html = resultHtml('up', { ...outcome, samples: [...outcome.samples], warnings: [...outcome.warnings] }, 'http://p:9090', 'rules.yaml:3');
  assert.match(html, /^<!DOCTYPE html>\n<html lang="ja"><head>/);
  assert.ok(html.includes('<title>Prometheus の結果</title>'));
  assert.ok(html.includes('<h2>Prometheus の結果</h2>'));
  assert.ok(html.includes('<p class="summary">1 系列</p>'));
  assert.ok(html.includes('<p class="warning">警告: too many</p>'));
  assert.ok(html.includes('<thead><tr><th>系列</th><th class="num">値</th><th>タイムスタンプ</th></tr></thead>'));
  assert.equal(
    resultMarkdown('up', { ...outcome, samples: [...outcome.samples], warnings: [] }, 'http://p:9090'),
    '**クエリ** `up`（http://p:9090）\n\n1 系列\n\n| 系列 | 値 | タイムスタンプ |\n| --- | ---: | --- |\n| up{job="p"} | 1 | 1970-01-01T00:00:00.000Z |\n',
  );
  assert.equal(
    resultHtml('x(', { kind: 'unreachable', detail: 'ECONNREFUSED' }, 'http://p:9090').includes('<p class="summary failed">http://p:9090 で待ち受けているものがありません（ECONNREFUSED）。</p>'),
    true,
  );

  const [prometheus, grafana] = stackComponents(DEFAULT_STACK_SETTINGS);
  assert.ok(prometheus && grafana);
  const reports = [
    { component: prometheus, up: true, detail: 'HTTP 200' },
    { component: grafana, up: false, detail: 'ECONNREFUSED' },
  ];
  assert.deepEqual(summarize(reports), { text: 'k1s0 スタック 1/2', allUp: false, down: ['Grafana'] });
  assert.deepEqual(statusItem(reports[1]!), { label: '$(error) Grafana', description: '停止 :3200', detail: 'ECONNREFUSED' });

  assert.equal(
    describePlan([
      { path: 'docker-compose.yaml', state: 'new', content: '' },
      { path: 'infra/docker/loki/loki-config.yaml', state: 'same', content: '' },
      { path: 'infra/docker/prometheus/prometheus.yaml', state: 'differs', content: '' },
    ]),
    ['+ 新規        docker-compose.yaml', '= 同じ        infra/docker/loki/loki-config.yaml', '! 既存        infra/docker/prometheus/prometheus.yaml'].join('\n'),
  );
});
