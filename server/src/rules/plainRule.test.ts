import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readPlainRule } from './plainRule';
import { comparePlainRule } from './testSupport';

const PREFIX = 'groups:\n  - name: g\n    rules:\n';

describe('reading the plain shape of a rule without the YAML parser', () => {
  it('builds what yaml builds for the usual shapes', () => {
    const rule = [
      '      - alert: HighErrorRate',
      '        expr: sum(rate(http_requests_total{code=~"5.."}[5m])) by (service) > 0.05',
      '        for: 5m',
      '        labels:',
      '          severity: critical',
      '          tier: "system"',
      "          note: 'it''s'",
      '          text: "one\\n  two \\"three\\" \\u00e9\\x41"',
      '        annotations:',
      '          summary: |',
      '            errors on {{ $labels.service }}',
      '',
      '            see the runbook',
      '          description: >-',
      '            folded',
      '            into one',
      '',
      '            and two',
      '',
    ].join('\n');
    const text = PREFIX + rule;
    assert.equal(comparePlainRule(text, { start: PREFIX.length, end: text.length }), true);
    const read = readPlainRule(text, { start: PREFIX.length, end: text.length });
    const annotations = read?.get('annotations') as { get(key: string): unknown } | undefined;
    assert.equal(annotations?.get('description'), 'folded into one\nand two');
  });

  it('leaves to yaml what it does not read exactly', () => {
    const refused = [
      '- expr: up # comment\n',
      '- expr: 0.5\n',
      '- expr: true\n',
      '- expr: a: b\n',
      '- expr: &a up\n',
      '- expr: "a\\qb"\n',
      '- expr: "a\\u12"\n',
      '- expr: "a\\\n    b"\n',
      '- expr: sum(x)\n    - by\n',
      '- expr: up\n  for: 5m\n  expr: down\n',
      '- expr: |+\n    up\n',
      '- expr: |\n\n    up\n',
      '- labels: {a: b}\n',
      '- expr: up\r\n',
      '- expr: up\n  \n',
      '- expr:\n',
      '- labels:\n    a:\n      b: c\n',
    ];
    for (const rule of refused) assert.equal(readPlainRule(rule, { start: 0, end: rule.length }), undefined, rule);
  });

  it('gives what yaml gives on generated and mangled rules', () => {
    const char = fc.constantFrom(
      'a',
      'z',
      'E',
      '0',
      '9',
      '.',
      '-',
      '+',
      ' ',
      ' ',
      ':',
      '#',
      '"',
      "'",
      '{',
      '}',
      '[',
      ']',
      ',',
      '|',
      '>',
      '*',
      '&',
      '!',
      '%',
      '@',
      '`',
      '~',
      '\\',
      '\t',
      '\x00',
      '\x85',
      '\u00a0',
      'é',
      '日',
      '\ud83d',
      'x',
      'o',
      'n',
      'u',
      'l',
      't',
      'r',
      'e',
    );
    const safe = fc.constantFrom('a', 'z', 'E', 'x', '0', '9', '.', ' ', '(', ')', '{', '}', '=', '_', '$', '/', 'é', '日');
    // Mostly what rules are made of; now and then anything.
    const word = fc.oneof({ arbitrary: fc.string({ unit: safe, minLength: 1, maxLength: 12 }), weight: 12 }, { arbitrary: fc.string({ unit: char, maxLength: 12 }), weight: 1 });
    const key = fc.oneof(
      { arbitrary: fc.constantFrom('record', 'alert', 'expr', 'for', 'labels', 'annotations', 'severity', 'summary', 'a.b', 'x-y', 'k_9'), weight: 8 },
      { arbitrary: fc.constantFrom('true', 'null', '1', 'k k', '"q"'), weight: 1 },
      { arbitrary: word, weight: 1 },
    );
    const inline = fc.oneof(
      word,
      word.map((w) => `"${w}"`),
      word.map((w) => `'${w}'`),
      fc.constantFrom('5m', '0.5', '.inf', '0x1F', '1e3', '+1', '~', 'Null', 'up == 0', "'it''s'", '""'),
    );
    const header = fc.oneof({ arbitrary: fc.constantFrom('|', '|-', '>', '>-'), weight: 6 }, { arbitrary: fc.constantFrom('|+', '|2', '| ', '| #c'), weight: 1 });
    const block = fc.record({ header, lines: fc.tuple(word, fc.array(fc.oneof(word, fc.constant('')), { maxLength: 3 })).map(([first, rest]) => [first, ...rest]), extra: fc.nat({ max: 2 }) });
    // A value may go on over lines indented past its key (folded by yaml), with empty lines between.
    const continued = fc
      .tuple(
        inline,
        fc.oneof(
          fc.constant([]),
          fc.array(
            fc.tuple(
              fc.nat({ max: 3 }),
              fc.oneof(
                word,
                fc.constant(''),
                word.map((w) => `${w}'`),
                word.map((w) => `${w}"`),
              ),
            ),
            { maxLength: 2 },
          ),
        ),
      )
      .map(([first, rest]) => [first, ...rest.map(([extra, text]) => (text === '' ? '' : `${' '.repeat(extra)}${text}`))]);
    const entry = fc
      .tuple(
        key,
        fc.oneof(
          continued.map((v) => ({ inline: v })),
          block.map((b) => ({ block: b })),
          fc.uniqueArray(fc.tuple(key, inline), { minLength: 1, maxLength: 3, selector: ([name]) => name }).map((nested) => ({ nested })),
        ),
      )
      .map(([name, value]): [string, string[]] => {
        if ('inline' in value) return [name, [`${name}: ${value.inline[0]}`, ...value.inline.slice(1).map((line) => (line === '' ? '' : `  ${line}`))]];
        if ('block' in value)
          return [name, [`${name}: ${value.block.header}`, ...value.block.lines.map((line, index) => (line === '' ? '' : `${' '.repeat(2 + (index === 1 ? value.block.extra : 0))}${line}`))]];
        return [name, [`${name}:`, ...value.nested.map(([k, v]) => `  ${k}: ${v}`)]];
      });
    const rule = fc.tuple(fc.nat({ max: 4 }), fc.uniqueArray(entry, { minLength: 1, maxLength: 4, selector: ([name]) => name })).map(([dash, entries]) => {
      const lines = entries.flatMap(([, entryLines]) => entryLines);
      const pad = ' '.repeat(dash);
      return `${pad}- ${lines.map((line, index) => (index === 0 || line === '' ? line : `${pad}  ${line}`)).join('\n')}\n`;
    });
    const splice = fc.record({ at: fc.nat(), remove: fc.nat({ max: 2 }), insert: fc.oneof(word, fc.constantFrom('\n', '\n  ', ': ', ' #')) });
    const RUNS = 3000;
    let read = 0;
    fc.assert(
      fc.property(rule, fc.array(splice, { maxLength: 1 }), (generated, splices) => {
        let body = generated;
        for (const edit of splices) {
          const at = edit.at % body.length;
          body = body.slice(0, at) + edit.insert + body.slice(at + edit.remove);
        }
        if (!body.endsWith('\n')) body += '\n';
        const text = PREFIX + body;
        if (comparePlainRule(text, { start: PREFIX.length, end: text.length })) read++;
      }),
      { numRuns: RUNS },
    );
    assert.ok(read > RUNS / 20, `${read} of ${RUNS} generated rules read as plain`);
  });
});
