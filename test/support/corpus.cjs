// Where the public corpus is (third-party rule files, PrometheusRule resources and
// dashboards; never copied into this repository): the folder K1S0_CORPUS names, else
// ../shared/corpus beside the checkout. Used by the corpus suite, its runner
// (scripts/run-tests.mjs) and the benchmarks. Plain CommonJS so that all three can load it.
'use strict';
const { statSync } = require('node:fs');
const { join, resolve } = require('node:path');

/** The repository's root (this file is test/support/corpus.cjs). */
const ROOT = resolve(__dirname, '../..');
const DEFAULT_CORPUS = resolve(ROOT, '../shared/corpus');

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Where the corpus is, or why it is not: { dir } or { problem }. */
function locateCorpus(env = process.env) {
  const named = env.K1S0_CORPUS;
  if (named) {
    const dir = resolve(named);
    if (isDirectory(dir)) return { dir };
    return { problem: `the public corpus was not found: K1S0_CORPUS is ${dir}, which is not a folder (when K1S0_CORPUS is not set, ${DEFAULT_CORPUS} is read)` };
  }
  if (isDirectory(DEFAULT_CORPUS)) return { dir: DEFAULT_CORPUS };
  return {
    problem: `the public corpus was not found: K1S0_CORPUS is not set and ${DEFAULT_CORPUS} (../shared/corpus beside the checkout) does not exist; set K1S0_CORPUS to a folder holding rules/, prometheusrule-crds/ and dashboards/`,
  };
}

/** The corpus folder; throws, naming K1S0_CORPUS and ../shared/corpus, when there is none. */
function corpusDir(env = process.env) {
  const found = locateCorpus(env);
  if (found.dir === undefined) throw new Error(found.problem);
  return found.dir;
}

/** A folder of the corpus (`rules`, `prometheusrule-crds`, `dashboards`); throws when missing. */
function corpusPath(...parts) {
  const path = join(corpusDir(), ...parts);
  if (!isDirectory(path)) throw new Error(`the public corpus at ${corpusDir()} has no ${parts.join('/')} folder`);
  return path;
}

module.exports = { DEFAULT_CORPUS, locateCorpus, corpusDir, corpusPath };
