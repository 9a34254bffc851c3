import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { keepOffStdout } from './transport';

test('keepOffStdout: log, info and debug go to the editor log, warn and error as such; table, dir, count and time write to stderr, never to stdout', () => {
  let stdout = '';
  const target = new Console({
    stdout: new Writable({
      write(chunk: Buffer, _encoding, done) {
        stdout += chunk.toString();
        done();
      },
    }),
  });
  const said: [string, string][] = [];
  const stderrWrite = process.stderr.write;
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  try {
    keepOffStdout(target, { log: (m) => said.push(['log', m]), warn: (m) => said.push(['warn', m]), error: (m) => said.push(['error', m]) });
    target.log('a %d', 1);
    target.info('b');
    target.debug({ c: 2 });
    target.warn('d');
    target.error('e');
    target.table([{ x: 1 }]);
    target.dir({ y: 2 });
    target.count('n');
    target.time('t');
    target.timeEnd('t');
  } finally {
    process.stderr.write = stderrWrite;
  }
  assert.deepEqual(said, [
    ['log', 'a 1'],
    ['log', 'b'],
    ['log', '{ c: 2 }'],
    ['warn', 'd'],
    ['error', 'e'],
  ]);
  assert.equal(stdout, '');
  assert.match(stderr, /x/);
  assert.match(stderr, /y: 2/);
  assert.match(stderr, /n: 1/);
  assert.match(stderr, /t: /);
});
