import { GraphQLError, Kind, OperationTypeNode, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * users-permissions' GraphQL mutations whose payload carries Strapi's own JWT (SECURITY.md #23):
 * the same leak as `/api/auth/**`, on another channel. The BFF's /auth/* routes replace them.
 */
export const AUTH_MUTATIONS: ReadonlySet<string> = new Set(['login', 'register', 'changePassword', 'resetPassword', 'forgotPassword', 'emailConfirmation']);

/** Far more than any real query; it bounds the parser's work on hostile input. */
const MAX_TOKENS = 20_000;

export type GraphqlVerdict = { ok: true } | { ok: false; refusal: 'auth_mutation' | 'unparseable'; message: string };

const unparseable = (message: string): GraphqlVerdict => ({ ok: false, refusal: 'unparseable', message });

/**
 * Judges a GraphQL request payload: one operation object or a batch of them, each with a `query`
 * string. A payload the BFF can't read (no query, a persisted-query hash alone, bad syntax) is
 * refused: forwarding what it can't judge would let the auth mutations through.
 */
export function judgeGraphqlPayload(payload: unknown): GraphqlVerdict {
  const operations = Array.isArray(payload) ? payload : [payload];
  if (operations.length === 0) return unparseable('An empty GraphQL batch');
  for (const operation of operations) {
    if (typeof operation !== 'object' || operation === null || Array.isArray(operation)) return unparseable('Each GraphQL operation must be a JSON object');
    const query = (operation as { query?: unknown }).query;
    if (typeof query !== 'string' || query.trim() === '') return unparseable('Each GraphQL operation needs a `query` string (persisted queries are not forwarded)');
    const verdict = judgeGraphqlQuery(query);
    if (!verdict.ok) return verdict;
  }
  return { ok: true };
}

/** Judges one GraphQL document: refused if any mutation in it selects an auth mutation, however aliased or fragmented. */
export function judgeGraphqlQuery(query: string): GraphqlVerdict {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true, maxTokens: MAX_TOKENS });
  } catch (error) {
    return unparseable(error instanceof GraphQLError ? `The GraphQL query can't be parsed: ${error.message}` : 'The GraphQL query can’t be parsed');
  }
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.operation !== OperationTypeNode.MUTATION) continue;
    const selected = rootFields(definition.selectionSet, fragments, new Set());
    const blocked = selected.find((name) => AUTH_MUTATIONS.has(name));
    if (blocked) {
      return { ok: false, refusal: 'auth_mutation', message: `The ${blocked} mutation is not forwarded: use the BFF’s /auth/* endpoints, which keep Strapi’s token server-side` };
    }
  }
  return { ok: true };
}

/** The field names a selection set selects at its own level, through fragment spreads and inline fragments. */
function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, visiting: Set<string>): string[] {
  const names: string[] = [];
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) names.push(selection.name.value);
    else if (selection.kind === Kind.INLINE_FRAGMENT) names.push(...rootFields(selection.selectionSet, fragments, visiting));
    else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // An unknown or cyclic spread is invalid GraphQL; Strapi refuses it, and it adds no field here.
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      names.push(...rootFields(fragment.selectionSet, fragments, visiting));
      visiting.delete(name);
    }
  }
  return names;
}
