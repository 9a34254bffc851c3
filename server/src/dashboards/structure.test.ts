import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDashboard } from './analysis';
import { checkStructure } from './structure';

/** Each dashboard/structure finding as [the text it covers, its start offset, severity, message]. */
function structure(text: string): [string, number, string, string][] {
  const { model } = analyzeDashboard(text);
  if (!model) throw new Error('not a dashboard');
  return checkStructure(model).map((f) => {
    assert.equal(f.code, 'dashboard/structure');
    return [text.slice(f.start, f.end), f.start, f.severity, f.message];
  });
}

/** The offset of the `nth` (0-based) occurrence of `part` in `text`. */
function at(text: string, part: string, nth = 0): number {
  let offset = -1;
  for (let i = 0; i <= nth; i++) offset = text.indexOf(part, offset + 1);
  assert.ok(offset >= 0, `${part} #${nth} in ${text}`);
  return offset;
}

test('panels and rows that are not lists; null or a list is fine', () => {
  const text = '{"title": "t", "panels": {"a": 1}, "rows": "x"}';
  assert.deepEqual(structure(text), [
    ['{"a": 1}', at(text, '{"a"'), 'error', '"panels" must be an array of panels; got an object.'],
    ['"x"', at(text, '"x"'), 'error', '"rows" must be an array of panels; got a string.'],
  ]);
  assert.deepEqual(structure('{"title": "t", "panels": null, "rows": null}'), []);
  assert.deepEqual(structure('{"title": "t", "panels": [], "rows": []}'), []);
});

test('templating that is not an object, a list that is not an array', () => {
  const notObject = '{"title": "t", "panels": [], "templating": [{"name": "a"}]}';
  assert.deepEqual(structure(notObject), [['[{"name": "a"}]', at(notObject, '[{'), 'error', '"templating" must be an object with a "list" of variables; got an array.']]);
  const notArray = '{"title": "t", "panels": [], "templating": {"list": {"name": "a"}}}';
  assert.deepEqual(structure(notArray), [['{"name": "a"}', at(notArray, '{"name"'), 'error', '"templating.list" must be an array of variables; got an object.']]);
  assert.deepEqual(structure('{"title": "t", "panels": [], "templating": {}}'), [], 'no list at all');
  assert.deepEqual(structure('{"title": "t", "panels": [], "templating": {"list": []}}'), []);
});

test('template variables: not an object, no name (on its name, first key or the object), defined twice', () => {
  const text = '{"title": "t", "panels": [], "templating": {"list": [7, {"type": "query"}, {}, {"name": 2}, {"name": "a"}, {"name": "b"}, {"name": "a"}, {"name": "a"}]}}';
  assert.deepEqual(structure(text), [
    ['7', at(text, '7'), 'error', 'A template variable must be an object; got a number.'],
    ['"type"', at(text, '"type"'), 'error', 'This template variable has no "name": it cannot be used in queries.'],
    ['{}', at(text, '{}'), 'error', 'This template variable has no "name": it cannot be used in queries.'],
    ['2', at(text, ': 2') + 2, 'error', 'This template variable has no "name": it cannot be used in queries.'],
    ['"a"', at(text, '"a"', 1), 'error', 'Template variable "a" is defined twice; Grafana keeps only one of them.'],
    ['"a"', at(text, '"a"', 2), 'error', 'Template variable "a" is defined twice; Grafana keeps only one of them.'],
  ]);
});

test('panels: not an object, an id used twice (a warning; string ids and nested panels count as they are)', () => {
  const text = '{"title": "t", "panels": [true, {"type": "text"}, {"id": 1}, {"id": "1"}, {"id": 2, "panels": [{"id": 1}, {"id": 3}]}, {"id": 3}, {"id": "1"}, {"id": 4}, {"id": 1}]}';
  assert.deepEqual(structure(text), [
    ['true', at(text, 'true'), 'error', 'A panel must be an object; got a boolean.'],
    ['1', at(text, '"id": 1', 1) + 6, 'warning', 'Panel id 1 is used by another panel; ids must be unique within a dashboard (links to a panel and panel editing pick the wrong one).'],
    ['3', at(text, '"id": 3', 1) + 6, 'warning', 'Panel id 3 is used by another panel; ids must be unique within a dashboard (links to a panel and panel editing pick the wrong one).'],
    ['1', at(text, '"id": 1', 2) + 6, 'warning', 'Panel id 1 is used by another panel; ids must be unique within a dashboard (links to a panel and panel editing pick the wrong one).'],
  ]);
});

test("a panel's nested panels that are not a list; targets that are not a list (null included)", () => {
  const text = '{"title": "t", "panels": [{"id": 1, "panels": "p", "targets": "q"}, {"id": 2, "targets": null}, {"id": 3, "panels": null}, {"id": 4, "panels": []}]}';
  assert.deepEqual(structure(text), [
    ['"p"', at(text, '"p"'), 'error', '"panels" must be an array of panels; got a string.'],
    ['"q"', at(text, '"q"'), 'error', '"targets" must be an array of queries; got a string.'],
    ['null', at(text, 'null'), 'error', '"targets" must be an array of queries; got null.'],
    ['null', at(text, 'null', 1), 'error', '"panels" must be an array of panels; got null.'],
  ]);
});

test('targets: not an object, expr not a string, refIds repeated within a panel only', () => {
  const panel = (id: number, targets: string) => `{"id": ${id}, "targets": [${targets}]}`;
  const text = `{"title": "t", "panels": [${panel(1, '[1], {"refId": "A", "expr": 5}, {"refId": "B", "expr": "up"}, {"refId": "A", "expr": "up"}, {"refId": "B"}, {"refId": "A"}')}, ${panel(2, '{"refId": "A", "expr": null}, {"refId": "C"}')}]}`;
  assert.deepEqual(structure(text), [
    ['[1]', at(text, '[1]'), 'error', 'A target must be an object; got an array.'],
    ['5', at(text, '5'), 'error', '"expr" must be a string; got a number.'],
    ['"A"', at(text, '"A"', 1), 'error', 'refId "A" is used by another target of this panel; each query of a panel needs its own refId, or one result replaces the other.'],
    ['"B"', at(text, '"B"', 1), 'error', 'refId "B" is used by another target of this panel; each query of a panel needs its own refId, or one result replaces the other.'],
    ['"A"', at(text, '"A"', 2), 'error', 'refId "A" is used by another target of this panel; each query of a panel needs its own refId, or one result replaces the other.'],
    ['null', at(text, 'null'), 'error', '"expr" must be a string; got null.'],
  ]);
});

test('targets without a refId, with an empty one or one that is not a string never collide', () => {
  const text = '{"title": "t", "panels": [{"id": 1, "targets": [{"expr": "up"}, {"expr": "up"}, {"refId": ""}, {"refId": ""}, {"refId": 1}, {"refId": 1}, {"refId": "A"}]}]}';
  assert.deepEqual(structure(text), []);
});
