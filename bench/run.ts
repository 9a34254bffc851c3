/**
 * `npm run bench`: k1s0 against promtool on the same files, side by side in
 * one run, and the language server's editing latency, start-up and memory,
 * of the production build (npm run bench makes it).
 * Results go to bench/RESULTS.md with the machine and the versions.
 * Runs are alternated so machine noise hits both tools alike; medians are reported.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LineIndex } from '../server/src/base/lineIndex';
import { LspTestClient } from '../test/support/lspClient';
import { ROOT, SHARED_CORPUS, WORK, filesUnder, generateRuleFile } from './corpus';
import { fmt, median, peakRssMb, percentile, rssMb, timeCommand } from './measure';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const EDITS = Number(process.env.BENCH_EDITS ?? 200);
const SOAK_EDITS = Number(process.env.BENCH_SOAK_EDITS ?? 10_000);
const CLI = join(ROOT, 'dist/cli.js');
/** `BENCH_ONLY=editing,startup` runs only those sections (check, editing, startup, memory); unset runs all. */
const SECTIONS = ['check', 'editing', 'startup', 'memory'] as const;
const ONLY = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const unknownSections = ONLY.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknownSections.length) throw new Error(`BENCH_ONLY: unknown section(s) ${unknownSections.join(', ')}; known: ${SECTIONS.join(', ')}`);
const runs = (section: (typeof SECTIONS)[number]) => ONLY.length === 0 || ONLY.includes(section);
const report: string[] = [];
const log = (line = '') => {
  console.log(line);
  report.push(line);
};

const FLOOR = join(ROOT, 'bench/parseFloor.cjs');

function sideBySide(label: string, files: string[]): void {
  const times: Record<'k1s0' | 'promtool' | 'floor', number[]> = { k1s0: [], promtool: [], floor: [] };
  const tools = ['k1s0', 'promtool', 'floor'] as const;
  for (let run = 0; run < RUNS; run++) {
    // Rotate which tool goes first.
    for (let i = 0; i < tools.length; i++) {
      const tool = tools[(run + i) % tools.length] as (typeof tools)[number];
      if (tool === 'k1s0') times.k1s0.push(timeCommand(process.execPath, [CLI, 'check', '--format', 'json', ...files], ROOT).ms);
      else if (tool === 'promtool') times.promtool.push(timeCommand('promtool', ['check', 'rules', ...files], ROOT).ms);
      else times.floor.push(timeCommand(process.execPath, [FLOOR, ...files], ROOT).ms);
    }
  }
  const ratio = median(times.k1s0) / median(times.promtool);
  log(`| ${label} | ${files.length} | ${fmt(median(times.k1s0))} | ${fmt(median(times.promtool))} | ${ratio.toFixed(2)} | ${fmt(median(times.floor))} |`);
}

