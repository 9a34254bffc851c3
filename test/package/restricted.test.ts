/**
 * Restricted Mode in the manifest: `restrictedConfigurations` is exactly the
 * code's list (server/src/protocol.ts RESTRICTED_SETTINGS), each a contributed
 * setting, and the ones the language server guards itself are settings it reads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../server/src/base/settings';
import { RESTRICTED_SETTINGS, SERVER_RESTRICTED_SETTINGS } from '../../server/src/protocol';

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: unknown; description: string; restrictedConfigurations: string[] } };
  contributes: { configuration: { properties: Record<string, unknown> } };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as Manifest;

test("the manifest's restrictedConfigurations are the code's restricted settings, each a contributed setting", () => {
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.deepEqual(untrusted.restrictedConfigurations, [...RESTRICTED_SETTINGS]);
  for (const key of RESTRICTED_SETTINGS) assert.ok(key in manifest.contributes.configuration.properties, key);
});

test("the restricted settings the server guards are restricted and read by the server; the others are the stack's", () => {
  for (const key of SERVER_RESTRICTED_SETTINGS) {
    assert.ok((RESTRICTED_SETTINGS as readonly string[]).includes(key), key);
    const path = key.split('.').slice(1);
    let node: unknown = DEFAULT_SETTINGS;
    for (const part of path) node = (node as Record<string, unknown>)[part];
    assert.notEqual(node, undefined, `${key} is not a server setting`);
  }
  const clientOnly = RESTRICTED_SETTINGS.filter((key) => !(SERVER_RESTRICTED_SETTINGS as readonly string[]).includes(key));
  assert.deepEqual(
    clientOnly.filter((key) => !key.startsWith('k1s0.stack.')),
    [],
  );
});
