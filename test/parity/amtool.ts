/**
 * Runs Alertmanager configurations through `amtool check-config` (Debian's
 * prometheus-alertmanager, 0.25), all in one process: each file's verdict is
 * read from its "Checking '<file>'  SUCCESS | FAILED: <reason>" block.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempDir } from '../support/tempDir';

export interface AmtoolVerdict {
  accepted: boolean;
  /** amtool's reason when it refuses the file. */
  message?: string;
}

export function amtoolVersion(): string {
  const found = spawnSync('amtool', ['--version'], { encoding: 'utf8' });
  if (found.error || found.status !== 0) {
    throw new Error('amtool is required for the Alertmanager parity test but was not found on PATH (install the prometheus-alertmanager package: npm run setup)');
  }
  return `${found.stdout}${found.stderr}`.split('\n')[0] ?? '';
}

export function checkWithAmtool(configs: readonly string[]): AmtoolVerdict[] {
  return withTempDir('amtool', (dir) => {
    const files = configs.map((config, i) => {
      const file = join(dir, `case-${i}.yml`);
      writeFileSync(file, config);
      return file;
    });
    const verdicts: AmtoolVerdict[] = [];
    // amtool 0.25 panics on some files (a null route or receiver): that file is refused, and the files after it are run again.
    while (verdicts.length < files.length) {
      const rest = files.slice(verdicts.length);
      const run = spawnSync('amtool', ['check-config', ...rest], { encoding: 'utf8', maxBuffer: 64 << 20 });
      const output = `${run.stdout}\n${run.stderr}`;
      for (const file of rest) {
        const at = output.indexOf(`Checking '${file}'`);
        if (at < 0) throw new Error(`amtool said nothing of ${file}:\n${output}`);
        // Templates are checked after the summary: their FAILED comes on a later line, before the next file's.
        const next = output.indexOf("Checking '", at + 1);
        const block = output.slice(at, next < 0 ? undefined : next);
        const panic = /^panic: (.*)$/m.exec(block);
        if (panic) {
          verdicts.push({ accepted: false, message: `amtool crashed: ${panic[1] ?? ''}` });
          break;
        }
        const failed = /FAILED: ?(.*)$/m.exec(block);
        verdicts.push(failed ? { accepted: false, message: failed[1] ?? '' } : { accepted: true });
      }
    }
    return verdicts;
  });
}