/** `stdio`: as VS Code (since stop 20) and other editors launch the server (the goal's measure); `ipc`: over Node's IPC channel, for comparison. */
async function editing(file: string, transport: 'stdio' | 'ipc'): Promise<void> {
  const text = readFileSync(file, 'utf8');
  const client = new LspTestClient({ transport });
  await client.initialize(null);
  const uri = pathToFileURL(file).href;
  await client.open(uri, text);
  await client.diagnosticsFor(uri, (p) => p.version === 1, 120_000);
  // Edit the window of rate() ranges one at a time: each edit changes one expression.
  const windows = [...text.matchAll(/\[(\d+)m\]/g)].slice(0, EDITS);
  const latencies: number[] = [];
  let version = 1;
  let current = text;
  for (const match of windows) {
    const offset = (match.index ?? 0) + 1;
    const old = match[1] ?? '5';
    const replacement = String(Number(old) + 1);
    const position = new LineIndex(current).positionAt(offset);
    version++;
    const start = process.hrtime.bigint();
    await client.change(uri, version, [{ range: { start: position, end: { line: position.line, character: position.character + old.length } }, text: replacement }]);
    const wanted = version;
    await client.diagnosticsFor(uri, (p) => p.version === wanted, 60_000);
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
    current = current.slice(0, offset) + replacement + current.slice(offset + old.length);
    if (replacement.length !== old.length) break; // keep later offsets valid
  }
  const completion: number[] = [];
  const hover: number[] = [];
  const exprOffsets = [...current.matchAll(/rate\(([a-z_]+)/g)].slice(0, EDITS).map((m) => (m.index ?? 0) + 5 + Math.min(3, (m[1] ?? '').length));
  const currentLines = new LineIndex(current);
  for (const offset of exprOffsets) {
    const position = currentLines.positionAt(offset);
    let start = process.hrtime.bigint();
    await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    completion.push(Number(process.hrtime.bigint() - start) / 1e6);
    start = process.hrtime.bigint();
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    hover.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  log(`| ${transport} | didChange → publishDiagnostics (${latencies.length} edits) | ${fmt(median(latencies))} | ${fmt(percentile(latencies, 99))} | 50 |`);
  log(`| ${transport} | completion (${completion.length} requests) | ${fmt(median(completion))} | ${fmt(percentile(completion, 99))} | 20 |`);
  log(`| ${transport} | hover (${hover.length} requests) | ${fmt(median(hover))} | ${fmt(percentile(hover, 99))} | 20 |`);
  await client.shutdown();
}

async function startUp(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'k1s0-bench-'));
  cpSync(join(ROOT, 'examples'), workspace, { recursive: true });
  // Start-up ends when every file the CLI finds problems in has its diagnostics.
  const broken = JSON.parse(spawnSync(process.execPath, [CLI, 'check', workspace, '--format', 'json'], { encoding: 'utf8' }).stdout) as { file: string }[];
  const expected = [...new Set(broken.map((b) => pathToFileURL(b.file).href))];
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    const client = new LspTestClient();
    await client.initialize(pathToFileURL(workspace).href);
    for (const uri of expected) await client.diagnosticsFor(uri, () => true, 60_000);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    await client.shutdown();
  }
  log(`| start → all diagnostics of examples/ | ${fmt(median(times))} ms (median of ${RUNS}) |`);
  rmSync(workspace, { recursive: true, force: true });
}

async function memory(bigFile: string, soakFile: string): Promise<void> {
  // Peak memory: the 5 MB file opened and checked once.
  const big = new LspTestClient();
  await big.initialize(null);
  const bigUri = pathToFileURL(bigFile).href;
  await big.open(bigUri, readFileSync(bigFile, 'utf8'));
  await big.diagnosticsFor(bigUri, (p) => p.version === 1, 300_000);
  log(`| peak RSS after opening the 5 MB file | ${peakRssMb(big.pid).toFixed(0)} MB | 200 MB |`);
  await big.shutdown();

  // Growth: the same edit undone and redone many times in the design's rule file. RSS keeps what the
  // heap grew to; live objects are counted from heap snapshots (taken after a full GC) at both ends.
  const text = readFileSync(soakFile, 'utf8');
  const snapshots = mkdtempSync(join(tmpdir(), 'k1s0-heap-'));
  const client = withServerArgs(`--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshots}`, () => new LspTestClient());
  await client.initialize(null);
  const uri = pathToFileURL(soakFile).href;
  await client.open(uri, text);
  await client.diagnosticsFor(uri, (p) => p.version === 1, 60_000);
  const position = new LineIndex(text).positionAt(text.indexOf('[5m]') + 1);
  const before = rssMb(client.pid);
  let version = 1;
  const liveBefore = await liveHeapMb(client.pid, snapshots);
  for (let i = 0; i < SOAK_EDITS; i++) {
    version++;
    await client.change(uri, version, [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: i % 2 === 0 ? '6' : '5' }]);
    if (i % 100 === 99) {
      const wanted = version;
      await client.diagnosticsFor(uri, (p) => p.version === wanted, 60_000);
    }
  }
  const wanted = version;
  await client.diagnosticsFor(uri, (p) => p.version === wanted, 60_000);
  const after = rssMb(client.pid);
  const liveAfter = await liveHeapMb(client.pid, snapshots);
  log(`| server RSS before / after ${SOAK_EDITS} edits of recording_rules.yaml | ${before.toFixed(0)} MB / ${after.toFixed(0)} MB | no growth |`);
  log(`| server live heap (after full GC) before / after those edits | ${liveBefore.toFixed(1)} MB / ${liveAfter.toFixed(1)} MB | no growth |`);
  await client.shutdown();
  rmSync(snapshots, { recursive: true, force: true });
}

