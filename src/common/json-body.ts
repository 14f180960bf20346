import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error';

/** Our request bodies are flat objects; anything nested deeper is refused before it is parsed. */
export const MAX_JSON_DEPTH = 20;

/** The deepest nesting of objects and arrays in a JSON text, counted without parsing it. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

/**
 * The app's routes take JSON and nothing else: an urlencoded or text/plain body (what a cross-site
 * form can send) gets 415. JSON keeps Fastify's parser, with its prototype-poisoning guard, behind
 * a depth check, so a deeply nested body is a 400 rather than a stack overflow further on.
 */
export function acceptJsonOnly(fastify: FastifyInstance, bodyLimit: number): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(new AppError('validation_failed', `JSON nested deeper than ${MAX_JSON_DEPTH} levels is not accepted`), undefined);
      return;
    }
    void parse(request, text, done);
  });
}
