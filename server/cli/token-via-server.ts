import { CommandError } from './fail';
import { callServer, graphqlUrl } from './server-call';

const MINT = `mutation Mint($origin: String, $customers: [ID!], $operations: [String!], $ttlSeconds: Int) {
  createEmbedToken(origin: $origin, customers: $customers, operations: $operations, ttlSeconds: $ttlSeconds) { token expiresAt }
}`;

export interface ServerMint {
  key: string;
  origin: string | null;
  externalIds?: string[];
  operations: string[] | null;
  ttlSeconds: number;
}

/** `rapport token --server URL`: minted by a running server (whose PGlite store this process cannot open). */
export async function mintViaServer(server: string, mint: ServerMint): Promise<{ token: string; expiresAt: string }> {
  const url = graphqlUrl(server);
  const call = async (query: string, variables: Record<string, unknown>) => {
    const response = await callServer(url, {
      headers: { 'content-type': 'application/json', authorization: `Bearer ${mint.key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => null)) as { data?: any; errors?: { message: string }[] } | null;
    if (body?.errors?.length || !body?.data) {
      throw new CommandError(`The server at ${url.origin} refused: ${body?.errors?.map((e) => e.message).join(' ') ?? `HTTP ${response.status}`}`);
    }
    return body.data;
  };
  let customers: string[] | null = null;
  if (mint.externalIds?.length) {
    customers = [];
    for (const externalId of mint.externalIds) {
      const data = await call(`query($e: String!) { customerByExternalId(externalId: $e) { id } }`, { e: externalId });
      if (!data.customerByExternalId) throw new CommandError(`The key's tenant has no customer ${externalId}.`);
      customers.push(data.customerByExternalId.id);
    }
  }
  const data = await call(MINT, { origin: mint.origin, customers, operations: mint.operations, ttlSeconds: mint.ttlSeconds });
  return data.createEmbedToken;
}
