import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ResponseError, LSPErrorCodes, ErrorCodes } from 'vscode-languageserver-protocol';
import { refusalOf } from './refusal';

test('a RequestFailed answer is a refusal, with its message', () => {
  assert.equal(refusalOf(new ResponseError(LSPErrorCodes.RequestFailed, '"x" is not a recording rule of this workspace')), '"x" is not a recording rule of this workspace');
});

test('other failures are not refusals: they stay errors', () => {
  assert.equal(refusalOf(new ResponseError(0, 'old code 0')), undefined);
  assert.equal(refusalOf(new ResponseError(ErrorCodes.InternalError, 'crash')), undefined);
  assert.equal(refusalOf(new Error('plain')), undefined);
  assert.equal(refusalOf(undefined), undefined);
});
