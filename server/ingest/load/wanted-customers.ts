import type { CustomerRecord } from '../types';

type Named = { customerExternalId?: string | null; customer?: Omit<CustomerRecord, 'externalId'> };

/** The customers a batch names, in first-appearance order, with the fields rows carry about them. */
export function wantedCustomers(batch: readonly Named[]): Map<string, Named['customer']> {
  const wanted = new Map<string, Named['customer']>();
  let last: string | null | undefined = null;
  for (const row of batch) {
    const id = row.customerExternalId;
    if (id === last) continue; // the lines of an invoice name one customer: no lookup for each of them
    last = id;
    if (id != null && !wanted.has(id)) wanted.set(id, row.customer);
  }
  return wanted;
}
