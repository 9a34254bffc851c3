/**
 * Corpus silence: every `expr` in the real rule files under
 * rules/ of the public corpus (K1S0_CORPUS or ../shared/corpus) must check without a
 * single error.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { checkPromql } from '../../server/src/promql/index';
import { corpusPath } from '../support/corpus.cjs';

function ruleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return ruleFiles(path);
    return /\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

/** Every rule's expr (objects with `expr` and `record` or `alert`), wherever it sits in the document. */
function exprsIn(value: unknown, out: string[]): void {
  if (Array.isArray(value)) {
    for (const v of value) exprsIn(v, out);
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (typeof obj.expr === 'string' && ('record' in obj || 'alert' in obj)) out.push(obj.expr);
    for (const v of Object.values(obj)) exprsIn(v, out);
  }
}

test('no errors on any rule expression of the corpus', () => {
  const CORPUS = corpusPath('rules');
  const files = ruleFiles(CORPUS);
  assert.ok(files.length >= 200, `expected the corpus at ${CORPUS}, found ${files.length} files`);
  const failures: string[] = [];
  let count = 0;
  for (const file of files) {
    const exprs: string[] = [];
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) exprsIn(doc.toJS(), exprs);
    for (const expr of exprs) {
      count++;
      for (const p of checkPromql(expr).filter((x) => x.severity === 'error')) {
        failures.push(`${file.slice(CORPUS.length + 1)}: [${p.from},${p.to}] ${p.message}\n    ${expr.trim().replace(/\s+/g, ' ').slice(0, 200)}`);
      }
    }
  }
  assert.ok(count >= 2300, `expected about 2,319 rules, found ${count}`);
  assert.equal(failures.length, 0, `${failures.length} error(s) in ${count} expressions:\n${failures.slice(0, 40).join('\n')}`);
});
