import type { IncomingMessage } from 'node:http';
import { AppError } from '../common/app-error';

export function payloadTooLarge(limit: number): AppError {
  return new AppError('payload_too_large', `The request body is larger than the proxy forwards (${limit} bytes)`);
}

export function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return length !== undefined ? length !== '0' : request.headers['transfer-encoding'] !== undefined;
}

/** A chunked body passed on as it arrives, until it grows past `limit`: then the upload is cut and refused. */
export async function* countedBody(request: IncomingMessage, limit: number): AsyncGenerator<Buffer> {
  let seen = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (seen > limit) throw payloadTooLarge(limit);
    yield chunk;
  }
}

/** The whole body, refused with 413 as soon as it passes `limit`. */
export async function readWhole(request: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let seen = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    seen += chunk.length;
    if (seen > limit) throw payloadTooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** `application/json`, with at most a UTF-8 charset: the only encoding the BFF and Strapi read alike. */
export function isPlainJson(contentType: string | undefined): boolean {
  if (contentType === undefined) return false;
  const [mime, ...params] = contentType.split(';').map((part) => part.trim().toLowerCase());
  if (mime !== 'application/json') return false;
  return params.every((param) => param === '' || param === 'charset=utf-8' || param === 'charset="utf-8"');
}

const GRAPHQL_GET_PARAMS = new Set(['query', 'operationName', 'variables', 'extensions']);

/**
 * The query of a GraphQL GET. Only the standard parameters, each once: a repeated or bracketed
 * `query` could be read one way here and another way by Strapi's query-string parser.
 */
export function graphqlGetQuery(search: string): string {
  const seen = new Set<string>();
  let query: string | undefined;
  for (const [name, value] of new URLSearchParams(search)) {
    if (!GRAPHQL_GET_PARAMS.has(name) || seen.has(name)) {
      throw new AppError('validation_failed', 'A GraphQL GET takes query, operationName, variables and extensions, each at most once');
    }
    seen.add(name);
    if (name === 'query') query = value;
  }
  if (query === undefined || query.trim() === '') throw new AppError('validation_failed', 'A GraphQL GET needs a query parameter (persisted queries are not forwarded)');
  return query;
}
