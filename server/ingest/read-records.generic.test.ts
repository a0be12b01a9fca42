import { describe, expect, it } from 'vitest';
import { fixture, read, records, errors } from './read-records.fixtures';

describe('generic csv', () => {
  it('reads customers with extra columns into attributes', async () => {
    const file = fixture('customers.csv', 'external_id,name,email,tier\nc1,Ada,ada@example.com,gold\nc2,,,\n');
    const { format, rows } = await read(file, 'customers');
    expect(format).toBe('csv');
    expect(records(rows)).toEqual([
      { externalId: 'c1', name: 'Ada', handle: null, email: 'ada@example.com', country: null, attributes: { tier: 'gold' } },
      { externalId: 'c2', name: null, handle: null, email: null, country: null, attributes: undefined },
    ]);
  });

  it('takes customer_id as the id column of a customer list', async () => {
    const { rows } = await read(fixture('customer-ids.csv', 'customer_id,name\n17850,Ada\n'), 'customers');
    expect(records(rows)).toMatchObject([{ externalId: '17850', name: 'Ada', attributes: undefined }]);
  });

  it('reads orders: guests, stated amounts, line counters, cancellations', async () => {
    const file = fixture(
      'orders.csv',
      [
        'invoice,customer_id,ordered_at,quantity,unit_price,amount,product,cancelled,country',
        'A1,c1,2024-03-01T09:30:00Z,2,1.10,,P1,,FR',
        'A1,,2024-03-01 09:30,3,,9.00,P2,true,',
        'A2,c2,2024-03-02,1,5,,P3,no,',
      ].join('\n'),
    );
    const { rows } = await read(file, 'orders');
    expect(errors(rows)).toEqual([]);
    expect(records(rows)).toMatchObject([
      { invoice: 'A1', lineNo: 1, customerExternalId: 'c1', quantity: 2, unitPrice: 1.1, amount: 2.2, cancelled: false, customer: { country: 'FR' } },
      { invoice: 'A1', lineNo: 2, customerExternalId: null, quantity: 3, unitPrice: 3, amount: 9, cancelled: true },
      { invoice: 'A2', lineNo: 1, orderedAt: new Date('2024-03-02T00:00:00Z'), cancelled: false },
    ]);
  });

  it('validates interaction enums with the allowed values', async () => {
    const file = fixture(
      'interactions.csv',
      [
        'external_id,channel,direction,occurred_at,text,author,customer_id,gold_label',
        'i1,email,outbound,2024-03-01T09:30:00+01:00,"Hello, again",Bo,c1,positive',
        'i2,sms,,2024-03-01,hi,,,',
        'i3,chat,sideways,2024-03-01,hi,,,',
        'i4,chat,,2024-03-01,hi,,,great',
        'i5,chat,,yesterday,hi,,,',
        'i6,chat,,2024-03-01,,,,',
      ].join('\n'),
    );
    const { rows } = await read(file, 'interactions');
    expect(records(rows)).toMatchObject([
      { externalId: 'i1', channel: 'email', direction: 'outbound', occurredAt: new Date('2024-03-01T08:30:00Z'), text: 'Hello, again', goldLabel: 'positive' },
    ]);
    expect(errors(rows)).toEqual([
      { line: 3, column: 2, field: 'channel', message: 'channel "sms" is not one of social, email, chat, call, meeting, note, review' },
      { line: 4, column: 3, field: 'direction', message: 'direction "sideways" is not one of inbound, outbound' },
      { line: 5, column: 8, field: 'gold_label', message: 'gold_label "great" is not one of positive, neutral, negative' },
      { line: 6, column: 4, field: 'occurred_at', message: 'occurred_at "yesterday" is not an ISO 8601 date like 2024-03-01T09:30:00Z' },
      { line: 7, column: 5, field: 'text', message: 'text is empty' },
    ]);
  });

  it('reads relationships with defaults', async () => {
    const file = fixture('rels.csv', 'source,target,kind,weight,first_seen\na,b,mentions,2,2024-01-01\nb,c,,,\n');
    const { rows } = await read(file, 'relationships');
    expect(records(rows)).toEqual([
      { sourceExternalId: 'a', targetExternalId: 'b', kind: 'mentions', weight: 2, firstSeen: new Date('2024-01-01T00:00:00Z'), lastSeen: null },
      { sourceExternalId: 'b', targetExternalId: 'c', kind: 'follows', weight: 1, firstSeen: null, lastSeen: null },
    ]);
  });

  it('reports CSV quoting errors on their own line and keeps reading', async () => {
    const file = fixture('quotes.csv', 'external_id,name\nc1,"Ada"x\nc2,Bo"b\nc3,"Cy, ok"\nc4,"never closed\nc5,x\n');
    const { rows } = await read(file, 'customers');
    expect(records(rows).map((r) => r.externalId)).toEqual(['c3']);
    expect(errors(rows)).toEqual([
      { line: 2, column: 2, message: 'field 2 has text after its closing quote; write a quote inside a quoted field as ""' },
      { line: 3, column: 2, message: 'field 2 has a quote inside an unquoted value; quote the whole field and write the quote as ""' },
      { line: 5, column: 2, message: 'field 2 opens a quote that is never closed' },
    ]);
  });
});

describe('jsonl', () => {
  it('reads camelCase and snake_case objects and reports bad lines', async () => {
    const file = fixture(
      'orders.jsonl',
      [
        '{"invoice":"A1","customerId":17850,"orderedAt":"2024-03-01T09:30:00Z","quantity":2,"unitPrice":1.5}',
        '',
        '{"invoice":"A1","customer_id":null,"ordered_at":"2024-03-01","quantity":"3","unit_price":"2"}',
        '{"invoice":"A2", oops}',
        '[1,2]',
        '{"invoice":"A3","ordered_at":"2024-03-01","quantity":"many","unit_price":2}',
      ].join('\n'),
    );
    const { format, rows } = await read(file, 'orders');
    expect(format).toBe('jsonl');
    expect(records(rows)).toMatchObject([
      { invoice: 'A1', lineNo: 1, customerExternalId: '17850', quantity: 2, unitPrice: 1.5, amount: 3 },
      { invoice: 'A1', lineNo: 2, customerExternalId: null, quantity: 3, unitPrice: 2, amount: 6 },
    ]);
    const bad = errors(rows);
    expect(bad.map((e) => [e.line, e.column])).toEqual([
      [4, 18],
      [5, 1],
      [6, 3],
    ]);
    expect(bad[0]!.message).toMatch(/^the line is not valid JSON/);
    expect(bad[1]!.message).toBe('the line is not a JSON object');
    expect(bad[2]!.message).toBe('quantity "many" is not a number');
  });
});
