/**
 * Dispatches protocol messages to handlers: validate, authorise, run, and turn
 * every failure into an error value.
 */
import * as v from 'valibot';
import { CALL_SENDERS, isEnvelope, type CallError, type CallMap, type CallName, type CallResult } from '../shared/protocol';
import { InvalidHighlightError } from '../shared/highlight-rules';
import { PARAM_SCHEMAS } from './message-schemas';
import type { Sender } from './sender';

/** An error a handler throws on purpose, with the code the caller sees. */
export class CallFailure extends Error {
  constructor(
    readonly code: CallError['code'],
    message: string,
  ) {
    super(message);
  }
}

/** A handler for one call. */
export type Handler<K extends CallName> = (params: CallMap[K]['params'], sender: Sender) => Promise<CallMap[K]['result']>;

/** Handlers for every call. */
export type Handlers = { [K in CallName]: Handler<K> };

function toCallError(error: unknown): CallError {
  if (error instanceof CallFailure) return { code: error.code, message: error.message };
  if (error instanceof InvalidHighlightError) return { code: 'invalid-message', message: error.message };
  if (error instanceof DOMException && error.name === 'QuotaExceededError') {
    return { code: 'quota-exceeded', message: 'Your disk is full: the browser refused to store more. Free some space or delete old highlights, then try again.' };
  }
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** Handles one incoming message. Never throws. */
export async function dispatch(message: unknown, sender: Sender, handlers: Handlers): Promise<CallResult<unknown>> {
  if (!isEnvelope(message) || !Object.hasOwn(PARAM_SCHEMAS, message.call)) {
    return { ok: false, error: { code: 'invalid-message', message: 'Unknown message.' } };
  }
  const call = message.call as CallName;
  if (!CALL_SENDERS[call].includes(sender.kind)) {
    return { ok: false, error: { code: 'forbidden', message: `${call} may not be sent from a ${sender.kind} context.` } };
  }
  const parsed = v.safeParse(PARAM_SCHEMAS[call], message.params);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    return { ok: false, error: { code: 'invalid-message', message: `${call}: ${where ? where + ': ' : ''}${issue.message}` } };
  }
  try {
    const handler = handlers[call] as Handler<CallName>;
    const value = await handler(parsed.output as never, sender);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toCallError(error) };
  }
}
