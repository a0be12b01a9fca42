import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../schema';
import { embedOperationByDocument, embedOperationByHash, embedOperations } from './embed-operations';

describe('embed operations', () => {
  it('are valid against the schema, one named operation each', () => {
    for (const op of embedOperations()) {
      const document = parse(op.document);
      expect(validate(schema, document).map((e) => e.message), op.name).toEqual([]);
      expect(document.definitions).toHaveLength(1);
    }
  });

  it('are found by hash, by exact text and by text that differs only in whitespace', () => {
    for (const op of embedOperations()) {
      expect(embedOperationByHash(op.sha256)?.name).toBe(op.name);
      expect(embedOperationByDocument(op.document)?.name).toBe(op.name);
      expect(embedOperationByDocument(op.document.replace(/\s+/g, '  \n '))?.name).toBe(op.name);
    }
    expect(embedOperationByDocument('{ customers { totalCount } }')).toBeNull();
    expect(embedOperationByDocument('not graphql {')).toBeNull();
    expect(embedOperationByHash('0'.repeat(64))).toBeNull();
  });
});
