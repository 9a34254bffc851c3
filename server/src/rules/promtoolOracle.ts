import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempDir } from '../../../test/support/tempDir';

/**
 * Test helper: Prometheus's own verdict on a rule file, from `promtool check
 * rules` (Debian's prometheus 2.42 package). Tests that need the oracle fail
 * with this message rather than pass silently when it is missing.
 */
export const PROMTOOL = process.env.PROMTOOL ?? '/usr/bin/promtool';

export function requirePromtool(): void {
  const probe = spawnSync(PROMTOOL, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(`promtool is required as the oracle for rule files but ${PROMTOOL} did not run (install Debian's 'prometheus' package or set PROMTOOL)`);
  }
}

export interface PromtoolVerdict {
  accepted: boolean;
  output: string;
}

/** Runs `promtool check rules` on a file, or on text written to a temporary file. */
export function promtoolCheck(input: { file: string } | { text: string }): PromtoolVerdict {
  if ('text' in input) {
    return withTempDir('rules', (dir) => {
      const file = join(dir, 'rules.yaml');
      writeFileSync(file, input.text);
      return promtoolCheck({ file });
    });
  }
  const { file } = input;
  try {
    const output = execFileSync(PROMTOOL, ['check', 'rules', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { accepted: true, output };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string };
    return { accepted: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}
