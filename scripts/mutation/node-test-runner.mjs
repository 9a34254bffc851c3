// A StrykerJS test runner for the co-located node:test unit tests, in process.
//
// Stryker has no node:test runner, and its `command` runner starts a fresh
// `node --import tsx --test` per mutant: 3-6 s each on the CI machine, so the
// check modules' thousands of mutants would take hours. This runner keeps one
// process per Stryker worker: tsx compiles the TypeScript (once, cached), the
// test files' `node:test` is replaced by node-test-shim.cjs, which collects
// their tests, and each mutant re-loads only the test files that reach it and
// runs only the tests that cover it (Stryker's perTest coverage).
//
// Every run loads the project's modules afresh (the CommonJS cache is emptied
// of the sandbox's files first): module-level memos (promql/index.ts keeps type
// problems by text, rules/template.ts keeps template problems) would otherwise
// carry one mutant's results into the next run, and "static" mutants (in code
// run at load, such as the tables of names) are active while the modules load.
import Module, { createRequire } from 'node:module';
import { resolve, relative, sep } from 'node:path';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { declareClassPlugin, PluginKind, commonTokens } from '@stryker-mutator/api/plugin';
import { DryRunStatus, TestStatus, toMutantRunResult, determineHitLimitReached } from '@stryker-mutator/api/test-runner';

const SHIM = createRequire(import.meta.url).resolve('./node-test-shim.cjs');
/** Where the dry run leaves, for every worker, which sandbox modules each test file loads. */
const REACH = '.node-test-reach.json';
/** A test's id starts with its file: `server/src/x/y.test.ts: suite > test`. */
const fileOfId = (id) => id.slice(0, id.indexOf('.test.ts: ') + '.test.ts'.length);
/** The coverage account of what a test file runs outside its tests. */
const loadId = (cwd, file) => `${relative(cwd, file).split(sep).join('/')}: <outside tests>`;

/** Test files under `roots` (relative to the working directory), without those `exclude` matches. */
function testFiles(roots, exclude) {
  const out = [];
  const walk = (path) => {
    if (statSync(path).isFile()) {
      if (path.endsWith('.test.ts') && !exclude.some((re) => re.test(path.split(sep).join('/')))) out.push(path);
      return;
    }
    for (const entry of readdirSync(path)) if (!['node_modules', 'fixtures', '.git', 'dist'].includes(entry)) walk(resolve(path, entry));
  };
  for (const root of roots) walk(resolve(root));
  return out.sort();
}

export class NodeTestRunner {
  static inject = [commonTokens.options, commonTokens.logger];

  constructor(options, logger) {
    this.logger = logger;
    const config = options.nodeTest ?? {};
    this.roots = config.roots ?? ['server/src'];
    this.exclude = (config.exclude ?? []).map((pattern) => new RegExp(pattern));
    this.skipTests = (config.skipTests ?? []).map((pattern) => new RegExp(pattern));
    /** Test file → the sandbox modules it loads (found in the dry run, which one worker makes; kept in REACH for the others). */
    this.reach = undefined;
  }

  capabilities() {
    return { reloadEnvironment: true };
  }

  async init() {
    this.cwd = process.cwd();
    this.require = createRequire(resolve(this.cwd, 'package.json'));
    this.require('tsx/cjs/api').register();
    const shim = this.require(SHIM);
    this.shim = shim;
    const load = Module._load;
    Module._load = function (request, ...rest) {
      if (request === 'node:test') return shim;
      return load.call(this, request, ...rest);
    };
    this.files = testFiles(this.roots, this.exclude);
    this.ns = globalThis.__stryker__ ??= {};
  }

  /** Forgets every module of the sandbox (not node_modules, not this runner), so the next load evaluates them again. */
  forgetModules() {
    for (const key of Object.keys(this.require.cache)) {
      if (key.startsWith(this.cwd) && !key.includes(`${sep}node_modules${sep}`) && key !== SHIM) delete this.require.cache[key];
    }
  }

  loadFile(file) {
    this.shim.beginFile(file);
    try {
      this.require(file);
    } finally {
      this.root = this.shim.endFile();
    }
    return this.root;
  }

