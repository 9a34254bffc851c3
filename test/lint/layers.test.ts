/**
 * `npm run lint` with the repository's own configurations, on a small copy of
 * the layout of server/src and client/src in a temporary folder: clean, it
 * passes; with a cycle (type-only imports included) or an import that goes up
 * a layer planted, dependency-cruiser fails and names the rule and the files.
 * Prettier's check fails on a misformatted file.
 */
import { describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from '../support/tempDir';

const ROOT = join(__dirname, '..', '..');
const DEPCRUISE = join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const PRETTIER = join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');

type Files = Record<string, string>;

/** One module per layer, each importing the layers below it (some imports type-only). */
const CLEAN: Files = {
  'server/src/base/types.ts': `export interface Finding { start: number; end: number; message: string }\n`,
  'server/src/base/yaml/offsets.ts': `import type { Finding } from '../types';\nexport const none: Finding[] = [];\n`,
  'server/src/l10n/index.ts': `import type { Finding } from '../base/types';\nexport const say = (f: Finding): string => f.message;\n`,
  'server/src/promql/check.ts': `import type { Finding } from '../base/types';\nimport { say } from '../l10n/index';\nexport const checkPromql = (f: Finding): string => say(f);\n`,
  'server/src/rules/check.ts': `import { checkPromql } from '../promql/check';\nexport const checkRules = checkPromql;\n`,
  'server/src/rules/check.test.ts': `import { LanguageService } from '../service/languageService';\nexport const t = LanguageService;\n`,
  'server/src/checks/registry.ts': `import { checkRules } from '../rules/check';\nexport const CHECKS = [checkRules];\n`,
  'server/src/service/languageService.ts': `import { CHECKS } from '../checks/registry';\nexport class LanguageService { checks = CHECKS; }\n`,
  'server/src/features/hover.ts': `import type { LanguageService } from '../service/languageService';\nimport { Commands } from '../protocol';\nexport const hover = (s: LanguageService): unknown => [s, Commands];\n`,
  'server/src/protocol.ts': `import type { Finding } from './base/types';\nexport const Commands = { run: 'k1s0.run' };\nexport type Wire = Finding;\n`,
  'server/src/session/session.ts': `import { hover } from '../features/hover';\nimport { LanguageService } from '../service/languageService';\nexport const session = hover(new LanguageService());\n`,
  'server/src/server.ts': `import { session } from './session/session';\nexport default session;\n`,
  'server/src/cli.ts': `import { LanguageService } from './service/languageService';\nexport default new LanguageService();\n`,
  'client/src/extension.ts': `import { Commands } from '../../server/src/protocol';\nimport type { Finding } from '../../server/src/base/types';\nexport const activate = (f: Finding): unknown => [Commands, f];\n`,
};

const TSCONFIG = JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true }, include: ['client/src', 'server/src'] });

function layout(t: TestContext, files: Files): string {
  const dir = tempDir(t, 'layers');
  for (const [path, text] of Object.entries({ 'tsconfig.json': TSCONFIG, ...files })) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** dependency-cruiser's CLI as `npm run lint:deps` runs it (the repository's config, the `err` report), in `dir`. */
function cruise(dir: string): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [DEPCRUISE, 'server/src', 'client/src', '--config', join(ROOT, '.dependency-cruiser.cjs')], { cwd: dir, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, output: stdout + stderr });
    });
  });
}

test('the layers as laid out in DESIGN.md pass, tests importing from any layer included', async (t) => {
  const { status, output } = await cruise(layout(t, CLEAN));
  assert.match(output, /no dependency violations found/);
  assert.equal(status, 0, output);
});

/**
 * What to plant over the clean layout, and what the report must say: the rule
 * and the import (`from`, `to`), or the rule and the modules of the cycle.
 */
