import { describe, expect, it, vi } from 'vitest';
import { dispatch, CallFailure, type Handlers } from './router';
import type { Sender } from './sender';

const content: Sender = { kind: 'content', page: 'https://news.example/a', site: 'news.example', tabId: 3 };
const extension: Sender = { kind: 'extension' };

function handlersWith(overrides: Partial<Handlers>): Handlers {
  return new Proxy(overrides as Handlers, {
    get: (target, key: string) => target[key as keyof Handlers] ?? (() => Promise.reject(new Error(`unexpected ${key}`))),
  });
}

describe('dispatch', () => {
  it('rejects messages that are not our envelope', async () => {
    const result = await dispatch({ hello: 1 }, extension, handlersWith({}));
    expect(result).toEqual({ ok: false, error: { code: 'invalid-message', message: 'Unknown message.' } });
  });

  it('rejects unknown calls', async () => {
    const result = await dispatch({ backstory: 1, call: 'db.drop', params: {} }, extension, handlersWith({}));
    expect(result.ok).toBe(false);
  });

  it('rejects params that fail the schema, naming the field', async () => {
    const result = await dispatch({ backstory: 1, call: 'page.report', params: { title: 't', counts: { a: -1 }, marks: 0, capped: false } }, content, handlersWith({}));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-message');
      expect(result.error.message).toContain('counts.a');
    }
  });

  it('takes "Tab reaches names" as a boolean only', async () => {
    const update = vi.fn(async () => null as never);
    const bad = await dispatch({ backstory: 1, call: 'settings.update', params: { patch: { tabToMarks: 'yes' } } }, extension, handlersWith({ 'settings.update': update }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-message', message: expect.stringContaining('tabToMarks') } });
    expect(update).not.toHaveBeenCalled();
    const good = await dispatch({ backstory: 1, call: 'settings.update', params: { patch: { tabToMarks: true } } }, extension, handlersWith({ 'settings.update': update }));
    expect(good.ok).toBe(true);
    expect(update).toHaveBeenCalledWith({ patch: { tabToMarks: true } }, extension);
  });

  it('takes a page part only with an index below its count of parts', async () => {
    const match = vi.fn(async () => ({ matches: [], entries: {}, held: true as const }));
    const send = (part: object) => dispatch({ backstory: 1, call: 'page.match', params: { text: 'Putin', bounds: [0, 5], exclude: [], part } }, content, handlersWith({ 'page.match': match }));
    expect(await send({ pass: 'p', index: 2, count: 2, at: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await send({ pass: 'p', index: 0, count: 1, at: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(await send({ pass: '', index: 0, count: 2, at: 0 })).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(match).not.toHaveBeenCalled();
    expect(await send({ pass: 'p', index: 1, count: 2, at: 6 })).toMatchObject({ ok: true });
  });

  it('rejects extra keys (strict objects)', async () => {
    const result = await dispatch({ backstory: 1, call: 'settings.get', params: { url: 'https://other.example' } }, content, handlersWith({}));
    expect(result.ok).toBe(false);
  });

  it('forbids calls from the wrong kind of sender', async () => {
    const clear = vi.fn();
    const result = await dispatch({ backstory: 1, call: 'highlights.clear', params: {} }, content, handlersWith({ 'highlights.clear': clear }));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(clear).not.toHaveBeenCalled();
  });

  it('passes the trusted sender to the handler and wraps the value', async () => {
    const report = vi.fn(async () => null);
    const params = { title: 'A page', counts: { 'vladimir-putin': 2 }, marks: 2, capped: false };
    const result = await dispatch({ backstory: 1, call: 'page.report', params }, content, handlersWith({ 'page.report': report }));
    expect(result).toEqual({ ok: true, value: null });
    expect(report).toHaveBeenCalledWith(params, content);
  });

  it('returns thrown failures as values', async () => {
    const result = await dispatch({ backstory: 1, call: 'corpus.entry', params: { id: 'nobody' } }, content, handlersWith({ 'corpus.entry': () => Promise.reject(new CallFailure('not-found', 'No entry with id nobody.')) }));
    expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'No entry with id nobody.' } });
  });

  it('reports a full disk as quota-exceeded, not as a crash', async () => {
    const result = await dispatch({ backstory: 1, call: 'settings.get', params: {} }, extension, handlersWith({ 'settings.get': () => Promise.reject(new DOMException('full', 'QuotaExceededError')) }));
    expect(result).toMatchObject({ ok: false, error: { code: 'quota-exceeded' } });
  });
});
