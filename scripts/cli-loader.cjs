#!/usr/bin/env node
// dist/cli.js: runs the CLI bundle (dist/cli.bundle.js) with the V8 code cache that
// `npm run build` made for it. Node 20 has no compile cache of its own, and compiling
// the 2 MB bundle on every run costs a CI step ~50 ms. Without a usable cache (another
// Node version, a bundle rebuilt since), the bundle is compiled as usual.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { join } = require('node:path');
const { wrap } = require('node:module');
const { Script } = require('node:vm');

const bundle = join(__dirname, 'cli.bundle.js');
const bytes = readFileSync(bundle);
// Named by the bundle's digest: V8 itself checks only the source's length before trusting a cache.
const cacheFile = join(__dirname, `cli.bundle.${createHash('md5').update(bytes).digest('hex')}.cache`);
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new Script(wrap(bytes.toString('utf8')), { filename: bundle, cachedData });
if (process.env.K1S0_REPORT_CODE_CACHE) process.stderr.write(`code cache: ${cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used'}\n`);
if (process.env.K1S0_WRITE_CODE_CACHE === '1') process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
script.runInThisContext()(exports, require, module, bundle, __dirname);
