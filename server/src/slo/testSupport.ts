/** Test support for the burn-rate pair: the design's system-tier alert file, with and without the pair, checked as the tier file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../catalog/testSupport';

export const TIER_FILE = 'infra/docker/prometheus/alerting_rules.yaml';
/** The system tier's error-rate alert alone, in group system-tier (its name at 3:15-3:41, the file's last line 9). */
export const FIXTURE = readFileSync(join(__dirname, 'fixtures/system-tier-no-burn-rate.yaml'), 'utf8');
/** The same with the pair the fix inserts after it. */
export const WITH_PAIR = readFileSync(join(__dirname, 'fixtures/system-tier-with-burn-rate.yaml'), 'utf8');
export const MESSAGE =
  'the system tier (SLO 99.95%) has no SLOBurnRateCritical (14.4x over 1h + 5m, critical) and SLOBurnRateWarning (6x over 6h + 30m, warning) covering auth-server, bff-proxy, config-server, dlq-manager, saga-server: the design pages and tickets on the burn rate of every SLO (SLO 設計 (system 99.95%, business / service 99.9%))';

/** The policy/slo diagnostics of `text` as the tier file: [range, message, fix title, edit range, inserted text]. */
export function burnRate(text: string, files: Record<string, string | undefined> = {}) {
  return diagnose(TIER_FILE, { ...files, [TIER_FILE]: text })
    .filter((d) => d.code === 'policy/slo')
    .map((d) => {
      const fix = d.fixes?.find((f) => f.preferred);
      const edit = fix?.edits[0];
      const range = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
      return { range: range(d.range), message: d.message, fix: fix && edit ? { title: fix.title, at: range(edit.range), newText: edit.newText } : undefined };
    });
}

/** The pair the fix inserts, indented by `pad` spaces. */
export function insertedPair(pad: number): string {
  const lines = WITH_PAIR.split('\n');
  const pair = lines.slice(lines.findIndex((l) => l.includes('SLOBurnRateCritical')));
  return pair.map((l) => (l === '' ? l : `${' '.repeat(pad)}${l.slice(6)}`)).join('\n');
}
