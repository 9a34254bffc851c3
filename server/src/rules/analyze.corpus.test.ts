/**
 * analyzeRuleFile on the public corpus (npm run test:corpus): the real rule files and
 * PrometheusRule resources promtool accepts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ScalarSite } from './model';
import { analyzeText, rows } from './testSupport';
import { corpusDir } from '../../../test/support/corpus.cjs';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every non-blank value character must map to the same character in the document. */
function assertSiteMapsBack(text: string, site: ScalarSite, where: string): void {
  for (let i = 0; i < site.value.length; i++) {
    const ch = site.value[i] as string;
    if (/\s/.test(ch)) continue;
    const [start, end] = site.toDocumentRange(i, i + 1);
    const source = text.slice(start, end);
    if (source !== ch && !source.startsWith('\\') && source !== "''") {
      assert.fail(`${where}: value[${i}] ${JSON.stringify(ch)} maps to ${JSON.stringify(source)} at ${start}`);
    }
  }
}

describe('analyzeRuleFile on the public corpus', () => {
  it('finds no error in the real rule files promtool accepts, and duplicates only where promtool lint does', () => {
    const CORPUS = corpusDir();
    const files = [...filesUnder(join(CORPUS, 'rules')), ...filesUnder(join(CORPUS, 'prometheusrule-crds'))];
    assert.ok(files.length >= 220, `corpus has ${files.length} files`);
    const withDuplicates = new Set<string>();
    let ruleCount = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const { findings, rules } = analyzeText(text);
      ruleCount += rules.length;
      const name = relative(CORPUS, file);
      assert.deepEqual(
        rows(
          text,
          findings.filter((f) => f.severity === 'error'),
        ),
        [],
        name,
      );
      if (findings.some((f) => f.code === 'rules/duplicate')) withDuplicates.add(name);
      for (const rule of rules) {
        if (rule.expr) assertSiteMapsBack(text, rule.expr, `${name} ${rule.name} expr`);
        for (const entry of [...rule.labels, ...rule.annotations]) assertSiteMapsBack(text, entry.value, `${name} ${rule.name} ${entry.key}`);
      }
    }
    assert.ok(ruleCount > 2500, `${ruleCount} rules read`);
    assert.deepEqual([...withDuplicates].sort(), [
      'prometheusrule-crds/kubernetesControlPlane-prometheusRule.yaml',
      'rules/kp/kubernetesControlPlane.rules.yaml',
      'rules/mixins/cortex-alerts.yaml',
      'rules/mixins/kafka-alerts.yaml',
      'rules/mixins/kubernetes-rules.yaml',
      'rules/mixins/loki-alerts.yaml',
      'rules/mixins/promscale-alerts.yaml',
      'rules/mixins/snmp-alerts.yaml',
    ]);
  });
});
