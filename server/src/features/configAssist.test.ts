import { test } from 'node:test';
import assert from 'node:assert/strict';
import { completeConfig, hoverConfig } from './configAssist';

const complete = (marked: string, environment?: 'dev' | 'staging' | 'prod') => {
  const offset = marked.indexOf('|');
  return completeConfig(marked.replace('|', ''), offset, environment).sort((a, b) => a.sortText.localeCompare(b.sortText));
};

test('keys of the mapping the cursor is in, minus those already there', () => {
  const items = complete('observability:\n  log:\n    level: info\n    |\n  trace:\n    enabled: false\n');
  assert.deepEqual(
    items.map((i) => [i.label, i.insertText, i.start, i.end]),
    [['format', 'format: ${1|text,json|}', 42, 42]],
  );
  const top = complete('observability:\n  |\n');
  assert.deepEqual(
    top.map((i) => [i.label, i.insertText]),
    [
      ['log', 'log:\n  $0'],
      ['trace', 'trace:\n  $0'],
      ['metrics', 'metrics:\n  $0'],
    ],
  );
  assert.deepEqual(
    complete('app:\n  name: x\n|').map((i) => i.label),
    ['observability'],
  );
  assert.deepEqual(complete('app:\n  |\n'), [], 'outside the observability section');
});

test('values where a value goes, the environment policy first', () => {
  const text = 'observability:\n  trace:\n    sample_rate: |\n';
  assert.deepEqual(
    complete(text, 'prod').map((i) => [i.label, i.detail, i.start, i.end]),
    [
      ['0.1', 'prod policy', 41, 41],
      ['1.0', 'a number between 0 and 1', 41, 41],
      ['0.5', 'a number between 0 and 1', 41, 41],
    ],
  );
  assert.deepEqual(
    complete('observability:\n  log:\n    level: de|bug\n').map((i) => [i.label, i.start, i.end]),
    [
      ['debug', 33, 38],
      ['info', 33, 38],
      ['warn', 33, 38],
      ['error', 33, 38],
    ],
  );
});

test('hover on a key explains it and shows the policy of each environment', () => {
  const text = 'observability:\n  log:\n    format: json\n';
  const hover = hoverConfig(text, text.indexOf('format') + 2);
  assert.deepEqual(hover && [hover.start, hover.end], [text.indexOf('format'), text.indexOf('format') + 6]);
  assert.equal(
    hover?.contents,
    [
      '**observability.log.format** — one of text, json',
      '',
      'json is the standard (Loki); text is allowed in dev only, for readability.',
      '',
      '| environment | design value | rule |',
      '| --- | --- | --- |',
      '| staging | `json` | JSON structured logs are the standard (Loki); text is for dev only |',
      '| prod | `json` | JSON structured logs are the standard (Loki); text is for dev only |',
    ].join('\n'),
  );
  assert.equal(hoverConfig(text, text.indexOf('json') + 1), undefined, 'values have no hover');
});
