import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseYaml } from '../base/yaml/parse';
import { multilineScalars } from '../suppression/suppression';
import { analyzeRuleFile } from './analyze';
import { findRuleLines, readRuleFileInChunks } from './chunked';
import { analysisData, readFixture } from './testSupport';

const FIXTURES = ['k1s0-recording_rules.yaml', 'k1s0-alerting_rules.yaml', 'prometheus-rule-crd.yaml', 'template-broken.yaml', 'duplicate-rules.yaml', 'structure-broken.yaml'];

function whole(text: string) {
  const parsed = parseYaml(text);
  return {
    analysis: analyzeRuleFile(
      text,
      parsed.documents.filter((d) => d.errors.length === 0),
    ),
    scalars: multilineScalars(text, parsed.documents),
    clean: parsed.syntax.length === 0,
  };
}

describe('reading a rule file rule by rule', () => {
  it('finds each rule by its lines', () => {
    const text = 'groups:\n  - name: a\n    rules:\n      - record: x:y\n        expr: up\n\n      # note\n      - alert: A\n        expr: |\n          up\n\n          == 0\n    interval: 1m\n';
    assert.deepEqual(
      findRuleLines(text)?.map((r) => text.slice(r.start, r.end)),
      ['      - record: x:y\n        expr: up\n', '      - alert: A\n        expr: |\n          up\n\n          == 0\n'],
    );
  });

  it('declines what only a whole parse gets right, and reads the rest the same', () => {
    const rules = (last: string, after: string) => `groups:\n  - name: a\n    rules:\n      - alert: A\n        expr: up == 0\n${last}${after}      - alert: B\n        expr: up == 1\n`;
    // A trailing comment stretches the rule, in a whole parse, to the next rule's dash.
    assert.equal(readRuleFileInChunks(rules('        labels:\n          severity: warning\n          #team: k1s0\n', '')), undefined);
    // An empty block scalar takes the blank lines after it.
    assert.equal(readRuleFileInChunks(rules('        annotations:\n          summary: |\n', '\n')), undefined);
    // A line of spaces past the content's indentation is the block scalar's last line.
    const spaces = rules('        annotations:\n          summary: |\n            down\n                \n', '');
    const read = readRuleFileInChunks(spaces);
    assert.ok(read);
    assert.deepEqual(analysisData(read.analysis), analysisData(whole(spaces).analysis));
    assert.equal(read.analysis.rules[0]?.annotations[0]?.value.value, 'down\n    \n');
  });

  it('gives what a whole parse gives, for the fixtures and for them edited at random', () => {
    let chunked = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...FIXTURES),
        fc.array(
          fc.record({
            at: fc.nat(),
            remove: fc.nat({ max: 3 }),
            insert: fc.constantFrom('', 'x', ' ', '\n', '\n      ', '#', ':', '- ', '{', '"', '|', '&a ', '*a', '\n  - name: g\n    rules:\n      - record: a\n        expr: b\n'),
          }),
          { maxLength: 3 },
        ),
        (fixture, edits) => {
          let text = readFixture(fixture);
          for (const edit of edits) {
            const at = edit.at % (text.length + 1);
            text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
          }
          const read = readRuleFileInChunks(text);
          if (!read) return;
          chunked++;
          const full = whole(text);
          assert.equal(full.clean, true, 'read rule by rule only when the whole file parses');
          assert.deepEqual(analysisData(read.analysis), analysisData(full.analysis));
          assert.deepEqual(read.scalars, full.scalars);
        },
      ),
      { numRuns: 400 },
    );
    assert.ok(chunked > 100, `${chunked} of 400 files read rule by rule`);
  });
});
