/** Who is asking: recorded with audit events. Passed explicitly (no AsyncLocalStorage on the hot path). */
export interface RequestContext {
  requestId: string;
  ip: string | undefined;
  userAgent: string | undefined;
}
