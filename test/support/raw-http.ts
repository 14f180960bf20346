import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Header names lower-cased; a repeated header keeps its last value. */
  headers: Record<string, string>;
  /** Everything after the head, as received (chunk framing included). */
  body: string;
  /** The whole response as received. */
  raw: string;
}

/**
 * Sends exactly the bytes given as the request target, which fetch and http.request won't do
 * (they normalise `..`, drop `#`, refuse control characters): what an attacker's client sends.
 */
export function rawRequest(baseUrl: string, method: string, target: string | Buffer, options: { headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  const body = options.body === undefined ? undefined : Buffer.from(options.body, 'utf8');
  const head = [`Host: ${hostname}:${port}`, 'Connection: close', ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}`)];
  if (body) head.push(`Content-Length: ${body.length}`);
  const request = Buffer.concat([
    Buffer.from(`${method} `, 'latin1'),
    typeof target === 'string' ? Buffer.from(target, 'utf8') : target,
    Buffer.from(` HTTP/1.1\r\n${head.join('\r\n')}\r\n\r\n`, 'latin1'),
    body ?? Buffer.alloc(0),
  ]);
  return sendRaw(baseUrl, request, `${method} ${target.toString()}`);
}

/** Writes `wire` to the server as it is and reads the response until the server closes. */
export function sendRaw(baseUrl: string, wire: Buffer, label = 'a raw request'): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.setTimeout(15_000, () => socket.destroy(new Error(`no answer to ${label}`)));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', (error: NodeJS.ErrnoException) => {
      // The server may answer and close before it has read everything sent.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') finish();
      else reject(error);
    });
    socket.once('end', finish);
    socket.write(wire);
    function finish(): void {
      const raw = Buffer.concat(chunks).toString('latin1');
      const headEnd = raw.indexOf('\r\n\r\n');
      const [statusLine, ...headerLines] = raw.slice(0, headEnd === -1 ? raw.length : headEnd).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1] ?? 0), headers, body: headEnd === -1 ? '' : raw.slice(headEnd + 4), raw });
    }
  });
}
