/** The mixed read load: what a CRM page with the four widgets and a customer drawer asks for. */
export interface LoadQuery {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export function mixedQueries(customerId: string): LoadQuery[] {
  return [
    { name: 'customers page', query: 'query CustomersPage { customers(first: 20) { totalCount edges { cursor node { id externalId name rfm { segment r f m } } } pageInfo { hasNextPage endCursor } } }' },
    { name: 'rfm', query: 'query Rfm { rfm { asOf customerCount segments { name customerCount share recency { mean } monetary { mean } } } }' },
    { name: 'cohorts', query: 'query Cohorts { cohorts(period: MONTH, metric: RETENTION) { cohorts { start size values } } }' },
    { name: 'interactions page', query: 'query InteractionsPage { interactions(first: 20) { totalCount edges { node { externalId channel occurredAt text sentiment { label } } } } }' },
    { name: 'network influencers', query: 'query Influencers { network { modularity influencers(first: 10) { customer { externalId name } pageRank score } } }' },
    { name: 'customer by id', query: 'query Customer($id: ID!) { customer(id: $id) { externalId name rfm { recency frequency monetary segment } community { id } influence { rank score } } }', variables: { id: customerId } },
  ];
}
