// Stands in for `node:test` inside the mutation runner (node-test-runner.mjs):
// it collects a test file's tests instead of running them, so the runner can
// run them again for each mutant in the same process. It covers what the
// co-located unit tests use (test/it, describe/suite, before/after/beforeEach/
// afterEach, the context's `after`, skip/todo options); anything else throws,
// so a test file that needs more fails the dry run loudly, not silently.
'use strict';

/** @typedef {{ kind: 'suite', name: string, children: Node[], before: Function[], after: Function[], beforeEach: Function[], afterEach: Function[], skip: boolean }} Suite */
/** @typedef {{ kind: 'test', name: string, fn: Function | undefined, skip: boolean }} TestNode */
/** @typedef {Suite | TestNode} Node */

/** @type {Suite[]} */
let stack = [];

function newSuite(name, skip = false) {
  return { kind: 'suite', name, children: [], before: [], after: [], beforeEach: [], afterEach: [], skip };
}

/** Starts collecting one file's tests; `end()` hands back its root suite. */
function beginFile(name) {
  stack = [newSuite(name)];
}
function endFile() {
  const [root] = stack;
  stack = [];
  return root;
}

function current() {
  const suite = stack.at(-1);
  if (!suite) throw new Error('node:test shim: a test was declared outside a file load (nested test() calls are not supported)');
  return suite;
}

function args(nameOrFn, optionsOrFn, maybeFn) {
  let name = typeof nameOrFn === 'string' ? nameOrFn : (nameOrFn?.name ?? '<anonymous>');
  let options = {};
  let fn;
  for (const a of [nameOrFn, optionsOrFn, maybeFn]) {
    if (typeof a === 'function') fn ??= a;
    else if (a && typeof a === 'object') options = a;
  }
  if (typeof nameOrFn === 'function') name = nameOrFn.name || '<anonymous>';
  return { name, fn, skip: Boolean(options.skip || options.todo) };
}

function test(nameOrFn, optionsOrFn, maybeFn) {
  const { name, fn, skip } = args(nameOrFn, optionsOrFn, maybeFn);
  current().children.push({ kind: 'test', name, fn, skip: skip || !fn });
}
test.skip = (name, ...rest) => test(name, { skip: true }, ...rest.filter((r) => typeof r === 'function'));
test.todo = test.skip;
test.only = test;

function describe(nameOrFn, optionsOrFn, maybeFn) {
  const { name, fn, skip } = args(nameOrFn, optionsOrFn, maybeFn);
  const suite = newSuite(name, skip);
  current().children.push(suite);
  stack.push(suite);
  try {
    fn?.();
  } finally {
    stack.pop();
  }
}
describe.skip = (name, ...rest) => describe(name, { skip: true }, ...rest.filter((r) => typeof r === 'function'));
describe.todo = describe.skip;
describe.only = describe;

const hook = (kind) => (fn) => {
  current()[kind].push(fn);
};

function unsupported(what) {
  return new Proxy(
    {},
    {
      get() {
        throw new Error(`node:test shim: ${what} is not supported by the mutation runner`);
      },
    },
  );
}

module.exports = {
  test,
  it: test,
  describe,
  suite: describe,
  before: hook('before'),
  after: hook('after'),
  beforeEach: hook('beforeEach'),
  afterEach: hook('afterEach'),
  mock: unsupported('mock'),
  run: () => {
    throw new Error('node:test shim: run() is not supported by the mutation runner');
  },
  default: test,
  beginFile,
  endFile,
};
