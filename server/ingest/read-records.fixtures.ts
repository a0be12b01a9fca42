import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect } from 'vitest';
import { fileSource, ImportError, readRecords, type FormatName } from './read-records';
import type { ParsedRow, RecordKind, RecordOf, RowError } from './types';

/** Shared by the reader tests: a temporary folder for fixtures (removed after each test file) and small helpers. */
export const dir = mkdtempSync(path.join(tmpdir(), 'rapport-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

export function fixture(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

export async function read<K extends RecordKind>(
  file: string,
  kind: K,
  options: { format?: FormatName; kindOption?: string } = {},
): Promise<{ format: FormatName; rows: ParsedRow<RecordOf[K]>[] }> {
  const { format, rows } = await readRecords(fileSource(file), kind, options);
  const all: ParsedRow<RecordOf[K]>[] = [];
  for await (const row of rows) all.push(row);
  return { format, rows: all };
}

export const records = <R>(rows: ParsedRow<R>[]): R[] => rows.flatMap((row) => ('record' in row ? [row.record] : []));
export const errors = <R>(rows: ParsedRow<R>[]): RowError[] => rows.flatMap((row) => ('error' in row ? [row.error] : []));

export async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

export const RETAIL_HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
