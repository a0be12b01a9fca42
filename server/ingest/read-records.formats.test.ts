import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fixture, read, records, errors, RETAIL_HEADER } from './read-records.fixtures';

describe('online-retail', () => {
  const file = fixture(
    'retail.csv',
    [
      RETAIL_HEADER,
      '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
      '536365,71053,"METAL LANTERN, WHITE",6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom',
      'C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,United Kingdom',
      '536414,22139,,56,2010-12-01 11:52:00,0,,United Kingdom',
      '536365,84406B,CREAM CUPID HEARTS COAT HANGER,8,2010-12-01 08:26:00,2.75,17850,United Kingdom',
      '',
    ].join('\n'),
  );

  it('is detected from its header and yields order lines', async () => {
    const { format, rows } = await read(file, 'orders');
    expect(format).toBe('online-retail');
    expect(errors(rows)).toEqual([]);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6]);
    const [first, second, cancel, guest, third] = records(rows);
    expect(first).toEqual({
      invoice: '536365',
      lineNo: 1,
      customerExternalId: '17850',
      orderedAt: new Date('2010-12-01T08:26:00Z'),
      quantity: 6,
      unitPrice: 2.55,
      amount: 15.3,
      product: '85123A',
      description: 'WHITE HANGING HEART T-LIGHT HOLDER',
      cancelled: false,
      customer: { country: 'United Kingdom' },
    });
    expect(second).toMatchObject({ lineNo: 2, customerExternalId: '17850', description: 'METAL LANTERN, WHITE', amount: 20.34 });
    expect(cancel).toMatchObject({ invoice: 'C536379', cancelled: true, amount: -27.5, orderedAt: new Date('2010-12-01T09:41:00Z') });
    expect(guest).toMatchObject({ customerExternalId: null, description: null, amount: 0, customer: undefined });
    expect(third).toMatchObject({ invoice: '536365', lineNo: 3 });
  });

  it('yields one customer per distinct CustomerID for the customers kind', async () => {
    const { rows } = await read(file, 'customers');
    expect(records(rows)).toEqual([
      { externalId: '17850', country: 'United Kingdom' },
      { externalId: '14527', country: 'United Kingdom' },
    ]);
  });

  it('reports bad rows with line, column and plain words, and goes on', async () => {
    const bad = fixture(
      'retail-bad.csv',
      [
        RETAIL_HEADER,
        '536365,85123A,HOLDER,abc,2010-12-01 08:26:00,2.55,17850,United Kingdom',
        '536365,85123A,HOLDER,6,2010-13-01 08:26:00,2.55,17850,United Kingdom',
        '536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850',
        ',85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
        '536365,85123A,HOLDER,6,2010-12-01 08:26:00,,17850,United Kingdom',
        '536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom,extra',
        '536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
      ].join('\n'),
    );
    const { rows } = await read(bad, 'orders');
    expect(errors(rows)).toEqual([
      { line: 2, column: 4, field: 'Quantity', message: 'Quantity "abc" is not a number' },
      { line: 3, column: 5, field: 'InvoiceDate', message: 'InvoiceDate "2010-13-01 08:26:00" is not a date like 2010-12-01 08:26:00' },
      { line: 4, column: 8, message: 'expected 8 fields but found 7' },
      { line: 5, column: 1, field: 'InvoiceNo', message: 'InvoiceNo is empty' },
      { line: 6, column: 6, field: 'UnitPrice', message: 'UnitPrice is empty' },
      { line: 7, column: 9, message: 'expected 8 fields but found 9' },
    ]);
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    // lineNo counts the invoice's lines that have the right width, bad values included, so fixing a value
    // keeps the keys of the other lines.
    expect(records(rows)).toMatchObject([{ invoice: '536365', lineNo: 4 }]);
  });

  it('reads gzip by its magic bytes whatever the extension', async () => {
    const content = `${RETAIL_HEADER}\n536365,85123A,HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom\n`;
    for (const name of ['retail.csv.gz', 'retail-gzipped.csv']) {
      const { format, rows } = await read(fixture(name, gzipSync(content)), 'orders');
      expect(format).toBe('online-retail');
      expect(records(rows)).toHaveLength(1);
    }
  });

  it('reports a gzip file cut short as a row error after the last good row', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => `5${i},X${i % 97},THING ${i * 7919},${i % 13},2010-12-01 08:26:00,1.25,1${i % 5000},UK`);
    const whole = gzipSync(`${RETAIL_HEADER}\n${lines.join('\n')}\n`);
    const { rows } = await read(fixture('cut.csv.gz', whole.subarray(0, Math.floor(whole.length * 0.9))), 'orders');
    const bad = errors(rows);
    expect(bad).toHaveLength(1);
    expect(bad[0]!.message).toMatch(/^the gzip data is corrupt or cut short/);
    expect(rows.at(-1)).toEqual({ line: bad[0]!.line, error: bad[0] });
    expect(bad[0]!.line).toBe(records(rows).length + 2);
  });
});