  async dryRun({ coverageAnalysis }) {
    this.ns.activeMutant = undefined;
    this.ns.hitCount = undefined;
    this.ns.hitLimit = undefined;
    this.ns.mutantCoverage = { static: {}, perTest: {} };
    const tests = [];
    const reach = {};
    const perTest = coverageAnalysis === 'perTest';
    for (const file of this.files) {
      this.forgetModules();
      let root;
      // What runs outside a test (loading the file and the modules it reaches, describe bodies, before/after hooks) is
      // covered on the file's account, then given to each of its tests below: a mutant there needs those tests, not all.
      this.ns.currentTestId = perTest ? loadId(this.cwd, file) : undefined;
      try {
        root = this.loadFile(file);
      } catch (error) {
        return { status: DryRunStatus.Error, errorMessage: `${relative(this.cwd, file)} did not load: ${error?.stack ?? error}` };
      }
      reach[file] = Object.keys(this.require.cache).filter((key) => key.startsWith(this.cwd) && !key.includes(`${sep}node_modules${sep}`));
      const results = await this.runFile(file, root, undefined, { perTest, bail: false });
      this.ns.currentTestId = undefined;
      tests.push(...results);
      if (perTest) {
        const { perTest: covered } = this.ns.mutantCoverage;
        const outside = covered[loadId(this.cwd, file)] ?? {};
        delete covered[loadId(this.cwd, file)];
        for (const { id } of results) covered[id] = { ...outside, ...covered[id] };
      }
    }
    writeFileSync(resolve(this.cwd, REACH), JSON.stringify(reach));
    this.ns.currentTestId = undefined;
    return { status: DryRunStatus.Complete, tests, mutantCoverage: coverageAnalysis === 'off' ? undefined : this.ns.mutantCoverage };
  }

  async mutantRun({ activeMutant, testFilter, hitLimit, disableBail, sandboxFileName }) {
    let files;
    const target = resolve(this.cwd, sandboxFileName);
    const selected = testFilter ? new Set(testFilter) : undefined;
    if (selected) files = [...new Set(testFilter.map((id) => resolve(this.cwd, fileOfId(id))))];
    else {
      this.reach ??= existsSync(resolve(this.cwd, REACH)) ? JSON.parse(readFileSync(resolve(this.cwd, REACH), 'utf8')) : {};
      files = this.files.filter((file) => this.reach[file]?.includes(target));
      if (files.length === 0) files = this.files;
    }
    // The mutated module's own tests first (x.ts: x.test.ts, then its folder's): most mutants die there, and a run stops at its first failure.
    const own = target.replace(/\.ts$/, '.test.ts');
    const folder = target.slice(0, target.lastIndexOf(sep) + 1);
    const rank = (file) => (file === own ? 0 : file.startsWith(folder) ? 1 : 2);
    files.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    const started = Date.now();
    this.forgetModules();
    this.ns.activeMutant = activeMutant.id;
    this.ns.hitLimit = hitLimit;
    this.ns.hitCount = hitLimit === undefined ? undefined : 0;
    this.ns.currentTestId = undefined;
    const tests = [];
    try {
      for (const file of files) {
        let root;
        try {
          root = this.loadFile(file);
        } catch (error) {
          tests.push({
            id: `${relative(this.cwd, file)}: <load>`,
            name: `${relative(this.cwd, file)} loads`,
            status: TestStatus.Failed,
            failureMessage: String(error?.message ?? error),
            timeSpentMs: 0,
          });
          if (!disableBail) break;
          continue;
        }
        tests.push(...(await this.runFile(file, root, selected, { perTest: false, bail: !disableBail })));
        if (!disableBail && tests.some((t) => t.status === TestStatus.Failed)) break;
      }
      if (process.env.K1S0_MUTATION_TRACE && !tests.some((t) => t.status === TestStatus.Failed)) {
        const { fileName, location, mutatorName, replacement } = activeMutant;
        this.logger.info(
          `survived: ${relative(this.cwd, fileName)}:${location.start.line}:${location.start.column} ${mutatorName} -> ${JSON.stringify(replacement)?.slice(0, 120)} (${tests.length} tests, ${Date.now() - started} ms)`,
        );
      }
      const timeout = determineHitLimitReached(this.ns.hitCount, this.ns.hitLimit);
      if (timeout) return toMutantRunResult(timeout);
      return toMutantRunResult({ status: DryRunStatus.Complete, tests }, disableBail);
    } finally {
      this.ns.activeMutant = undefined;
      this.ns.hitCount = undefined;
      this.ns.hitLimit = undefined;
    }
  }

