import { describeStartupError } from './startup-error';

describe('describeStartupError', () => {
  it('never prints undefined, whatever was thrown', () => {
    for (const thrown of [undefined, null, '', new Error(''), new AggregateError([], '')]) {
      const text = describeStartupError(thrown);
      expect(text).not.toMatch(/^(undefined|null)?$/);
      expect(text).not.toContain('undefined');
    }
  });

  it('spells out what an empty message hides: the errno code, the causes, an AggregateError’s errors', () => {
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    expect(describeStartupError(new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')], ''))).toBe(
      'connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432',
    );
    expect(describeStartupError(Object.assign(new Error('listen failed'), { code: 'EADDRINUSE' }))).toBe('listen failed (EADDRINUSE)');
    expect(describeStartupError(new Error('migrations failed', { cause: new Error('relation exists') }))).toBe('migrations failed: relation exists');
  });
});
