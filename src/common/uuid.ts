const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Session ids are UUIDs; anything else can't name a session, so it is answered before any query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
