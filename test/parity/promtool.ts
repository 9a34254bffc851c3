/**
 * Runs expressions through `promtool check rules` (Prometheus 2.42 here) in
 * one rule file, one group per expression, so each error can be attributed
 * to its expression by group name.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { withTempDir } from '../support/tempDir';

export interface PromtoolVerdict {
  accepted: boolean;
  /** 0-based offset into the expression where promtool places the error, if it says. */
  offset?: number;
  message?: string;
}

export function promtoolVersion(): string {
  const found = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error('promtool is required for the parity suite but was not found on PATH (install the prometheus package)');
  }
  return found.stdout.split('\n')[0] ?? '';
}

/** Turns promtool's "line:col" inside the expression into an offset. */
function offsetOf(expr: string, line: number, col: number): number {
  const lines = expr.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1; i++) offset += (lines[i]?.length ?? 0) + 1;
  return offset + col - 1;
}

export function checkWithPromtool(exprs: readonly string[]): PromtoolVerdict[] {
  const groups = exprs.map((expr, i) => ({ name: `case_${i}`, rules: [{ record: `case:r${i}`, expr }] }));
  return withTempDir('parity', (dir) => {
    const file = join(dir, 'rules.yaml');
    writeFileSync(file, stringify({ groups }, { lineWidth: 0 }));
    let output: string;
    try {
      output = execFileSync('promtool', ['check', 'rules', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
    } catch (e) {
      const failed = e as { stdout?: string; stderr?: string };
      output = `${failed.stdout ?? ''}\n${failed.stderr ?? ''}`;
    }
    const verdicts: PromtoolVerdict[] = exprs.map(() => ({ accepted: true }));
    for (const line of output.split('\n')) {
      const m = /group "case_(\d+)", rule \d+, "[^"]*": (.*)$/.exec(line);
      if (!m) continue;
      const index = Number(m[1]);
      const detail = m[2] ?? '';
      const expr = exprs[index] ?? '';
      const pos = /could not parse expression: (\d+):(\d+): parse error: (.*)$/.exec(detail);
      verdicts[index] = pos ? { accepted: false, offset: offsetOf(expr, Number(pos[1]), Number(pos[2])), message: pos[3] ?? '' } : { accepted: false, message: detail };
    }
    return verdicts;
  });
}
