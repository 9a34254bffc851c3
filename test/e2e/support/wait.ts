/**
 * Waiting on conditions, never on the clock: a probe is polled until it
 * returns something other than undefined/false, or the deadline passes and
 * the error says what was awaited and what was last seen.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { inspect } from 'node:util';

export interface WaitOptions {
  /** What is awaited, for the error message. */
  what: string;
  timeoutMs?: number;
  /** Pause between probes (a poll interval, not a sleep standing in for a condition). */
  pollMs?: number;
}

export async function waitFor<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  let lastError: unknown;
  let lastSeen: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
      lastSeen = value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? `last error: ${lastError instanceof Error ? lastError.message : inspect(lastError)}` : `last value: ${JSON.stringify(lastSeen)}`;
      throw new Error(`timed out after ${options.timeoutMs ?? 30_000} ms waiting for ${options.what} (${detail})`);
    }
    await delay(options.pollMs ?? 100);
  }
}

/** Waits until `read()` deep-equals `expected` (compared as JSON); the error shows the last reading. */
export async function waitForValue<T>(read: () => Promise<T>, expected: T, options: WaitOptions): Promise<void> {
  let last: T | undefined;
  try {
    await waitFor(async () => {
      last = await read();
      return JSON.stringify(last) === JSON.stringify(expected);
    }, options);
  } catch (error) {
    throw new Error(`${(error as Error).message}\nexpected: ${JSON.stringify(expected, null, 2)}\nlast read: ${JSON.stringify(last, null, 2)}`);
  }
}
