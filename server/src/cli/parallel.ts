/**
 * A check spread over threads, when the input is big enough to repay starting
 * them. Files are shared out by size; each share is indexed on its thread,
 * the shares swap what their files define (a recording rule in one file is a
 * known metric in another), then each share validates its files. Everything a
 * check reads of other files goes through their definitions (FileFacts), so
 * the results are the serial check's: test/cli/parallel.test.ts compares the two.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import { LanguageService, type ValidationRequest } from '../service/languageService';
import type { Diagnostic } from '../base/types';
import type { FileFacts } from '../workspace/index';
import { getLocale, setLocale } from '../l10n';

/**
 * Below this much text a second thread costs more than it saves: it starts in
 * ~70 ms, compiles and warms up the same code again, and on two shared cores
 * (bench/RESULTS.md) both threads run slower side by side. Measured there: 1.5 MB
 * of rules 5% slower on two threads, 6.6 MB 20% faster.
 */
const PARALLEL_FROM_CHARS = 4 * 1024 * 1024;
const MAX_THREADS = 4;

type Definitions = [uri: string, facts: FileFacts][];
type FromWorker = { definitions: Definitions } | { diagnostics: Diagnostic[][] };

/** How many threads check these files: `jobs` when given, else one per core (up to 4) for big inputs. */
export function threadsFor(requests: readonly ValidationRequest[], jobs: number | undefined): number {
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, requests.length));
  const chars = requests.reduce((sum, request) => sum + request.file.text.length, 0);
  if (chars < PARALLEL_FROM_CHARS) return 1;
  return Math.max(1, Math.min(availableParallelism(), MAX_THREADS, requests.length));
}

/** The requests' indexes in `threads` shares of about equal text (largest file first to the lightest share). */
export function shareOut(requests: readonly ValidationRequest[], threads: number): number[][] {
  const shares = Array.from({ length: threads }, () => ({ chars: 0, indexes: [] as number[] }));
  const bySize = requests.map((request, index) => ({ index, chars: request.file.text.length })).sort((a, b) => b.chars - a.chars || a.index - b.index);
  for (const { index, chars } of bySize) {
    const lightest = shares.reduce((best, share) => (share.chars < best.chars ? share : best));
    lightest.chars += chars;
    lightest.indexes.push(index);
  }
  return shares.map((share) => share.indexes.sort((a, b) => a - b));
}

/** Every request's diagnostics, in order, checked by `threads` threads: this one and workers running `script`. */
export async function checkInParallel(requests: readonly ValidationRequest[], threads: number, script: string): Promise<Diagnostic[][]> {
  const [own = [], ...others] = shareOut(requests, threads);
  const workers = others.map(
    (share) =>
      new ShareWorker(
        script,
        share.map((index) => requests[index] as ValidationRequest),
      ),
  );
  try {
    const service = new LanguageService({ documentsChange: false });
    for (const index of own) service.index(requests[index] as ValidationRequest);
    const ownDefinitions: Definitions = own.map((index) => definitionsOf(service, requests[index] as ValidationRequest));
    const theirs = await Promise.all(workers.map((worker) => worker.definitions));
    workers.forEach((worker, k) => worker.adopt([ownDefinitions, ...theirs.filter((_, other) => other !== k)].flat()));
    for (const [uri, facts] of theirs.flat()) service.adopt(uri, facts);
    const results: Diagnostic[][] = [];
    for (const index of own) results[index] = service.validate(requests[index] as ValidationRequest);
    const diagnostics = await Promise.all(workers.map((worker) => worker.diagnostics));
    others.forEach((share, k) => share.forEach((index, position) => (results[index] = diagnostics[k]?.[position] ?? [])));
    return results;
  } finally {
    for (const worker of workers) void worker.worker.terminate();
  }
}

function definitionsOf(service: LanguageService, request: ValidationRequest): [string, FileFacts] {
  return [request.file.uri, service.definitions(request.file.uri)];
}

/** A worker checking one share: it sends its definitions, takes everyone else's, then sends its diagnostics. */
class ShareWorker {
  readonly worker: Worker;
  readonly definitions: Promise<Definitions>;
  readonly diagnostics: Promise<Diagnostic[][]>;

  constructor(script: string, requests: ValidationRequest[]) {
    // A bigger young generation than V8's default: a check allocates fast and keeps little.
    this.worker = new Worker(script, { workerData: { k1s0CheckShare: requests, k1s0Locale: getLocale() }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
    const failed = new Promise<never>((_, reject) => {
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`a check thread stopped (exit code ${code}) before it finished`)));
    });
    failed.catch(() => undefined);
    const next = <T>(pick: (message: FromWorker) => T | undefined): Promise<T> =>
      Promise.race([
        new Promise<T>((resolve) => {
          const listener = (message: FromWorker) => {
            const value = pick(message);
            if (value === undefined) return;
            this.worker.off('message', listener);
            resolve(value);
          };
          this.worker.on('message', listener);
        }),
        failed,
      ]);
    this.definitions = next((message) => ('definitions' in message ? message.definitions : undefined));
    this.diagnostics = next((message) => ('diagnostics' in message ? message.diagnostics : undefined));
    // Whoever awaits them still sees a failure; one nobody awaits any more (the check already failed) is no crash.
    this.definitions.catch(() => undefined);
    this.diagnostics.catch(() => undefined);
  }

  adopt(definitions: Definitions): void {
    this.worker.postMessage(definitions);
  }
}

/** In a worker started by checkInParallel: whether this thread is one, and then its work. */
export function serveShareIfWorker(): boolean {
  const data = workerData as { k1s0CheckShare?: ValidationRequest[]; k1s0Locale?: string } | null;
  const requests = data?.k1s0CheckShare;
  if (!parentPort || !requests) return false;
  // The worker says things in the language the command line chose (--locale is not in its argv).
  setLocale(data?.k1s0Locale);
  const port = parentPort;
  const service = new LanguageService({ documentsChange: false });
  for (const request of requests) service.index(request);
  port.postMessage({ definitions: requests.map((request) => definitionsOf(service, request)) } satisfies FromWorker);
  port.once('message', (others: Definitions) => {
    for (const [uri, facts] of others) service.adopt(uri, facts);
    port.postMessage({ diagnostics: requests.map((request) => service.validate(request)) } satisfies FromWorker);
  });
  return true;
}
