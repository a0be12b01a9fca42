import {
  isRelationshipKind,
  RELATIONSHIP_KIND_RULE,
  type CustomerRecord,
  type InteractionRecord,
  type OrderRecord,
  type ParsedRow,
  type RelationshipRecord,
} from '../server/ingest/types';
import { numberProblem, timeProblem } from '../server/ingest/plausible';
import { builder } from './builder';
import { ChannelEnum, DirectionEnum, SentimentEnum } from './interaction';

/** Longest text an interaction may carry; longer texts are rejected rather than truncated silently. */
export const MAX_TEXT_LENGTH = 100_000;
const MAX_ID_LENGTH = 256;

export const CustomerInput = builder.inputType('CustomerInput', {
  fields: (t) => ({
    externalId: t.string({ required: true }),
    name: t.string(),
    handle: t.string(),
    email: t.string(),
    country: t.string(),
    attributes: t.field({ type: 'JSON' }),
  }),
});

export const OrderInput = builder.inputType('OrderInput', {
  description: 'An order line. Lines of one invoice are numbered by `lineNo`, or by their order within the batch.',
  fields: (t) => ({
    invoice: t.string({ required: true }),
    lineNo: t.int(),
    customerExternalId: t.string({ description: 'Omit for a guest order.' }),
    orderedAt: t.field({ type: 'DateTime', required: true }),
    quantity: t.float({ required: true }),
    unitPrice: t.float({ required: true }),
    amount: t.float({ description: 'Defaults to quantity × unit price.' }),
    product: t.string(),
    description: t.string(),
    cancelled: t.boolean({ description: 'Defaults to whether the invoice starts with "C".' }),
  }),
});

export const InteractionInput = builder.inputType('InteractionInput', {
  fields: (t) => ({
    externalId: t.string({ required: true }),
    channel: t.field({ type: ChannelEnum, required: true }),
    direction: t.field({ type: DirectionEnum }),
    occurredAt: t.field({ type: 'DateTime', required: true }),
    text: t.string({ required: true }),
    author: t.string(),
    customerExternalId: t.string(),
    goldLabel: t.field({ type: SentimentEnum }),
  }),
});

export const RelationshipInput = builder.inputType('RelationshipInput', {
  fields: (t) => ({
    source: t.string({ required: true, description: 'External id of the source customer.' }),
    target: t.string({ required: true }),
    kind: t.string({ required: true, description: 'follows, mentions, replies, colleague, referral, …' }),
    weight: t.float(),
    firstSeen: t.field({ type: 'DateTime' }),
    lastSeen: t.field({ type: 'DateTime' }),
  }),
});

type Check = [field: string, problem: string | null];

/** The first failed check as a row error for item `index` (0-based), or null when all pass. */
function firstProblem(index: number, checks: Check[]) {
  const failed = checks.findIndex(([, problem]) => problem !== null);
  if (failed < 0) return null;
  const [field, message] = checks[failed]!;
  return { line: index + 1, error: { line: index + 1, column: failed + 1, field, message: message! } };
}

const requiredId = (label: string, value: string) =>
  !value.trim() ? `${label} must not be empty` : value.length > MAX_ID_LENGTH ? `${label} is longer than ${MAX_ID_LENGTH} characters` : null;
const storable = (label: string, value: number | null | undefined) => {
  const problem = value == null ? null : numberProblem(value);
  return problem === null ? null : `${label} ${problem}`;
};
const plausibleTime = (label: string, value: Date | null | undefined) => {
  const problem = value == null ? null : timeProblem(value.getTime());
  return problem === null ? null : `${label} ${problem}`;
};

export function customerRows(items: (typeof CustomerInput.$inferInput)[]): ParsedRow<CustomerRecord>[] {
  return items.map((c, i) => {
    const attributes = c.attributes ?? {};
    const bad = typeof attributes !== 'object' || Array.isArray(attributes) ? 'attributes must be a JSON object' : null;
    return (
      firstProblem(i, [['externalId', requiredId('externalId', c.externalId)], ['attributes', bad]]) ?? {
        line: i + 1,
        record: { ...c, attributes: attributes as Record<string, unknown> },
      }
    );
  });
}

export function orderRows(items: (typeof OrderInput.$inferInput)[]): ParsedRow<OrderRecord>[] {
  const lines = new Map<string, number>();
  return items.map((o, i) => {
    const lineNo = o.lineNo ?? (lines.get(o.invoice) ?? 0) + 1;
    lines.set(o.invoice, lineNo);
    return (
      firstProblem(i, [
        ['invoice', requiredId('invoice', o.invoice)],
        ['lineNo', lineNo < 1 ? 'lineNo must be 1 or more' : null],
        ['orderedAt', plausibleTime('orderedAt', o.orderedAt)],
        ['quantity', storable('quantity', o.quantity)],
        ['unitPrice', storable('unitPrice', o.unitPrice)],
        ['amount', storable('amount', o.amount)],
      ]) ?? {
        line: i + 1,
        record: {
          invoice: o.invoice,
          lineNo,
          customerExternalId: o.customerExternalId || null,
          orderedAt: o.orderedAt,
          quantity: o.quantity,
          unitPrice: o.unitPrice,
          amount: o.amount ?? Math.round(o.quantity * o.unitPrice * 100) / 100,
          product: o.product,
          description: o.description,
          cancelled: o.cancelled ?? o.invoice.startsWith('C'),
        },
      }
    );
  });
}

export function interactionRows(items: (typeof InteractionInput.$inferInput)[]): ParsedRow<InteractionRecord>[] {
  return items.map((x, i) =>
    firstProblem(i, [
      ['externalId', requiredId('externalId', x.externalId)],
      ['occurredAt', plausibleTime('occurredAt', x.occurredAt)],
      ['text', x.text.length > MAX_TEXT_LENGTH ? `text is longer than ${MAX_TEXT_LENGTH} characters` : null],
    ]) ?? {
      line: i + 1,
      record: { ...x, customerExternalId: x.customerExternalId || null, customer: x.author ? { name: x.author } : undefined },
    },
  );
}

export function relationshipRows(items: (typeof RelationshipInput.$inferInput)[]): ParsedRow<RelationshipRecord>[] {
  return items.map((r, i) =>
    firstProblem(i, [
      ['source', requiredId('source', r.source)],
      ['target', requiredId('target', r.target)],
      ['kind', isRelationshipKind(r.kind) ? null : `kind must be ${RELATIONSHIP_KIND_RULE}`],
      ['weight', storable('weight', r.weight) ?? (r.weight != null && r.weight <= 0 ? 'weight must be positive' : null)],
      ['firstSeen', plausibleTime('firstSeen', r.firstSeen)],
      ['lastSeen', plausibleTime('lastSeen', r.lastSeen)],
    ]) ?? {
      line: i + 1,
      record: {
        sourceExternalId: r.source,
        targetExternalId: r.target,
        kind: r.kind,
        weight: r.weight ?? 1,
        firstSeen: r.firstSeen,
        lastSeen: r.lastSeen,
      },
    },
  );
}
