import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { promtoolCheck, requirePromtool } from '../promtoolOracle';
import { ALERT_TEMPLATE_VARIABLES, PROMETHEUS_TEMPLATE_FUNCTIONS } from '../template';
import { NEWER_PROMETHEUS_CASES, TEMPLATE_CASES } from './cases';
import { checkTemplate } from './parse';

const env = { functions: new Set(PROMETHEUS_TEMPLATE_FUNCTIONS.map((f) => f.name)), variables: ALERT_TEMPLATE_VARIABLES };
const problemsOf = (text: string) => checkTemplate(text, env).problems;

describe('Go template checking parser', () => {
  it('rejects exactly what promtool 2.42 rejects', () => {
    requirePromtool();
    const yaml = ['groups:', '  - name: templates', '    rules:'];
    TEMPLATE_CASES.forEach((template, i) => {
      yaml.push(`      - alert: case${i}`, '        expr: up', '        annotations:', `          t: ${JSON.stringify(template)}`);
    });
    const { output } = promtoolCheck({ text: yaml.join('\n') + '\n' });
    const disagreements = TEMPLATE_CASES.flatMap((template, i) => {
      const goRejects = output.includes(`"case${i}":`);
      const weReject = problemsOf(template).length > 0;
      const expected = NEWER_PROMETHEUS_CASES.has(template) ? !goRejects : goRejects;
      return expected === weReject ? [] : [`${JSON.stringify(template)}: promtool ${goRejects ? 'rejects' : 'accepts'}, we ${weReject ? 'reject' : 'accept'}`];
    });
    assert.deepEqual(disagreements, []);
  });

  it('places problems on their tokens', () => {
    const at = (text: string) => problemsOf(text).map((p) => [p.kind, p.message, text.slice(p.start, p.end)]);
    assert.deepEqual(at('{{ $value | humanizePct }}'), [['unknown-function', 'function "humanizePct" not defined', 'humanizePct']]);
    assert.deepEqual(at('a {{ if .A }}b'), [['syntax', 'unexpected EOF: missing {{end}} for {{if}}', 'if']]);
    assert.deepEqual(at('{{ .A }} {{ end }}'), [['syntax', 'unexpected {{end}}', 'end']]);
    assert.deepEqual(at('x {{ .A '), [['syntax', 'unclosed action', '{{ .A ']]);
    assert.deepEqual(at('{{/* note'), [['syntax', 'unclosed comment', '/* note']]);
  });

  it('keeps going after unknown names, so one typo never hides another', () => {
    const problems = problemsOf('{{ humanizePct $value }} {{ $lables.job }} {{ toupper "x" }}');
    assert.deepEqual(
      problems.map((p) => p.name),
      ['humanizePct', '$lables', 'toupper'],
    );
  });

  it('scopes variables like Go: control blocks end them, define bodies start afresh', () => {
    assert.deepEqual(problemsOf('{{ if .A }}{{ $x := 1 }}{{ $x }}{{ end }}'), []);
    assert.deepEqual(
      problemsOf('{{ if .A }}{{ $x := 1 }}{{ end }}{{ $x }}').map((p) => p.name),
      ['$x'],
    );
    assert.deepEqual(
      problemsOf('{{ define "t" }}{{ $labels.job }}{{ end }}').map((p) => p.name),
      ['$labels'],
    );
  });

  it('collects variable references with their fields', () => {
    const { references } = checkTemplate('{{ $labels.job }} {{ $value }} {{ $labels.instance | toUpper }}', env);
    assert.deepEqual(
      references.map((r) => [r.variable, r.fields, r.start, r.end]),
      [
        ['$labels', ['job'], 3, 14],
        ['$value', [], 21, 27],
        ['$labels', ['instance'], 34, 50],
      ],
    );
  });

  it('keeps an error at the very end inside the template', () => {
    // Found by the property below: a comment that closes at the end of the text.
    assert.deepEqual(
      problemsOf('{{/**/').map((p) => [p.message, p.start, p.end]),
      [['comment ends before closing delimiter', 6, 6]],
    );
  });

  it('never throws, and every problem lies inside the template', () => {
    const piece = fc.constantFrom(
      '{{',
      '}}',
      '{{-',
      ' -}}',
      '/*',
      '*/',
      'if',
      'else',
      'end',
      'range',
      '$x',
      ':=',
      '$labels',
      '.job',
      '|',
      '(',
      ')',
      '"s"',
      '`r`',
      '1',
      'humanize',
      ' ',
      '\n',
      ',',
      'define',
      '"t"',
      'template',
      'block',
      'break',
      'x',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        for (const p of problemsOf(text)) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length, JSON.stringify([text, p]));
      }),
      { numRuns: 2000 },
    );
  });
});
