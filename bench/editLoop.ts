/**
 * The edit path in process, for CPU profiles and CPU time (not wall time: the machine is shared):
 * what the server does between a didChange and its publishDiagnostics — the document updated as
 * the session updates it (session/openDocument.ts), the file indexed and validated, the diagnostics
 * put in LSP's shape and serialized — over the `[Nm]` windows of the generated 1 MB rule file,
 * as `npm run bench`'s editing section edits them.
 *
 *   node --import tsx bench/editLoop.ts                           # CPU ms per edit: median, p90, p99
 *   BENCH_PROFILE=/tmp/edits.cpuprofile node --import tsx bench/editLoop.ts   # and a CPU profile of the edits only
 *
 * BENCH_HEAP_PROFILE=/tmp/edits.heapprofile does the same for allocations (collected ones included;
 * BENCH_HEAP_MINOR=0 leaves out those a scavenge collected: what is left is what reached old space);
 * BENCH_EDITS sets the number of edits (200); BENCH_SLOWEST=1 also lists the slowest edits (warm-up shows as the first ones).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../server/src/base/lineIndex';
import { DEFAULT_SETTINGS } from '../server/src/base/settings';
import { lspDiagnosticMaker } from '../server/src/featureHandlers';
import { jsonMessageEncoder } from '../server/src/messageEncoder';
import { LanguageService } from '../server/src/service/languageService';
import { OpenDocument } from '../server/src/session/openDocument';
import { generateRuleFile } from './corpus';
import { median, percentile } from './measure';

const EDITS = Number(process.env.BENCH_EDITS ?? 200);

const file = generateRuleFile(1024 * 1024, 'rules-1mb.yaml');
const uri = pathToFileURL(file).href;
const service = new LanguageService();
const toLspDiagnostic = lspDiagnosticMaker();
const encoder = jsonMessageEncoder();
const document = new OpenDocument(uri, 'yaml', 1, readFileSync(file, 'utf8'));

/** What the session and the connection do with one version: index, validate, publish (encoded as over stdio). */
async function check(): Promise<number> {
  const request = { file: { uri, text: document.getText(), version: document.version }, settings: DEFAULT_SETTINGS, location: { path: file } };
  LineIndex.remember(document.lines, service.caches);
  service.index(request);
  const diagnostics = service.validate(request);
  const params = { uri, version: document.version, diagnostics: diagnostics.map((d) => toLspDiagnostic(d, uri)) };
  return (await encoder.encode({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params }, { charset: 'utf-8' })).length;
}

async function main(): Promise<void> {
  const published = await check();
  const PROFILE = process.env.BENCH_PROFILE;
  const inspector = new Session();
  if (PROFILE) {
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.setSamplingInterval', { interval: 100 });
    await inspector.post('Profiler.start');
  }
  if (process.env.BENCH_HEAP_PROFILE) {
    inspector.connect();
    await inspector.post('HeapProfiler.startSampling', {
      samplingInterval: 16384,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: process.env.BENCH_HEAP_MINOR !== '0',
    } as never);
  }
  const windows = [...document.getText().matchAll(/\[(\d+)m\]/g)].slice(0, EDITS).map((m) => ({ offset: (m.index ?? 0) + 1, old: m[1] ?? '5' }));
  const cpu: number[] = [];
  const wall: number[] = [];
  let lastSize = published;
  for (const { offset, old } of windows) {
    const replacement = String(Number(old) + 1);
    if (replacement.length !== old.length) break; // keep later offsets valid
    const start = document.positionAt(offset);
    const cpuBefore = process.cpuUsage();
    const wallBefore = process.hrtime.bigint();
    document.update([{ range: { start, end: { line: start.line, character: start.character + old.length } }, text: replacement }], document.version + 1);
    lastSize = await check();
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
    wall.push(Number(process.hrtime.bigint() - wallBefore) / 1e6);
  }
  if (PROFILE) {
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(PROFILE, JSON.stringify(profile));
  }
  if (process.env.BENCH_HEAP_PROFILE) {
    const { profile } = await inspector.post('HeapProfiler.stopSampling');
    writeFileSync(process.env.BENCH_HEAP_PROFILE, JSON.stringify(profile));
  }
  const fmt = (values: number[]) => `median ${median(values).toFixed(1)}, p90 ${percentile(values, 90).toFixed(1)}, p99 ${percentile(values, 99).toFixed(1)} ms`;
  console.log(`${cpu.length} edits of ${file} (${(lastSize / 1024).toFixed(0)} KB published per version)`);
  console.log(`CPU:  ${fmt(cpu)}`);
  if (process.env.BENCH_SLOWEST) {
    const slowest = wall.map((ms, edit) => ({ ms, edit })).sort((a, b) => b.ms - a.ms);
    console.log(
      `slowest edits (index: wall ms): ${slowest
        .slice(0, 12)
        .map(({ edit, ms }) => `${edit}: ${ms.toFixed(0)}`)
        .join(', ')}`,
    );
  }
  console.log(`wall: ${fmt(wall)}`);
}

void main();