describe('cdnow', () => {
  const header = ' customer_id  date number_of_cds  dollar_value\r\n';
  const body = ' 00001 19970101  1  11.77\r\n 00002 19970112  1  12.00\r\n 00002 19970112  5  77.00\r\n 00003 19970102  2  20.76\r\n';

  it('reads the CRLF master layout with its header, keeping ids as written', async () => {
    const { format, rows } = await read(fixture('cdnow.txt', header + body), 'orders');
    expect(format).toBe('cdnow');
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5]);
    expect(records(rows)[0]).toEqual({
      invoice: '00001-19970101',
      lineNo: 1,
      customerExternalId: '00001',
      orderedAt: new Date('1997-01-01T00:00:00Z'),
      quantity: 1,
      unitPrice: 11.77,
      amount: 11.77,
      cancelled: false,
    });
    expect(records(rows)[2]).toMatchObject({ invoice: '00002-19970112', lineNo: 2, quantity: 5, unitPrice: 15.4, amount: 77 });
  });

  it('reads headerless files and the five-column sample layout', async () => {
    const headerless = await read(fixture('cdnow-noheader.txt', body), 'orders');
    expect(headerless.format).toBe('cdnow');
    expect(records(headerless.rows)).toHaveLength(4);
    const sample = await read(fixture('cdnow-sample.txt', '00004     1 19970101     2  29.33\r\n00004     1 19970118     0   0.00\r\n'), 'orders');
    expect(records(sample.rows)).toMatchObject([
      { customerExternalId: '00004', invoice: '00004-19970101', quantity: 2, unitPrice: 14.665 },
      { quantity: 0, unitPrice: 0, amount: 0 },
    ]);
  });

  it('yields each customer once for the customers kind', async () => {
    const { rows } = await read(fixture('cdnow-customers.txt', header + body), 'customers');
    expect(records(rows)).toEqual([{ externalId: '00001' }, { externalId: '00002' }, { externalId: '00003' }]);
  });

  it('reports bad dates, numbers and column counts', async () => {
    const bad = header + ' 00001 19970231  1  11.77\r\n 00001 19970101  x  11.77\r\n 00001 19970101  1\r\n 00001 19970101  1  $5\r\n';
    const { rows } = await read(fixture('cdnow-bad.txt', bad), 'orders');
    expect(errors(rows)).toEqual([
      { line: 2, column: 2, field: 'date', message: 'date "19970231" is not a date like 19970101' },
      { line: 3, column: 3, field: 'number_of_cds', message: 'number_of_cds "x" is not a number' },
      { line: 4, column: 4, message: 'expected 4 fields but found 3' },
      { line: 5, column: 4, field: 'dollar_value', message: 'dollar_value "$5" is not a number' },
    ]);
  });
});

