import { CommandError, UsageError } from './fail';

/** The GraphQL endpoint of `--server URL`; `localhost:4000` without a scheme would parse as a scheme, so it is refused. */
export function graphqlUrl(server: string): URL {
  let url: URL;
  try {
    url = new URL('/graphql', server);
  } catch {
    throw new UsageError('--server must be a URL like http://host:port.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError('--server must be a URL like http://host:port.');
  return url;
}

/** One request to a running server; a server that cannot be reached is a plain CommandError. */
export async function callServer(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { method: 'POST', ...init });
  } catch (err) {
    throw new CommandError(`Cannot reach the Rapport server at ${url.origin}: ${(err as Error).message}.`);
  }
}

/** The tenant a key acts for, as the server names it in `X-Rapport-Tenant` (the key itself does not say). */
export async function keyTenant(url: URL, key: string): Promise<string> {
  const response = await callServer(url, {
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  const tenant = response.headers.get('x-rapport-tenant');
  if (tenant) return tenant;
  const body = (await response.json().catch(() => null)) as { errors?: { message: string }[] } | null;
  throw new CommandError(`The server at ${url.origin} refused the key: ${body?.errors?.map((e) => e.message).join(' ') ?? `HTTP ${response.status}`}`);
}
