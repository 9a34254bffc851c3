import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DIAGNOSTIC_CODES, REGISTRY } from './registry';

const SOURCES = join(__dirname, '..');

function sources(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'fixtures') sources(path, out);
    } else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts') && !entry.includes('testSupport')) out.push(path);
  }
  return out;
}

test('every code a check reports is in the registry, and every registered code is reported somewhere', () => {
  const registered = new Set<string>(DIAGNOSTIC_CODES);
  const areas = new Set(DIAGNOSTIC_CODES.map((code) => code.split('/')[0]));
  const seen = new Set<string>();
  // A code is a quoted `area/name` whose area is one of ours: assigned to a code field or
  // constant, or passed first to a finding sink (`sink.add('provisioning/url', …)`, `sink.at(…)`).
  const pattern = /(?:code|CODE|[A-Z_]+)\s*(?::|=)\s*'([a-z]+\/[a-z-]+)'|\.(?:add|at)\(\s*'([a-z]+\/[a-z-]+)'/g;
  for (const file of sources(SOURCES)) {
    for (const match of readFileSync(file, 'utf8').matchAll(pattern)) {
      const code = match[1] ?? match[2] ?? '';
      if (areas.has(code.split('/')[0] ?? '')) seen.add(code);
    }
  }
  assert.deepEqual([...seen].filter((code) => !registered.has(code)).sort(), [], 'reported but not registered');
  assert.deepEqual([...registered].filter((code) => !seen.has(code)).sort(), [], 'registered but never reported');
});

test('every check of the registry documents its codes, file kinds and what it catches', () => {
  const names = new Set<string>();
  for (const check of REGISTRY) {
    const { name, codes, fileKinds, description } = check.meta;
    assert.ok(!names.has(name), `${name} is registered once`);
    names.add(name);
    assert.ok(codes.length > 0 && fileKinds.length > 0 && description.length > 10, name);
    for (const info of codes) {
      assert.match(info.code, /^[a-z]+\/[a-z-]+$/, `${name}: ${info.code} has the area/name form`);
      assert.ok(info.short.length > 0 && info.help.length > info.short.length, `${name}: ${info.code} is documented`);
    }
    if (check.meta.on === 'file' || check.meta.on === 'expression' || check.meta.on === 'rule') assert.equal(typeof (check as { run?: unknown }).run, 'function', name);
  }
});