const PLANTED: { name: string; files: Files; rule: string; from: string; to?: string; cycle?: string[] }[] = [
  {
    name: 'a cycle of type-only imports between two modules of an area',
    files: {
      'server/src/workspace/index.ts': `import type { Change } from './changes';\nexport interface Facts { change?: Change }\n`,
      'server/src/workspace/changes.ts': `import type { Facts } from './index';\nexport interface Change { before: Facts }\n`,
    },
    rule: 'no-circular',
    from: 'server/src/workspace/changes.ts',
    cycle: ['server/src/workspace/index.ts'],
  },
  {
    name: 'a cycle through a test file',
    files: {
      'server/src/promql/support.ts': `import { fixture } from './support.test';\nexport const load = (): string => fixture;\n`,
      'server/src/promql/support.test.ts': `import { load } from './support';\nexport const fixture = 'x';\nexport const again = load;\n`,
    },
    rule: 'no-circular',
    from: 'server/src/promql/support.test.ts',
    cycle: ['server/src/promql/support.ts'],
  },
  {
    name: 'an area importing the facade (upward)',
    files: { 'server/src/catalog/unknownMetric.ts': `import type { LanguageService } from '../service/languageService';\nexport type S = LanguageService;\n` },
    rule: 'area-imports-down',
    from: 'server/src/catalog/unknownMetric.ts',
    to: 'server/src/service/languageService.ts',
  },
  {
    name: 'a new area importing a wiring (upward)',
    files: { 'server/src/traces/check.ts': `import { session } from '../session/session';\nexport const s = session;\n` },
    rule: 'area-imports-down',
    from: 'server/src/traces/check.ts',
    to: 'server/src/session/session.ts',
  },
  {
    name: 'the base importing an area (upward)',
    files: { 'server/src/l10n/en.ts': `import { checkPromql } from '../promql/check';\nexport const c = checkPromql;\n` },
    rule: 'base-imports-base',
    from: 'server/src/l10n/en.ts',
    to: 'server/src/promql/check.ts',
  },
  {
    name: 'the facade importing a feature (upward)',
    files: { 'server/src/service/hovers.ts': `import { hover } from '../features/hover';\nexport const h = hover;\n` },
    rule: 'registry-imports-down',
    from: 'server/src/service/hovers.ts',
    to: 'server/src/features/hover.ts',
  },
  {
    name: 'a feature importing the session (upward)',
    files: { 'server/src/features/lens.ts': `import { session } from '../session/session';\nexport const s = session;\n` },
    rule: 'features-import-down',
    from: 'server/src/features/lens.ts',
    to: 'server/src/session/session.ts',
  },
  {
    name: 'protocol.ts importing an area',
    files: {
      'server/src/slo/model.ts': `export interface SloTree { services: string[] }\n`,
      'server/src/protocol.ts': `import type { SloTree } from './slo/model';\nexport const Commands = {};\nexport type T = SloTree;\n`,
    },
    rule: 'protocol-imports-base',
    from: 'server/src/protocol.ts',
    to: 'server/src/slo/model.ts',
  },
  {
    name: 'the client importing an area of the server',
    files: { 'client/src/live.ts': `import { checkPromql } from '../../server/src/promql/check';\nexport const c = checkPromql;\n` },
    rule: 'client-imports-protocol-and-base',
    from: 'client/src/live.ts',
    to: 'server/src/promql/check.ts',
  },
];

// All plants in one copy, cruised once (each cruise starts dependency-cruiser and TypeScript: seconds):
// the step fails, counting one violation per plant, and names each one's rule and files.
describe('dependency-cruiser fails on planted violations, naming each one: its rule and its files', () => {
  let planted: Promise<{ status: number | null; output: string }> | undefined;
  const cruisePlanted = (t: TestContext) => (planted ??= cruise(layout(t, Object.assign({}, CLEAN, ...PLANTED.map((plant) => plant.files)))));
  test('the step fails, with one violation per plant', async (t) => {
    const { status, output } = await cruisePlanted(t);
    assert.notEqual(status, 0, output);
    assert.match(output, new RegExp(`x ${PLANTED.length} dependency violations \\(${PLANTED.length} errors, 0 warnings\\)`));
  });
  for (const plant of PLANTED) {
    test(plant.name, async (t) => {
      const { output } = await cruisePlanted(t);
      if (plant.cycle) {
        // A cycle is reported (over several lines) from whichever of its modules the cruise met first.
        const violations = output.split(/\n\s*error /).slice(1);
        const named = violations.find((text) => text.startsWith(`${plant.rule}: `) && [plant.from, ...plant.cycle!].every((module) => text.includes(module)));
        assert.ok(named, `no ${plant.rule} naming ${[plant.from, ...plant.cycle].join(', ')} in:\n${output}`);
      } else {
        assert.ok(output.includes(`error ${plant.rule}: ${plant.from} → ${plant.to ?? ''}`), output);
      }
    });
  }
});

test("prettier's check, with the repository's config, fails on a misformatted file and passes on a formatted one", (t) => {
  const dir = layout(t, {
    'formatted.ts': `export const tiers = { business: 99.9, system: 99.5 };\n\nexport function slo(tier: keyof typeof tiers): number {\n  return tiers[tier];\n}\n`,
    'misformatted.ts': `export const tiers = {business: 99.9, system: 99.5}\n\nexport function slo(tier: keyof typeof tiers): number { return tiers[tier] }\n`,
  });
  const check = (file: string) => spawnSync(process.execPath, [PRETTIER, '--config', join(ROOT, '.prettierrc.json'), '--check', file], { cwd: dir, encoding: 'utf8' });
  assert.equal(check('formatted.ts').status, 0);
  const bad = check('misformatted.ts');
  assert.equal(bad.status, 1);
  assert.match(bad.stdout + bad.stderr, /misformatted\.ts/);
});
