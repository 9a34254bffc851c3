/**
 * The real rule corpus (kube-prometheus, mixins, awesome-prometheus-alerts) through the
 * whole language service, as one workspace: the catalog, policy, alerts and lint checks
 * add no error there (their findings are warnings and hints), and their counts stay known.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { collectFiles } from '../workspace/walk';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from '../base/settings';
import { pathToUri } from '../base/files';
import { corpusPath } from '../../../test/support/corpus.cjs';

test('no error-severity diagnostic on the rule corpus', () => {
  const CORPUS = corpusPath('rules');
  const files = collectFiles(CORPUS);
  assert.ok(files.length >= 200, `expected the corpus at ${CORPUS}`);
  const service = new LanguageService();
  const requests = files.map((f) => ({ file: { uri: pathToUri(f.path), text: readFileSync(f.path, 'utf8') }, settings: DEFAULT_SETTINGS, location: { path: f.path, relativePath: f.relativePath } }));
  for (const r of requests) service.index(r);
  const errors: string[] = [];
  const counts: Record<string, number> = {};
  for (const r of requests) {
    for (const d of service.validate(r)) {
      counts[d.code] = (counts[d.code] ?? 0) + 1;
      if (d.severity === 'error') errors.push(`${r.location.relativePath}:${d.range.start.line + 1} ${d.code} ${d.message}`);
    }
  }
  assert.deepEqual(errors, []);
  // Exporters outside the design's stack are unknown to the k1s0 catalog: warnings, not silence.
  assert.ok((counts['catalog/unknown-metric'] ?? 0) > 0);
  assert.equal(counts['catalog/label-value'] ?? 0, 0);
  assert.equal(counts['promql/rate-window'] ?? 0, 0);
});
