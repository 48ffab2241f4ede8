import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** The largest JSON body accepted: a fact with fifty long sources is well under it. */
export const JSON_BODY_LIMIT = '256kb';
/** How deeply a JSON body may nest; the deepest fact of the catalogue nests 6 levels. */
export const MAX_JSON_DEPTH = 32;
const JSON_TYPES = ['application/json', 'application/*+json'];
/** Keys that would reach an object's prototype when a body is copied onto a class instance. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A client error found in a body, with the status body-parser gives its own (http-errors' shape). */
class BodyError extends Error {
  readonly expose = true;
  constructor(
    readonly status: number,
    message: string,
    readonly problem?: { readonly path: string; readonly reason: string },
  ) {
    super(message);
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * body-parser's `verify` hook, run on the raw bytes before JSON.parse: refuses bytes that are not UTF-8 (which
 * would otherwise become U+FFFD silently) and nesting deeper than MAX_JSON_DEPTH, counted by a flat scan so that
 * no recursive walk ever sees a hostile body.
 */
export function verifyJsonBytes(_request: IncomingMessage, _response: unknown, bytes: Buffer): void {
  try {
    strictUtf8.decode(bytes);
  } catch {
    throw new BodyError(400, 'the body is not valid UTF-8');
  }
  if (depthExceeds(bytes, MAX_JSON_DEPTH))
    throw new BodyError(400, `the body nests deeper than ${MAX_JSON_DEPTH} levels`);
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x5b, 0x7b]);
const CLOSERS = new Set([0x5d, 0x7d]);

function depthExceeds(bytes: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPENERS.has(byte)) {
      if (++depth > max) return true;
    } else if (CLOSERS.has(byte)) depth--;
  }
  return false;
}

/**
 * After parsing: refuses keys that reach a prototype (the CLI's door refuses them too, and the validation pipe
 * would drop them silently) and normalises every text to NFC, so that the same words are stored as the same
 * characters. The walk is iterative; the depth is already bounded.
 */
export function safeJsonBody(request: Request, _response: Response, next: NextFunction): void {
  if (hasBody(request) && request.is(JSON_TYPES) === false) {
    next(
      new BodyError(
        415,
        `the body must be JSON (Content-Type: application/json), got ${String(request.headers['content-type'] ?? 'no Content-Type').slice(0, 60)}`,
      ),
    );
    return;
  }
  const body: unknown = request.body;
  if (typeof body !== 'object' || body === null) {
    next();
    return;
  }
  const pending: { value: Record<string, unknown> | unknown[]; path: string }[] = [
    { value: body as Record<string, unknown>, path: '' },
  ];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    const { value, path } = item;
    for (const key of Object.keys(value)) {
      const at = Array.isArray(value) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
      if (UNSAFE_KEYS.has(key)) {
        next(
          new BodyError(400, `${at}: is not allowed as a field name`, {
            path: at,
            reason: 'is not allowed as a field name',
          }),
        );
        return;
      }
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'string') (value as Record<string, unknown>)[key] = child.normalize('NFC');
      else if (typeof child === 'object' && child !== null)
        pending.push({ value: child as Record<string, unknown>, path: at });
    }
  }
  next();
}

/** RFC 9110: a request has a body when it says how long (and not zero) or that it is chunked. */
function hasBody(request: Request): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0
  );
}

/** Is this one of the client errors body-parser (or the checks above) reports, with its status? */
export function isBodyError(
  error: unknown,
): error is { status: number; message: string; expose: true; problem?: { path: string; reason: string } } {
  if (typeof error !== 'object' || error === null) return false;
  const { status, expose } = error as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500;
}
