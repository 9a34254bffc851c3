import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lexTemplate } from './lex';

const kinds = (text: string) => lexTemplate(text).map((t) => `${t.kind}:${t.text}`);

describe('Go template lexer', () => {
  it('splits text and actions, with trim markers inside the delimiters', () => {
    assert.deepEqual(kinds('a {{- $labels.job | toUpper -}} b'), [
      'text:a ',
      'leftDelim:{{- ',
      'variable:$labels',
      'field:.job',
      'space: ',
      'pipe:|',
      'space: ',
      'identifier:toUpper',
      'rightDelim: -}}',
      'text: b',
      'eof:',
    ]);
  });

  it('reads strings, raw strings, numbers, keywords and declarations', () => {
    assert.deepEqual(
      kinds('{{if $x := `r` }}{{ -1.5e3 }}{{"q\\""}}{{end}}').filter((k) => !k.startsWith('space')),
      [
        'leftDelim:{{',
        'keyword:if',
        'variable:$x',
        'declare::=',
        'rawString:`r`',
        'rightDelim:}}',
        'leftDelim:{{',
        'number:-1.5e3',
        'rightDelim:}}',
        'leftDelim:{{',
        'string:"q\\""',
        'rightDelim:}}',
        'leftDelim:{{',
        'keyword:end',
        'rightDelim:}}',
        'eof:',
      ],
    );
  });

  it('treats {{-3}} as a number, not a trim marker', () => {
    assert.deepEqual(kinds('{{-3}}'), ['leftDelim:{{', 'number:-3', 'rightDelim:}}', 'eof:']);
  });

  it('ends with an error token where Go stops', () => {
    assert.deepEqual(kinds('{{ "open }}').at(-1), 'error:unterminated quoted string');
    assert.deepEqual(kinds('{{ .A').at(-1), 'error:unclosed action');
    assert.deepEqual(kinds('{{ (.A }}').at(-1), 'error:unclosed left paren');
  });
});