/** An LspTestClient whose server runs with extra node arguments. */
function withServerArgs<T>(args: string, make: () => T): T {
  const previous = process.env.K1S0_SERVER_NODE_ARGS;
  process.env.K1S0_SERVER_NODE_ARGS = args;
  try {
    return make();
  } finally {
    if (previous === undefined) delete process.env.K1S0_SERVER_NODE_ARGS;
    else process.env.K1S0_SERVER_NODE_ARGS = previous;
  }
}

/** The server's live heap: it writes a heap snapshot on SIGUSR2 (after a full GC); we add up its objects. */
async function liveHeapMb(pid: number, dir: string): Promise<number> {
  const known = new Set(readdirSync(dir));
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 120_000; waited += 200) {
    const written = readdirSync(dir).find((name) => !known.has(name) && name.endsWith('.heapsnapshot'));
    if (written) {
      // The file is complete once it parses.
      try {
        const snapshot = JSON.parse(readFileSync(join(dir, written), 'utf8')) as { snapshot: { meta: { node_fields: string[] } }; nodes: number[] };
        const fields = snapshot.snapshot.meta.node_fields;
        const size = fields.indexOf('self_size');
        let total = 0;
        for (let i = size; i < snapshot.nodes.length; i += fields.length) total += snapshot.nodes[i] ?? 0;
        return total / 2 ** 20;
      } catch {
        // still being written
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('the server wrote no heap snapshot');
}

async function main(): Promise<void> {
  const corpusRules = runs('check') && SHARED_CORPUS ? filesUnder(join(SHARED_CORPUS, 'rules'), /\.ya?ml$/) : [];
  const oneMb = runs('check') || runs('editing') ? generateRuleFile(1024 * 1024, 'rules-1mb.yaml') : '';
  const fiveMb = runs('check') || runs('memory') ? generateRuleFile(5 * 1024 * 1024, 'rules-5mb.yaml') : '';
  const design = [join(ROOT, 'examples/infra/docker/prometheus/recording_rules.yaml'), join(ROOT, 'examples/infra/docker/prometheus/alerting_rules.yaml')];
  const promtool = spawnSync('promtool', ['--version'], { encoding: 'utf8' });
  log('# Benchmark results');
  log();
  log(
    `Measured ${new Date().toISOString()} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; ${(promtool.stdout || promtool.stderr).split('\n')[0]}.`,
  );
  log(`Medians of ${RUNS} alternating runs. Regenerate with \`npm run bench\`.`);
  if (ONLY.length) log(`Only: ${ONLY.join(', ')} (BENCH_ONLY).`);
  if (runs('check')) {
    log();
    log('## Whole-workspace check: `dist/cli.js check` (syntax, types, rules, catalog) vs `promtool check rules`');
    log();
    log('Floor: Node.js starting, reading the files and parsing each `expr` with lezer-promql, nothing');
    log('else (`bench/parseFloor.cjs`): what any Node.js check of these files costs at least.');
    log();
    log('| input | files | k1s0 ms | promtool ms | ratio | floor ms |');
    log('| --- | --- | --- | --- | --- | --- |');
    sideBySide("design's rule files", design);
    if (corpusRules.length) sideBySide('public corpus rule files', corpusRules);
    sideBySide('generated 1 MB', [oneMb]);
    sideBySide('generated 5 MB', [fiveMb]);
  }
  if (runs('editing')) {
    log();
    log('## Editing a 1 MB rule file over LSP');
    log();
    log('Over stdio (the goal, and how the extension runs the server in VS Code) and over Node IPC (for comparison: Node encodes those messages itself).');
    log();
    log('| transport | measure | median ms | p99 ms | goal p99 ms |');
    log('| --- | --- | --- | --- | --- |');
    await editing(oneMb, 'stdio');
    await editing(oneMb, 'ipc');
  }
  if (runs('startup') || runs('memory')) {
    log();
    log('## Start-up and memory');
    log();
    log('| measure | value | goal |');
    log('| --- | --- | --- |');
    if (runs('startup')) await startUp();
    if (runs('memory')) await memory(fiveMb, design[0] ?? '');
  }
  log();
  log('What each change bought, measured as it was made: [CHANGES.md](CHANGES.md).');
  // A partial run (BENCH_ONLY) must not replace the full results.
  const results = ONLY.length ? join(WORK, 'RESULTS-partial.md') : join(ROOT, 'bench/RESULTS.md');
  writeFileSync(results, `${report.join('\n')}\n`);
  console.log(`written to ${results}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
