import { Worker } from 'node:worker_threads';
import { ImportError, type ImportErrorCode } from '../errors';
import type { DayTotals } from '../load/daily-accumulator';
import type { FormatName } from '../readers/format';
import type { BatchMessage, FromWorker, StartMessage, ToWorker, WorkerInput } from './protocol';

/** An order file being read by the import worker: formatted batches on demand, then the daily totals. */
export interface WorkerOrders {
  readonly format: FormatName;
  /** Starts reading rows; iterate once. Each batch taken lets the worker send one more. */
  batches(start: Omit<StartMessage, 'type'>): AsyncIterable<BatchMessage>;
  /** After the batches: the daily totals with customers as ordinals, or null when the tenant had orders. */
  days: DayTotals[] | null;
  /** Stops the worker (at once if it is still reading). */
  close(): Promise<void>;
}

export function isWorkerOrders(value: unknown): value is WorkerOrders {
  return typeof value === 'object' && value !== null && 'batches' in value && 'close' in value && 'format' in value;
}

/**
 * Opens an order file in a worker thread. File-level problems (missing, empty, binary, unknown format …) reject
 * with the same ImportError the in-process reader throws; bad rows arrive in the batches as RowErrors.
 */
export async function openOrdersWorker(
  input: WorkerInput,
  onBytes?: (bytesSoFar: number) => void,
): Promise<WorkerOrders> {
  // No inherited execArgv: the entry registers tsx itself, whatever loader (or none) the parent runs.
  const worker = new Worker(new URL('./orders-worker.mjs', import.meta.url), { workerData: input, execArgv: [] });
  const queue: FromWorker[] = [];
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const push = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: FromWorker) => {
    if (message.type === 'bytes') onBytes?.(message.bytes);
    else if (message.type === 'failed') failure ??= revive(message.error);
    else queue.push(message);
    push();
  });
  worker.on('error', (error) => {
    failure ??= error;
    push();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`rapport/ingest: the import worker exited (code ${code}) before the file was read`);
    push();
  });
  const next = async (): Promise<FromWorker> => {
    for (;;) {
      const message = queue.shift();
      if (message) return message;
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };
  const send = (message: ToWorker) => worker.postMessage(message);
  const close = async () => {
    await worker.terminate();
  };

  let ready: FromWorker;
  try {
    ready = await next();
  } catch (error) {
    await close();
    throw error;
  }
  if (ready.type !== 'ready') throw new Error(`rapport/ingest: unexpected ${ready.type} message from the import worker`);
  const orders: WorkerOrders = {
    format: ready.format,
    days: null,
    close,
    async *batches(start) {
      send({ type: 'start', ...start });
      for (;;) {
        const message = await next();
        if (message.type === 'end') {
          orders.days = message.days;
          return;
        }
        if (message.type !== 'batch') throw new Error(`rapport/ingest: unexpected ${message.type} message from the import worker`);
        send({ type: 'credit' });
        yield message;
      }
    },
  };
  return orders;
}

/** The worker's error as the class the in-process path throws, so callers (CLI, API) see no difference. */
function revive({ name, message, code }: { name: string; message: string; code?: string }): Error {
  if (name === 'ImportError') return new ImportError(code as ImportErrorCode, message);
  const Class = name === 'TypeError' ? TypeError : name === 'RangeError' ? RangeError : Error;
  const error = new Class(message);
  if (error.name !== name) error.name = name;
  return error;
}
