import type { DayTotals } from '../load/daily-accumulator';
import type { FormattedOrders } from '../load/orders';
import type { FormatName } from '../readers/format';
import type { RowError } from '../types';

/** What the import starts the worker with. */
export interface WorkerInput {
  path: string;
  format?: FormatName;
  kindOption?: string;
}

/** Sent once the transaction knows whether the tenant has orders; the worker reads no rows before it. */
export interface StartMessage {
  type: 'start';
  tenant: string;
  skipInvalid: boolean;
  /** The tenant holds orders: send line keys (lines already stored are skipped) and keep no daily totals. */
  checkExisting: boolean;
  batchSize: number;
}

/** The main thread took a batch: the worker may send one more. */
export interface CreditMessage {
  type: 'credit';
}

export type ToWorker = StartMessage | CreditMessage;

export interface BatchMessage extends FormattedOrders {
  type: 'batch';
  /** Rows read since the previous batch, bad ones included. */
  rowsRead: number;
  errors: RowError[];
}

export type FromWorker =
  | { type: 'ready'; format: FormatName }
  | { type: 'bytes'; bytes: number }
  | BatchMessage
  /** The file is read; daily totals (customers as ordinals) unless the tenant had orders. */
  | { type: 'end'; days: DayTotals[] | null }
  | { type: 'failed'; error: { name: string; message: string; code?: string } };
