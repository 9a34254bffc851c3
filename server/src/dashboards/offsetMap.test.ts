import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { OffsetMap } from './offsetMap';

test('runs answer what one entry per unit would', () => {
  const step = fc.oneof(
    fc.record({ kind: fc.constant('copy' as const), gap: fc.nat(3), length: fc.nat(5) }),
    fc.record({ kind: fc.constant('replace' as const), gap: fc.nat(3), length: fc.nat(3), span: fc.nat(6) }),
  );
  fc.assert(
    fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
      const map = new OffsetMap();
      const starts: number[] = [];
      const ends: number[] = [];
      const replaced: boolean[] = [];
      let source = 0;
      for (const s of steps) {
        source += s.gap;
        if (s.kind === 'copy') {
          map.copy(source, s.length);
          for (let i = 0; i < s.length; i++) {
            starts.push(source + i);
            ends.push(source + i + 1);
            replaced.push(false);
          }
          source += s.length;
        } else {
          map.replace(source, source + s.span, s.length);
          for (let i = 0; i < s.length; i++) {
            starts.push(source);
            ends.push(source + s.span);
            replaced.push(true);
          }
          source += s.span;
        }
      }
      assert.equal(map.length, starts.length);
      for (let i = 0; i < starts.length; i++) {
        assert.equal(map.startOf(i), starts[i], `start of ${i}`);
        assert.equal(map.endOf(i), ends[i], `end of ${i}`);
        for (let j = i; j <= starts.length; j++) assert.equal(map.anyReplaced(i, j), replaced.slice(i, j).includes(true), `replaced in [${i}, ${j})`);
      }
    }),
    { numRuns: 300 },
  );
});
