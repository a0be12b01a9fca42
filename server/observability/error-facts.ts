/**
 * What the log keeps of an error: its name, message, stack, and for a database error its SQLSTATE `code` and the
 * `constraint`, `table`, `column` and `schema` it names. Never PostgreSQL's `detail` or `where`, which quote row
 * contents (`Failing row contains (…)`, a customer's message text), nor any other property a library attached.
 */
export function errorFacts(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const e = err as Error & { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown; schema?: unknown; errors?: unknown };
  // node reports a refused connection to several addresses as an AggregateError with an empty message.
  const inner = Array.isArray(e.errors) ? e.errors.map((x) => (x instanceof Error ? x.message : String(x))).join('; ') : '';
  const facts: Record<string, unknown> = { name: e.name, message: e.message || inner };
  for (const key of ['code', 'constraint', 'table', 'column', 'schema'] as const) {
    if (typeof e[key] === 'string' || typeof e[key] === 'number') facts[key] = e[key];
  }
  facts.stack = e.stack;
  return facts;
}
