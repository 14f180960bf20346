/**
 * Whether a request can be sent a second time with the same body. Strings, bytes, Blobs, form
 * data and URL parameters can; a stream (or a `Request` that carries one) has been read by the
 * first send, and anything unknown is treated the same way.
 */
export function canReplay(input: RequestInfo | URL, init: RequestInit | undefined): boolean {
  if (init && 'body' in init && init.body !== undefined) return isReusableBody(init.body);
  if (typeof input === 'object' && !(input instanceof URL) && 'body' in input) return input.body === null;
  return true;
}

function isReusableBody(body: BodyInit | null): boolean {
  if (body === null || typeof body === 'string') return true;
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) return true;
  if (typeof Blob !== 'undefined' && body instanceof Blob) return true;
  if (typeof FormData !== 'undefined' && body instanceof FormData) return true;
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) return true;
  return false;
}