describe('airline-tweets', () => {
  const header =
    'tweet_id,airline_sentiment,airline_sentiment_confidence,negativereason,negativereason_confidence,airline,airline_sentiment_gold,name,negativereason_gold,retweet_count,text,tweet_coord,tweet_created,tweet_location,user_timezone';
  const rows = [
    '570306133677760513,neutral,1.0,,,Virgin America,,cairdin,,0,@VirginAmerica What @dhepburn said.,,2015-02-24 11:35:52 -0800,,Eastern Time (US & Canada)',
    '570301130888122368,negative,0.35,Bad Flight,0.7,United,,jnardino,,2,"@united it was ""late"",\nand then\nworse",,2015-02-24 11:15:59 -0800,NYC,',
    '570306133677760513,neutral,1.0,,,Virgin America,,cairdin,,0,@VirginAmerica What @dhepburn said.,,2015-02-24 11:35:52 -0800,,',
    '570306133677760513,neutral,1.0,,,Virgin America,,cairdin,,0,again,,2015-02-24 11:35:52 -0800,,',
    '570306133677760514,angry,1.0,,,Virgin America,,someone,,0,hmm,,2015-02-24 11:35:52 -0800,,',
  ];
  const file = fixture('Tweets.csv', `${header}\n${rows.join('\n')}\n`);

  it('reads tweets as inbound social interactions, multi-line texts included', async () => {
    const result = await read(file, 'interactions');
    expect(result.format).toBe('airline-tweets');
    expect(result.rows.map((row) => row.line)).toEqual([2, 3, 6, 7, 8]);
    const [first, second] = records(result.rows);
    expect(first).toEqual({
      externalId: '570306133677760513',
      channel: 'social',
      direction: 'inbound',
      occurredAt: new Date('2015-02-24T19:35:52Z'),
      text: '@VirginAmerica What @dhepburn said.',
      author: 'cairdin',
      customerExternalId: 'cairdin',
      customer: { name: 'cairdin', handle: 'cairdin' },
      goldLabel: 'neutral',
      attributes: { airline: 'Virgin America', retweet_count: 0, user_timezone: 'Eastern Time (US & Canada)' },
    });
    expect(second).toMatchObject({
      text: '@united it was "late",\nand then\nworse',
      goldLabel: 'negative',
      attributes: { airline: 'United', negativereason: 'Bad Flight', retweet_count: 2, tweet_location: 'NYC' },
    });
  });

  it('keeps repeated tweet ids as id~n and validates the sentiment', async () => {
    const result = await read(file, 'interactions');
    expect(records(result.rows).map((r) => r.externalId)).toEqual([
      '570306133677760513',
      '570301130888122368',
      '570306133677760513~2',
      '570306133677760513~3',
    ]);
    expect(errors(result.rows)).toEqual([
      { line: 8, column: 2, field: 'airline_sentiment', message: 'airline_sentiment "angry" is not one of positive, neutral, negative' },
    ]);
  });

  it('yields authors for the customers kind', async () => {
    const result = await read(file, 'customers');
    expect(records(result.rows).map((r) => r.externalId)).toEqual(['cairdin', 'jnardino', 'someone']);
  });
});

describe('edgelist', () => {
  const file = fixture('edges.txt', '# Directed graph\n# Nodes: 4 Edges: 4\n0\t1\n2 3\n\n3 3\n1 0\n');

  it('reads SNAP pairs, skipping comments, keeping self-loops', async () => {
    const { format, rows } = await read(file, 'relationships');
    expect(format).toBe('edgelist');
    expect(rows.map((row) => row.line)).toEqual([3, 4, 6, 7]);
    expect(records(rows)).toEqual([
      { sourceExternalId: '0', targetExternalId: '1', kind: 'follows', weight: 1 },
      { sourceExternalId: '2', targetExternalId: '3', kind: 'follows', weight: 1 },
      { sourceExternalId: '3', targetExternalId: '3', kind: 'follows', weight: 1 },
      { sourceExternalId: '1', targetExternalId: '0', kind: 'follows', weight: 1 },
    ]);
  });

  it('takes a weight column and the relationship kind option', async () => {
    const { rows } = await read(fixture('weighted.txt', '1 2 4\n1 3 5.5\n'), 'relationships', { kindOption: 'colleague' });
    expect(records(rows)).toEqual([
      { sourceExternalId: '1', targetExternalId: '2', kind: 'colleague', weight: 4 },
      { sourceExternalId: '1', targetExternalId: '3', kind: 'colleague', weight: 5.5 },
    ]);
  });

  it('skips a first line that names the columns, and only the first', async () => {
    const headed = fixture('headed.txt', '# ties\nSource Target Weight\n1 2 4\nsource target\n');
    const { format, rows } = await read(headed, 'relationships');
    expect(format).toBe('edgelist');
    expect(records(rows).map((r) => [r.sourceExternalId, r.targetExternalId])).toEqual([['1', '2'], ['source', 'target']]);
    const nodes = await read(headed, 'customers');
    expect(records(nodes.rows).map((r) => r.externalId)).toEqual(['1', '2', 'source', 'target']);
  });

  it('yields each node once for the customers kind', async () => {
    const { rows } = await read(file, 'customers');
    expect(records(rows).map((r) => r.externalId)).toEqual(['0', '1', '2', '3']);
    expect(rows.map((row) => row.line)).toEqual([3, 3, 4, 4]);
  });

  it('reports lines that are not pairs and bad weights', async () => {
    const { rows } = await read(fixture('edges-bad.txt', '1 2\n1\n1 2 3 4\n1 2 heavy\n'), 'relationships');
    expect(errors(rows)).toEqual([
      { line: 2, column: 2, message: 'expected 2 or 3 fields but found 1' },
      { line: 3, column: 4, message: 'expected 2 or 3 fields but found 4' },
      { line: 4, column: 3, field: 'weight', message: 'weight "heavy" is not a number' },
    ]);
  });
});
