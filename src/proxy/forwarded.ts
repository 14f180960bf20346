import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

export interface ClientOrigin {
  ip: string;
  protocol: 'http' | 'https';
}

function first(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw?.split(',')[0]?.trim() || undefined;
}

/**
 * Who the client is, believing X-Forwarded-For and -Proto only from the proxies TRUST_PROXY names,
 * with the same rules as Fastify uses for the rest of the app. (The host the BFF is reached at is
 * configuration, PUBLIC_URL, never a header.)
 */
export function clientOriginResolver(trustProxy: boolean | string[]): (request: IncomingMessage) => ClientOrigin {
  const trust: (address: string, hop: number) => boolean =
    trustProxy === true ? () => true : trustProxy === false ? () => false : proxyAddr.compile(trustProxy);
  return (request) => {
    const peer = request.socket.remoteAddress ?? '';
    const peerTrusted = trust(peer, 0);
    const forwardedProto = peerTrusted ? first(request.headers['x-forwarded-proto']) : undefined;
    const encrypted = (request.socket as Partial<TLSSocket>).encrypted === true;
    return {
      ip: peerTrusted ? proxyAddr(request, trust) : peer,
      protocol: forwardedProto === 'https' || (forwardedProto === undefined && encrypted) ? 'https' : 'http',
    };
  };
}
