import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { AccessLog, createLogger, PinoNestLogger, scrubSecrets } from './logger';

function capture(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger('info', { write: (line: string) => void lines.push(line) }) };
}

describe('access log', () => {
  it('writes one JSON line per request, without the query string and with secret shapes scrubbed', () => {
    const lines: string[] = [];
    new AccessLog('info', { write: (line: string) => void lines.push(line) }).write({
      requestId: 'r-1',
      method: 'GET',
      path: `/api/x/bffrt_${'a'.repeat(43)}`,
      statusCode: 200,
      ms: 3,
    });
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'info', requestId: 'r-1', method: 'GET', path: '/api/x/[Redacted]', statusCode: 200, ms: 3, msg: 'request completed' });
    expect(lines[0].endsWith('\n')).toBe(true);
  });

  it('reaches a buffered file within a second although the buffer is far from full', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'access-log-')), 'access.log');
    const destination = pino.destination({ dest: file, sync: false, minLength: 4096 });
    await new Promise((resolve) => destination.once('ready', resolve));
    const accessLog = new AccessLog('info', destination);
    try {
      const writtenAt = Date.now();
      accessLog.write({ requestId: 'late-line', method: 'GET', path: '/api/articles', statusCode: 200, ms: 1 });
      expect(readFileSync(file, 'utf8')).toBe('');

      while (!readFileSync(file, 'utf8').includes('late-line')) {
        if (Date.now() - writtenAt > 1500) throw new Error('the access log line was not flushed within 1.5 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      accessLog.close();
      destination.end();
    }
  });

  it('is silent above the info level', () => {
    const lines: string[] = [];
    new AccessLog('warn', { write: (line: string) => void lines.push(line) }).write({ requestId: 'r', method: 'GET', path: '/', statusCode: 200, ms: 1 });
    expect(lines).toEqual([]);
  });
});

describe('logger redaction', () => {
  it('redacts secret fields wherever they sit in a structured log', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        password: 'hunter2-password',
        refreshToken: 'bffrt_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
        body: { password: 'nested-password', jwt: 'nested-jwt-value' },
        req: { headers: { authorization: 'Bearer abc.def.ghi', cookie: 'sid=cookie-value' } },
      },
      'event',
    );
    const output = lines.join('');
    for (const secret of ['hunter2-password', 'bffrt_aaaa', 'nested-password', 'nested-jwt-value', 'abc.def.ghi', 'cookie-value']) {
      expect(output).not.toContain(secret);
    }
    expect(output).toContain('[Redacted]');
  });

  it('scrubs bearer values, JWTs and refresh tokens out of free text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MSwiaWF0IjoxfQ.c2lnbmF0dXJlLXZhbHVl';
    expect(scrubSecrets(`failed with Bearer abc123 and ${jwt} and bffrt_${'x'.repeat(43)}`)).toBe(
      'failed with [Redacted] and [Redacted] and [Redacted]',
    );
  });

  it('keeps second-factor secrets out: mfaTokens, TOTP secrets and otpauth URLs, recovery codes', () => {
    const { lines, logger } = capture();
    logger.info({ mfaToken: 'bffmfa_field', body: { secret: 'JBSWY3DPEHPK3PXP', recoveryCodes: ['aaaa-bbbb-cccc'] } }, 'event');
    expect(lines.join('')).not.toMatch(/bffmfa_field|JBSWY3DPEHPK3PXP|aaaa-bbbb-cccc/);
    expect(scrubSecrets(`challenge bffmfa_${'y'.repeat(43)} for otpauth://totp/x:a%40b?secret=JBSWY3DPEHPK3PXP&issuer=x`)).toBe('challenge [Redacted] for [Redacted]');
  });

  it('keeps Nest log calls structured and scrubbed', () => {
    const { lines, logger } = capture();
    new PinoNestLogger(logger).warn({ event: 'x', token: 'opaque' }, 'saw Bearer sekret', 'SomeContext');
    const entry = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(entry).toMatchObject({ event: 'x', token: '[Redacted]', context: 'SomeContext', level: 'warn' });
    expect(lines[0]).not.toContain('sekret');
  });

  it("logs Nest's route mappings at debug, and its other lines at info", () => {
    const lines: string[] = [];
    const nest = new PinoNestLogger(createLogger('debug', { write: (line: string) => void lines.push(line) }));
    nest.log('HealthController {/health}:', 'RoutesResolver');
    nest.log('Mapped {/health/live, GET} route', 'RouterExplorer');
    nest.log('Nest application successfully started', 'NestApplication');
    expect(lines.map((line) => (JSON.parse(line) as { level: string }).level)).toEqual(['debug', 'debug', 'info']);
  });
});
