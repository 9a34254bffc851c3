/**
 * The entry point both hosts call: @vscode/test-electron loads it as
 * `extensionTestsPath` (its `run()`), the runner extension calls `runSuite()`.
 * The suite is bundled with mocha, so it needs nothing from node_modules.
 */
import Mocha from 'mocha';
import { defineSuites } from './suite';

export interface SuiteResult {
  passed: string[];
  failed: { title: string; error: string }[];
  total: number;
}

export function runSuite(): Promise<SuiteResult> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'k1s0-desktop-suite', mocha);
  defineSuites();
  const result: SuiteResult = { passed: [], failed: [], total: 0 };
  return new Promise((resolve) => {
    const runner = mocha.run(() => resolve(result));
    runner.on('pass', (test) => result.passed.push(test.fullTitle()));
    runner.on('fail', (test, error: Error) => result.failed.push({ title: test.fullTitle(), error: error.stack ?? error.message }));
    runner.on('end', () => (result.total = result.passed.length + result.failed.length));
  });
}

/** @vscode/test-electron's contract: reject when any test failed. */
export async function run(): Promise<void> {
  const result = await runSuite();
  if (result.failed.length > 0) throw new Error(`${result.failed.length} of ${result.total} extension-host tests failed`);
}
