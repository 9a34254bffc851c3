import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Console } from 'node:console';
import { Writable } from 'node:stream';
import { keepOffStdout } from './transport';

test('keepOffStdout: log, info and debug go to the editor log, warn and error as such; table, dir, count and time write to stderr, never to stdout', () => {
  const written = { stdout: '', stderr: '' };
  const collect = (into: keyof typeof written) =>
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        written[into] += chunk.toString();
        done();
      },
    });
  const target = new Console({ stdout: collect('stdout') });
  const said: [string, string][] = [];
  keepOffStdout(target, { log: (m) => said.push(['log', m]), warn: (m) => said.push(['warn', m]), error: (m) => said.push(['error', m]) }, collect('stderr'));
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
  assert.deepEqual(said, [
    ['log', 'a 1'],
    ['log', 'b'],
    ['log', '{ c: 2 }'],
    ['warn', 'd'],
    ['error', 'e'],
  ]);
  assert.equal(written.stdout, '');
  assert.match(written.stderr, /x/);
  assert.match(written.stderr, /y: 2/);
  assert.match(written.stderr, /n: 1/);
  assert.match(written.stderr, /t: /);
});
