/**
 * A flow that ends, deep inside, with a different successful answer than its caller builds: a
 * sign-in that must wait for a second factor answers the challenge instead of tokens. Thrown from
 * the one place every sign-in passes (SessionIssuer.signIn), so no caller can forget to handle it
 * and hand out a session anyway; the global filter sends `body` with `status`, uncached.
 */
export class AlternativeAnswer extends Error {
  constructor(
    readonly status: number,
    readonly body: object,
  ) {
    super('alternative answer');
    this.name = 'AlternativeAnswer';
  }
}
