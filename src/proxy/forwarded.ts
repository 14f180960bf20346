import proxyAddr from '@fastify/proxy-addr';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

export interface ClientOrigin {
  ip: string;
  protocol: 'http' | 'https';
  host: string;
}

function first(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw?.split(',')[0]?.trim() || undefined;
}

function last(value: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(value) ? value[value.length - 1] : value;
  return raw?.split(',').pop()?.trim() || undefined;
}

/**
 * Who the client is, believing X-Forwarded-* only from the proxies TRUST_PROXY names, with the
 * same rules as Fastify uses for the rest of the app.
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
      host: (peerTrusted ? last(request.headers['x-forwarded-host']) : undefined) ?? request.headers.host ?? '',
    };
  };
}
