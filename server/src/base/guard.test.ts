import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExpressionCheck } from '../promql/site';
import { REGISTRY } from '../checks/registry';
import { CHECK_FAILED, guarded } from './guard';
import { LanguageService } from '../service/languageService';
import { DEFAULT_SETTINGS } from './settings';

const RULES = 'groups:\n  - name: g\n    rules:\n      - alert: Down\n        expr: up_typo == 0\n        for: 1m\n        labels:\n          severity: warning\n';

test('a check that throws costs only its own findings, and says which check failed', () => {
  const brokenCheck: ExpressionCheck = {
    meta: { name: 'brokenCheck', on: 'expression', fileKinds: ['rules'], description: 'throws', codes: [] },
    run() {
      throw new Error('boom');
    },
  };
  {
    const service = new LanguageService({ checks: [...REGISTRY, brokenCheck] });
    const request = { file: { uri: 'file:///ws/guard.yaml', text: RULES }, settings: DEFAULT_SETTINGS, location: { path: '/ws/guard.yaml' } };
    service.index(request);
    const diagnostics = service.validate(request).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`);
    assert.ok(
      diagnostics.includes('4:14 internal/check-failed The brokenCheck check failed on this expression and was skipped; the other checks ran. Internal error: boom. Please report it.'),
      diagnostics.join('\n'),
    );
    assert.ok(
      diagnostics.some((d) => d.startsWith('4:14 catalog/unknown-metric unknown metric "up_typo"')),
      'the other checks still report',
    );
  }
});

test('guarded turns an exception into one warning at the top of the file', () => {
  assert.deepEqual(
    guarded('config/policy', () => {
      throw new TypeError('x is undefined');
    }),
    [
      {
        start: 0,
        end: 0,
        code: CHECK_FAILED,
        severity: 'warning',
        message: 'The config/policy check failed on this file and was skipped; the other checks ran. Internal error: x is undefined. Please report it.',
      },
    ],
  );
  assert.deepEqual(
    guarded('config/policy', () => []),
    [],
  );
});
