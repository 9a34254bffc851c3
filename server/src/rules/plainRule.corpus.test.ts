/**
 * readPlainRule on the public corpus (npm run test:corpus): on every rule it reads as plain,
 * it builds what yaml builds.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { collectFiles } from '../workspace/walk';
import { findRuleLines } from './chunked';
import { comparePlainRule } from './testSupport';
import { corpusPath } from '../../../test/support/corpus.cjs';

describe('reading the plain shape of a rule without the YAML parser, on the public corpus', () => {
  it('gives what yaml gives on every rule of the public corpus it reads', () => {
    const CORPUS = corpusPath('rules');
    const files = collectFiles(CORPUS);
    assert.ok(files.length >= 200, `expected the corpus at ${CORPUS}`);
    let rules = 0;
    let plain = 0;
    for (const file of files) {
      const text = readFileSync(file.path, 'utf8');
      for (const item of findRuleLines(text) ?? []) {
        rules++;
        if (comparePlainRule(text, item)) plain++;
      }
    }
    // Nearly every real rule is of the plain shape; the rest are read by yaml.
    assert.ok(plain > rules * 0.9, `${plain} of ${rules} rules read as plain`);
  });
});
