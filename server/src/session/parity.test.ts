/**
 * "CI gets exactly what the editor shows": the CLI's code path (cli/check.ts)
 * and the session, on the examples plus a lint.yaml and a file that is not
 * UTF-8, give the same diagnostics for every file, byte for byte.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkPaths, lintSettings } from '../cli/check';
import { findLintConfig } from '../lint/lintConfig';
import { lines } from '../../../test/support/text';
import { DEFAULT_CAPABILITIES, EXAMPLES, startSession, type Harness } from './testSupport';

let h: Harness;

const EXTRA = {
  '.k1s0/lint.yaml': lines('diagnostics:', '  severity:', '    config/policy: hint', '    rules/template: "off"', 'files:', '  rules: ["extra/rules/*.yaml"]'),
  // Not UTF-8: a config file by name reports file/encoding; a stray one stays silent.
  'extra/config/config.prod.yaml': Buffer.from([0x6f, 0x3a, 0x20, 0xff, 0xfe, 0x0a]),
  'extra/latin1.yaml': Buffer.from([0xe9, 0x0a]),
  'extra/rules/empty.yaml': lines('groups:', '  - name: x', '    rules: []'),
};

before(async () => {
  // As VS Code initializes: it shows related information, so the editor gets the related places the CLI prints.
  h = await startSession({ from: EXAMPLES, files: EXTRA, init: { capabilities: { ...DEFAULT_CAPABILITIES, textDocument: { publishDiagnostics: { relatedInformation: true } } } } });
});

after(() => h.close());

async function compare(): Promise<string[]> {
  const cli = await checkPaths([h.root], lintSettings(findLintConfig(h.root)), { threads: () => 1, workerScript: '' });
  assert.ok(cli.length >= 20, `${cli.length} files`);
  for (const { found, diagnostics } of cli) {
    const uri = pathToFileURL(found.path).href;
    assert.equal(JSON.stringify(h.client.plain(uri)), JSON.stringify(diagnostics), found.relativePath);
  }
  return cli.flatMap(({ found, diagnostics }) => diagnostics.map((d) => `${found.relativePath} ${d.code}`));
}

test('the CLI and the editor agree on every file of the examples, file/encoding and lint.yaml included', async () => {
  const codes = await compare();
  assert.ok(codes.includes('extra/config/config.prod.yaml file/encoding'), 'the editor reports what it cannot decode, as the CLI does');
  assert.ok(!codes.some((c) => c.startsWith('extra/latin1.yaml')), 'a file that is not ours stays silent in both');
  assert.ok(!codes.some((c) => c.endsWith('rules/template')), 'lint.yaml turned rules/template off in both');
  assert.ok(codes.filter((c) => c.endsWith('config/policy')).length > 0);
  assert.deepEqual(h.client.errors(), []);
});

test('they still agree after the editor re-reads everything (a lint.yaml change)', async () => {
  h.session.filesChanged([{ uri: h.uriOf('.k1s0/lint.yaml'), type: 2 }]);
  await h.session.idle();
  await compare();
  assert.equal(h.client.plain(h.uriOf(join('extra/config/config.prod.yaml')))[0]?.message, 'Not checked: the file is not valid UTF-8; k1s0 checks only UTF-8 YAML and JSON.');
});
