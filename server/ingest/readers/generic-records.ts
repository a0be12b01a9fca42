import {
  CHANNELS,
  isRelationshipKind,
  RELATIONSHIP_KIND_RULE,
  SENTIMENTS,
  type CustomerRecord,
  type Direction,
  type InteractionRecord,
  type OrderRecord,
  type RecordKind,
  type RelationshipRecord,
} from '../types';
import { FieldError } from './field-error';
import type { FieldSource } from './generic-fields';
import {
  attributes,
  bool,
  choice,
  date,
  number,
  requiredDate,
  requiredNumber,
  requiredText,
  text,
} from './generic-values';
import type { ReaderOptions } from './format';
import { LineCounter, roundCents } from './values';

/**
 * The documented columns of the generic `csv` and `jsonl` formats, one mapper per kind (see README.md).
 */

/** Columns a header must have for the kind; `a|b` means either. */
export const REQUIRED_COLUMNS: Record<RecordKind, readonly string[]> = {
  customers: ['external_id|customer_id'],
  orders: ['invoice', 'ordered_at', 'quantity', 'unit_price|amount'],
  interactions: ['external_id', 'channel', 'occurred_at', 'text'],
  relationships: ['source', 'target'],
};

const DIRECTIONS: readonly Direction[] = ['inbound', 'outbound'];

const CUSTOMER_KEYS = new Set(['external_id', 'customer_id', 'name', 'handle', 'email', 'country']);
const INTERACTION_KEYS = new Set([
  'external_id', 'channel', 'direction', 'occurred_at', 'text', 'author', 'customer_id', 'gold_label',
]);

export type GenericMapper = (f: FieldSource) => CustomerRecord | OrderRecord | InteractionRecord | RelationshipRecord;

export function genericMapper(kind: RecordKind, options: ReaderOptions): GenericMapper {
  switch (kind) {
    case 'customers':
      return customer;
    case 'orders':
      return orderMapper();
    case 'interactions':
      return interaction;
    case 'relationships':
      return relationshipMapper(options.kindOption ?? 'follows');
  }
}

function customer(f: FieldSource): CustomerRecord {
  // A customer list often names its id column customer_id, as orders do.
  const idKey = f.get('external_id') === undefined && f.get('customer_id') !== undefined ? 'customer_id' : 'external_id';
  return {
    externalId: requiredText(f, idKey),
    name: text(f, 'name'),
    handle: text(f, 'handle'),
    email: text(f, 'email'),
    country: text(f, 'country'),
    attributes: attributes(f, CUSTOMER_KEYS),
  };
}

function orderMapper(): (f: FieldSource) => OrderRecord {
  // Without a `line` column, lineNo counts lines per invoice: one Map entry per distinct invoice.
  const lineNos = new LineCounter();
  return (f) => {
    const invoice = requiredText(f, 'invoice');
    const counted = lineNos.next(invoice);
    const given = number(f, 'line');
    if (given !== null && (!Number.isInteger(given) || given < 1)) {
      throw new FieldError(f.position('line'), `line "${given}" is not a whole number of 1 or more`, 'line');
    }
    const orderedAt = requiredDate(f, 'ordered_at');
    const quantity = requiredNumber(f, 'quantity');
    const price = number(f, 'unit_price');
    const stated = number(f, 'amount');
    if (price === null && stated === null) throw new FieldError(f.position('unit_price'), 'unit_price is empty', 'unit_price');
    const unitPrice = price ?? (quantity === 0 ? 0 : stated! / quantity);
    const customerExternalId = text(f, 'customer_id');
    const name = text(f, 'customer_name');
    const email = text(f, 'customer_email');
    const country = text(f, 'country');
    return {
      invoice,
      lineNo: given ?? counted,
      customerExternalId,
      orderedAt,
      quantity,
      unitPrice,
      amount: stated ?? roundCents(quantity * unitPrice),
      product: text(f, 'product'),
      description: text(f, 'description'),
      cancelled: bool(f, 'cancelled') ?? false,
      customer: customerExternalId !== null && (name ?? email ?? country) !== null ? { name, email, country } : undefined,
    };
  };
}

function interaction(f: FieldSource): InteractionRecord {
  const externalId = requiredText(f, 'external_id');
  const channel = choice(f, 'channel', CHANNELS);
  if (channel === null) throw new FieldError(f.position('channel'), 'channel is empty', 'channel');
  const body = f.get('text');
  if (body === undefined) throw new FieldError(f.position('text'), 'text is empty', 'text');
  return {
    externalId,
    channel,
    direction: choice(f, 'direction', DIRECTIONS),
    occurredAt: requiredDate(f, 'occurred_at'),
    text: typeof body === 'string' ? body : requiredText(f, 'text'), // free text kept as written
    author: text(f, 'author'),
    customerExternalId: text(f, 'customer_id'),
    goldLabel: choice(f, 'gold_label', SENTIMENTS),
    attributes: attributes(f, INTERACTION_KEYS),
  };
}

function relationshipMapper(defaultKind: string): (f: FieldSource) => RelationshipRecord {
  return (f) => ({
    sourceExternalId: requiredText(f, 'source'),
    targetExternalId: requiredText(f, 'target'),
    kind: relationshipKind(f) ?? defaultKind,
    weight: number(f, 'weight') ?? 1,
    firstSeen: date(f, 'first_seen'),
    lastSeen: date(f, 'last_seen'),
  });
}

/** The row's own kind, held to the store's rule; null when the row states none. */
function relationshipKind(f: FieldSource): string | null {
  const kind = text(f, 'kind');
  if (kind !== null && !isRelationshipKind(kind)) {
    throw new FieldError(f.position('kind'), `kind "${kind}" is not ${RELATIONSHIP_KIND_RULE}`, 'kind');
  }
  return kind;
}

/** A misfit phrase for the documented columns `keys` lacks for the kind, or null. */
export function lackingColumns(keys: ReadonlySet<string>, kind: RecordKind): string | null {
  const missing = REQUIRED_COLUMNS[kind].filter((need) => !need.split('|').some((key) => keys.has(key)));
  return missing.length === 0 ? null : `it lacks the ${kind} column${missing.length > 1 ? 's' : ''} ${missing.map((m) => m.replace('|', ' or ')).join(', ')}`;
}
