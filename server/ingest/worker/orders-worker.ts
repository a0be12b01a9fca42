/**
 * The import worker for order files: reads, gunzips, parses and validates, and formats COPY text on its own
 * thread, so the main thread only runs the statements (and, on PGlite, the database itself) meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { DailyAccumulator } from '../load/daily-accumulator';
import { lineKey, OrderLineFormatter } from '../load/orders';
import { readRecords } from '../read-records';
import { inBatches } from '../readers/flatten';
import { fileSource } from '../source';
import type { OrderRecord, RowError } from '../types';
import type { BatchMessage, FromWorker, StartMessage, ToWorker, WorkerInput } from './protocol';

/** Batches sent but not yet taken: bounds the memory between the threads. */
const WINDOW = 2;

const port = parentPort!;
const post = (message: FromWorker) => port.postMessage(message);
let credits = WINDOW;
let wake: (() => void) | null = null;
let started: (message: StartMessage) => void;
const start = new Promise<StartMessage>((resolve) => (started = resolve));
port.on('message', (message: ToWorker) => {
  if (message.type === 'start') started(message);
  else {
    credits++;
    wake?.();
  }
});

async function run({ path, format, kindOption }: WorkerInput): Promise<void> {
  const opened = await readRecords(fileSource(path), 'orders', {
    format,
    kindOption,
    onBytes: (bytes) => post({ type: 'bytes', bytes }),
  });
  post({ type: 'ready', format: opened.format });
  const { tenant, skipInvalid, checkExisting, batchSize } = await start;
  const formatter = new OrderLineFormatter(tenant);
  const daily = checkExisting ? null : new DailyAccumulator();
  const ordinals = new Map<string, number>();
  let bad = false;
  let next = empty();

  const send = async () => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    const batch = next;
    next = empty();
    batch.customers = batch.customers.slice(0, batch.lines.length);
    if (batch.invoices) batch.invoices = [...new Set(batch.invoices)];
    port.postMessage(batch, [batch.customers.buffer as ArrayBuffer]);
  };
  for await (const read of inBatches(opened.rows)) {
    for (const row of read) {
      next.rowsRead++;
      if ('error' in row) {
        bad = true;
        next.errors.push(row.error);
      } else if (!bad || skipInvalid) {
        add(row.record);
      }
      if (next.rowsRead >= batchSize) await send();
    }
  }
  if (next.rowsRead) await send();
  post({ type: 'end', days: daily?.totals() ?? null });

  function add(o: OrderRecord): void {
    const { lines } = next;
    let c = -1;
    if (o.customerExternalId !== null) {
      c = ordinals.get(o.customerExternalId) ?? -1;
      if (c < 0) {
        ordinals.set(o.customerExternalId, (c = ordinals.size));
        next.newCustomers.push([o.customerExternalId, o.customer]);
      }
      daily?.add(c, o);
    }
    next.customers[lines.length] = c;
    lines.push(formatter.line(o));
    if (checkExisting) {
      next.keys!.push(lineKey(o.invoice, o.lineNo));
      next.invoices!.push(o.invoice);
    }
  }

  function empty(): BatchMessage {
    const keyed = checkExisting ? { keys: [], invoices: [] } : {};
    return { type: 'batch', rowsRead: 0, errors: [] as RowError[], lines: [], customers: new Int32Array(batchSize), newCustomers: [], ...keyed };
  }
}

run(workerData as WorkerInput).catch((error: unknown) => {
  const e = error as { name?: string; message?: string; code?: unknown };
  post({
    type: 'failed',
    error: { name: e?.name ?? 'Error', message: e?.message ?? String(error), code: typeof e?.code === 'string' ? e.code : undefined },
  });
});
