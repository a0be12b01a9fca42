import { render } from 'lit';
import { Rapport } from '../widgets/index.js';
import { customer, customerPage } from './api.js';
import type { CustomerRow } from './api.js';
import { dashboard } from './views/dashboard.js';
import type { DashboardState } from './views/dashboard.js';
import { customers } from './views/customers.js';
import type { CustomersState } from './views/customers.js';
import { customerPage as customerView } from './views/customer.js';
import { community } from './views/community.js';
import type { CommunityNote } from './views/community.js';
import { conversations } from './views/conversations.js';

// Same-origin API; `npm start` runs the server in --dev mode, so loopback needs no token.
Rapport.configure({ endpoint: '/graphql' });

const app = document.getElementById('app')!;
const board: DashboardState = { period: 'MONTH', metric: 'RETENTION' };
let list: CustomersState = { rows: [], loading: false };
let current: { id: string; row?: CustomerRow | null; error?: string } | undefined;
let communityNote: CommunityNote = { text: '' };
let localClassify = false;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function loadCustomers(reset: boolean): Promise<void> {
  list = { ...list, loading: true, error: undefined, ...(reset ? { rows: [], page: undefined } : {}) };
  draw();
  try {
    const page = await customerPage({ segment: list.segment, search: list.search, after: reset ? undefined : (list.page?.pageInfo.endCursor ?? undefined) });
    list = { ...list, page, rows: [...list.rows, ...page.rows], loading: false };
  } catch (e) {
    list = { ...list, error: message(e), loading: false };
  }
  draw();
}

function route(): void {
  const [path = '', query = ''] = location.hash.slice(1).split('?');
  const params = new URLSearchParams(query);
  const match = /^\/customers\/(.+)$/.exec(path);
  if (match) {
    const id = decodeURIComponent(match[1]!);
    current = { id };
    customer(id).then(
      (row) => (current?.id === id ? ((current.row = row), draw()) : undefined),
      (e) => (current?.id === id ? ((current.error = message(e)), draw()) : undefined),
    );
  } else if (path.startsWith('/customers')) {
    list = { ...list, segment: params.get('segment') ?? undefined, search: params.get('search') ?? undefined };
    void loadCustomers(true);
  }
  draw();
  app.focus({ preventScroll: true });
}

function draw(): void {
  const path = location.hash.slice(1).split('?')[0] ?? '';
  const section = path.startsWith('/customers') ? 'customers' : path === '/community' ? 'community' : path === '/conversations' ? 'conversations' : 'dashboard';
  for (const link of document.querySelectorAll<HTMLAnchorElement>('.sidebar a[data-route]')) {
    if (link.dataset.route === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (/^\/customers\/.+/.test(path)) render(customerView(current?.row, current?.error), app);
  else if (section === 'community') render(community(communityNote, (note) => ((communityNote = note), draw())), app);
  else if (section === 'conversations') render(conversations(localClassify, (on) => ((localClassify = on), draw())), app);
  else if (section === 'customers')
    render(
      customers(list, {
        filter: (segment, search) => {
          const q = new URLSearchParams();
          if (segment) q.set('segment', segment);
          if (search) q.set('search', search);
          location.hash = `#/customers${q.size ? `?${q}` : ''}`;
        },
        more: () => void loadCustomers(false),
      }),
      app,
    );
  else render(dashboard(board, (next) => (Object.assign(board, next), draw())), app);
}

addEventListener('hashchange', route);
route();
