// @ts-check
/**
 * The layers of the design (shared/DESIGN.md: "imports only go down; no cycles, type-only
 * imports included") as dependency-cruiser rules, run by `npm run lint`.
 *
 * Folders under server/src, bottom up:
 *   1. base      base/, l10n/                          import nothing of ours above them
 *   2. areas     every other folder (promql/, rules/, catalog/, ... and any new one)
 *                                                       import base and other areas only
 *   3. registry  checks/, service/ (the facade), then features/
 *   4. wirings   session/, cli/, server.ts, cli.ts, featureHandlers.ts, protocol.ts,
 *                transport.ts, messageEncoder.ts
 * The client (client/src) sees only server/src/protocol.ts and server/src/base/.
 *
 * Tests (*.test.ts, everything under test/, the areas' testSupport.ts helpers)
 * may import from any layer, but they are cruised too: a cycle through a test
 * is still an error.
 *
 * test/lint/layers.test.ts plants a cycle and an upward import in a copy of
 * this layout and checks that these rules name them.
 */

/** Files that only tests run (tests, test/, the areas' testSupport.ts helpers): exempt from the layer rules, not from no-circular. */
const TESTS = '(\\.test\\.ts$|^test/|/testSupport\\.ts$)';

/** Folders of server/src that are not areas (layers 1, 3 and 4). */
const NOT_AREAS = 'base|l10n|checks|service|features|session|cli';

/** The wirings of layer 4, under server/src. */
const WIRING = 'session/|cli/|server\\.ts$|cli\\.ts$|featureHandlers\\.ts$|protocol\\.ts$|transport\\.ts$|messageEncoder\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles, type-only imports included (DESIGN.md, layers). Break one by moving the shared part to a module both import.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'base-imports-base',
      severity: 'error',
      comment: 'Layer 1 (base/, l10n/) imports only base/, l10n/ and npm packages.',
      from: { path: '^server/src/(base|l10n)/', pathNot: TESTS },
      to: { path: '^server/src/', pathNot: '^server/src/(base|l10n)/' },
    },
    {
      name: 'area-imports-down',
      severity: 'error',
      comment: 'Layer 2 (the areas) imports only base and other areas: never checks/, service/, features/ or the wirings.',
      from: { path: `^server/src/(?!(${NOT_AREAS})/)[^/]+/`, pathNot: TESTS },
      to: { path: `^server/src/((checks|service|features)/|${WIRING})` },
    },
    {
      name: 'registry-imports-down',
      severity: 'error',
      comment: 'Layer 3: checks/ and service/ never import features/ or the wirings.',
      from: { path: '^server/src/(checks|service)/', pathNot: TESTS },
      to: { path: `^server/src/(features/|${WIRING})` },
    },
    {
      name: 'features-import-down',
      severity: 'error',
      comment: 'Layer 3: features/ never imports the wirings (protocol.ts, shared with the client, is allowed).',
      from: { path: '^server/src/features/', pathNot: TESTS },
      to: { path: `^server/src/(${WIRING})`, pathNot: '^server/src/protocol\\.ts$' },
    },
    {
      name: 'protocol-imports-base',
      severity: 'error',
      comment: 'protocol.ts is shared with the client: it imports only base/ and npm packages.',
      from: { path: '^server/src/protocol\\.ts$' },
      to: { path: '^server/src/', pathNot: '^server/src/(base/|protocol\\.ts$)' },
    },
    {
      name: 'client-imports-protocol-and-base',
      severity: 'error',
      comment: 'The client imports from the server only server/src/protocol.ts and server/src/base/.',
      from: { path: '^client/src/', pathNot: TESTS },
      to: { path: '^server/src/', pathNot: '^server/src/(base/|protocol\\.ts$)' },
    },
    {
      name: 'server-without-client',
      severity: 'error',
      comment: 'The server never imports the client.',
      from: { path: '^server/src/', pathNot: TESTS },
      to: { path: '^client/' },
    },
    {
      name: 'server-without-vscode',
      severity: 'error',
      comment: 'The language server runs without VS Code: no `vscode` import (DESIGN.md).',
      from: { path: '^server/src/', pathNot: TESTS },
      to: { path: '^vscode$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.e2e|fixtures)/' },
    // Type-only imports count: a cycle through `import type` is still a cycle.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
