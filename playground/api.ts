import { RapportClient, RapportError } from '../widgets/index.js';

export interface CustomerRfm {
  recency: number;
  frequency: number;
  monetary: number;
  r: number;
  f: number;
  m: number;
  segment: string;
}

export interface CustomerRow {
  id: string;
  externalId: string;
  name: string | null;
  email?: string | null;
  country?: string | null;
  rfm?: CustomerRfm | null;
}

export interface CustomerPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  rows: CustomerRow[];
}

const client = new RapportClient({ endpoint: '/graphql' });
const BASIC = 'id externalId name email country';
const FIELDS = `${BASIC} rfm { recency frequency monetary r f m segment }`;

/** Asks for the customer's RFM too; a server without `Customer.rfm` still gets a working page. */
async function withRfm<T>(run: (fields: string) => Promise<T>): Promise<T> {
  try {
    return await run(FIELDS);
  } catch (error) {
    if (error instanceof RapportError && error.code === 'GRAPHQL' && /rfm/.test(error.message)) return run(BASIC);
    throw error;
  }
}

export async function customerPage(options: { after?: string; segment?: string; search?: string }): Promise<CustomerPage> {
  const defs: string[] = [];
  const args = ['first: 25'];
  const variables: Record<string, string> = {};
  for (const key of ['after', 'segment', 'search'] as const) {
    const value = options[key];
    if (!value) continue;
    defs.push(`$${key}: String`);
    args.push(`${key}: $${key}`);
    variables[key] = value;
  }
  const query = (fields: string) => `query PlaygroundCustomers${defs.length ? `(${defs.join(', ')})` : ''} {
    customers(${args.join(', ')}) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${fields} } } }
  }`;
  type Result = { customers: { totalCount: number; pageInfo: CustomerPage['pageInfo']; edges: { node: CustomerRow }[] } };
  const data = await withRfm((fields) => client.query<Result>(query(fields), variables));
  return { ...data.customers, rows: data.customers.edges.map((e) => e.node) };
}

export async function customer(id: string): Promise<CustomerRow | null> {
  const data = await withRfm((fields) =>
    client.query<{ customer: CustomerRow | null }>(`query PlaygroundCustomer($id: ID!) { customer(id: $id) { ${fields} } }`, { id }),
  );
  return data.customer;
}