  /** Runs the collected tests of one file (those in `selected`, or all), with their hooks. */
  async runFile(file, root, selected, { perTest, bail }) {
    const name = relative(this.cwd, file).split(sep).join('/');
    const results = [];
    const seen = new Map();
    const idOf = (path) => {
      const base = `${name}: ${path.join(' > ')}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      return n === 1 ? base : `${base} #${n}`;
    };
    // Ids are given in declaration order, selected or not, so they match the dry run's.
    const ids = new Map();
    const assign = (suite, path) => {
      for (const child of suite.children) {
        if (child.kind === 'test') ids.set(child, idOf([...path, child.name]));
        else assign(child, [...path, child.name]);
      }
    };
    assign(root, []);
    for (const [node, id] of ids) if (this.skipTests.some((re) => re.test(id))) node.skip = true;
    const wanted = (node) => (node.kind === 'test' ? !selected || selected.has(ids.get(node)) : node.children.some(wanted));
    let stop = false;

    const runSuite = async (suite, eachBefore, eachAfter) => {
      if (!wanted(suite)) return;
      const befores = [...eachBefore, ...suite.beforeEach];
      const afters = [...suite.afterEach, ...eachAfter];
      try {
        try {
          for (const fn of suite.before) await fn();
        } catch (error) {
          results.push({
            id: `${name}: ${suite.name} <before>`,
            name: `${name}: ${suite.name} <before>`,
            status: TestStatus.Failed,
            failureMessage: String(error?.message ?? error),
            timeSpentMs: 0,
            fileName: file,
          });
          if (bail) stop = true;
          return;
        }
        for (const child of suite.children) {
          if (stop) break;
          if (child.kind === 'suite') {
            await runSuite(child, befores, afters);
            continue;
          }
          if (!wanted(child)) continue;
          const id = ids.get(child);
          if (child.skip || suite.skip) {
            if (selected === undefined) results.push({ id, name: id, status: TestStatus.Skipped, timeSpentMs: 0, fileName: file });
            continue;
          }
          const cleanups = [];
          let skipped = false;
          const context = {
            name: child.name,
            signal: new AbortController().signal,
            after: (fn) => void cleanups.push(fn),
            diagnostic: () => {},
            skip: () => void (skipped = true),
            todo: () => void (skipped = true),
            plan: () => {},
          };
          const started = Date.now();
          if (perTest) this.ns.currentTestId = id;
          try {
            for (const fn of befores) await fn(context);
            await child.fn(context);
            for (const fn of afters) await fn(context);
            results.push({ id, name: id, status: skipped ? TestStatus.Skipped : TestStatus.Success, timeSpentMs: Date.now() - started, fileName: file });
          } catch (error) {
            results.push({ id, name: id, status: TestStatus.Failed, failureMessage: String(error?.message ?? error).slice(0, 2000), timeSpentMs: Date.now() - started, fileName: file });
            if (bail) stop = true;
          } finally {
            for (const fn of cleanups.reverse()) {
              try {
                await fn();
              } catch {
                // a cleanup's failure is not the mutant's
              }
            }
            if (perTest) this.ns.currentTestId = loadId(this.cwd, file);
          }
        }
      } finally {
        for (const fn of suite.after) {
          try {
            await fn();
          } catch (error) {
            this.logger.debug(`after hook of ${name} failed: ${error}`);
          }
        }
      }
    };
    await runSuite(root, [], []);
    return results;
  }
}

export const strykerPlugins = [declareClassPlugin(PluginKind.TestRunner, 'node-test', NodeTestRunner)];

export const strykerValidationSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    nodeTest: {
      type: 'object',
      description: 'The node:test runner of scripts/mutation: test file roots and exclusions (regular expressions on the path).',
      properties: {
        roots: { type: 'array', items: { type: 'string' } },
        exclude: { type: 'array', items: { type: 'string' } },
        skipTests: { type: 'array', items: { type: 'string' } },
      },
      additionalProperties: false,
    },
  },
};
