import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Caches } from '../base/caches';
import { checkTemplates, REMEMBER_TEMPLATES_AT_MOST, TEMPLATE_CODE, TEMPLATES } from './template';
import { analyzeText, rows } from './testSupport';

/** An alert whose label `l` and annotations a0, a1, … hold the given texts (single-quoted YAML), from line 6 on. */
function alert(label: string, annotations: readonly string[]): string {
  return [
    'groups:',
    '  - name: a',
    '    rules:',
    '      - alert: A',
    '        expr: up',
    '        labels:',
    `          l: '${label}'`,
    '        annotations:',
    ...annotations.map((v, i) => `          a${i}: '${v}'`),
    '',
  ].join('\n');
}

/** Findings as rows plus, for each, its fix as [title, the text it replaces, the new text]. */
function found(text: string, caches?: Caches) {
  const findings = checkTemplates(analyzeText(text).rules, caches);
  return findings.map((f, i) => {
    assert.equal(f.code, TEMPLATE_CODE);
    return [...(rows(text, findings)[i] ?? []), f.fixes?.map((fix) => [fix.title, fix.preferred, ...fix.edits.map((e) => [text.slice(e.start, e.end), e.newText])])];
  });
}

test('labels are templates too; an undefined variable without a near name lists the defined ones', () => {
  const text = alert('{{ $foo }}', ['{{ $valeu }}']);
  assert.deepEqual(found(text), [
    ['6:17-6:21', 'error', 'label "l": undefined variable "$foo"; alert templates define $labels, $externalLabels, $externalURL, $value', undefined],
    ['8:18-8:24', 'error', 'annotation "a0": undefined variable "$valeu"; did you mean "$value"?', [["Change to '$value'", true, ['$valeu', '$value']]]],
  ]);
});

test('unknown functions: did-you-mean among Go builtins and Prometheus functions, none when nothing is near', () => {
  const text = alert('ok', ['{{ zzzqqq }}', '{{ printff "a" }}', '{{ "a" | humanizePercentag }}', '{{ .x | toDuratio }}']);
  assert.deepEqual(found(text), [
    ['8:18-8:24', 'error', 'annotation "a0": function "zzzqqq" not defined in Prometheus templates', undefined],
    ['9:18-9:25', 'error', 'annotation "a1": function "printff" not defined in Prometheus templates; did you mean "printf"?', [["Change to 'printf'", true, ['printff', 'printf']]]],
    [
      '10:24-10:41',
      'error',
      'annotation "a2": function "humanizePercentag" not defined in Prometheus templates; did you mean "humanizePercentage"?',
      [["Change to 'humanizePercentage'", true, ['humanizePercentag', 'humanizePercentage']]],
    ],
    ['11:23-11:32', 'error', 'annotation "a3": function "toDuratio" not defined in Prometheus templates; did you mean "toDuration"?', [["Change to 'toDuration'", true, ['toDuratio', 'toDuration']]]],
  ]);
});

test('syntax problems: no fix; texts without an action are not parsed', () => {
  const text = alert('{{ .x', ['{{', 'a {{ if }}', '{{ end }}', '{{/* x', 'no action: {{', '{{/* x */']);
  assert.deepEqual(found(text), [
    ['6:14-6:19', 'error', 'label "l": template: unclosed action', undefined],
    ['8:15-8:17', 'error', 'annotation "a0": template: unclosed action', undefined],
    ['9:23-9:25', 'error', 'annotation "a1": template: missing value for if', undefined],
    ['10:18-10:21', 'error', 'annotation "a2": template: unexpected {{end}}', undefined],
    ['11:17-11:21', 'error', 'annotation "a3": template: unclosed comment', undefined],
    ['12:26-12:28', 'error', 'annotation "a4": template: unclosed action', undefined],
    ['13:24-13:24', 'error', 'annotation "a5": template: comment ends before closing delimiter', undefined],
  ]);
  assert.deepEqual(found(alert('}} plain {', ['a } b'])), []);
  // At the end of the text a problem is no character wide (its range ends with the value's), in a value of any style;
  // in a block scalar the text ends with its line's newline.
  const styles =
    'groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up\n        annotations:\n          a: "{{/* x */"\n          b: x {{/* x */\n          c: |\n            {{/* x */\n';
  assert.deepEqual(
    found(styles).map(([range]) => range),
    ['6:23-6:23', '7:24-7:24', '9:21-10:0'],
  );
});

test('every function Prometheus adds is known, the newer ones included', () => {
  const calls = [
    '{{ query "up" | first | value }}',
    '{{ query "up" | first | label "job" }}',
    '{{ query "up" | first | strvalue }}',
    '{{ args 1 2 }}',
    '{{ reReplaceAll "a" "b" "c" | safeHtml }}',
    '{{ match "a" "b" }}',
    '{{ title "a" | toUpper | toLower }}',
    '{{ graphLink "up" }}{{ tableLink "up" }}',
    '{{ query "up" | sortByLabel "job" }}',
    '{{ humanize 1 }}{{ humanize1024 1 }}{{ humanizeDuration 1 }}{{ humanizePercentage 1 }}{{ humanizeTimestamp 1 }}',
    '{{ toTime 1 }}{{ pathPrefix }}{{ externalURL }}{{ parseDuration "1m" }}',
    '{{ stripPort "a:1" }}{{ stripDomain "a.b" }}',
    '{{ toDuration 1 }}{{ now }}{{ urlQueryEscape "a" }}',
    '{{ $labels }}{{ $externalLabels }}{{ $externalURL }}{{ $value }}',
  ];
  assert.deepEqual(found(alert('{{ $labels.job }}', calls)), []);
});

test('template problems are remembered in the caches, read from them, and forgotten all at once past the bound', () => {
  const text = alert('{{ $foo }}', ['{{ $foo }}', '{{ zzzqqq }}', 'no action']);
  const caches = new Caches();
  const fresh = found(text);
  assert.equal(fresh.length, 3);
  assert.deepEqual(found(text, caches), fresh);
  const remembered = caches.get(TEMPLATES);
  assert.deepEqual([...remembered.keys()], ['{{ $foo }}', '{{ zzzqqq }}'], 'each template once; a text without an action is not parsed');
  // What is remembered is what is said: a planted answer is read back.
  remembered.set('{{ $foo }}', []);
  assert.deepEqual(found(text, caches), fresh.slice(2));
  // At the bound, everything is forgotten before the next template is remembered.
  for (let i = remembered.size; i < REMEMBER_TEMPLATES_AT_MOST - 1; i++) remembered.set(`t${i}`, []);
  assert.deepEqual(found(alert('{{ $x1 }}', []), caches).length, 1);
  assert.equal(remembered.size, REMEMBER_TEMPLATES_AT_MOST);
  assert.deepEqual(found(alert('{{ $x2 }}', []), caches).length, 1);
  assert.deepEqual([...remembered.keys()], ['{{ $x2 }}']);
});

test('recording rules and alerts without labels or annotations have nothing to check', () => {
  const text = 'groups:\n  - name: a\n    rules:\n      - record: r\n        expr: up\n        labels:\n          l: "{{ $foo }}"\n      - alert: B\n        expr: up\n';
  assert.deepEqual(found(text), []);
});
