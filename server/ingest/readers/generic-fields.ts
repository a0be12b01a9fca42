/**
 * Field access shared by the generic `csv` and `jsonl` readers, so one mapper per kind serves both. Names are
 * matched after normalising to snake_case: `unitPrice`, `Unit Price` and `unit_price` are the same column.
 */

export interface FieldSource {
  /** The value of a field by its documented snake_case name; undefined when absent, null or blank. */
  get(key: string): unknown;
  /** 1-based position for messages: the CSV column, or the key's place in the JSON object. */
  position(key: string): number;
  /** The fields not in `known`, under their names as written, for `attributes`; blank values left out. */
  others(known: ReadonlySet<string>): [string, unknown][];
}

const ALIASES: Record<string, string> = {
  customer_external_id: 'customer_id',
  source_external_id: 'source',
  target_external_id: 'target',
  line_no: 'line',
};

/** Keys repeat on every row of a file; remembering a bounded number of them spares a regex pass per field. */
const seenKeys = new Map<string, string>();
const MAX_SEEN_KEYS = 4096;

export function normalizeKey(key: string): string {
  let normal = seenKeys.get(key);
  if (normal === undefined) {
    normal = toSnakeCase(key);
    if (seenKeys.size < MAX_SEEN_KEYS) seenKeys.set(key, normal);
  }
  return normal;
}

function toSnakeCase(key: string): string {
  const snake = key
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
  return ALIASES[snake] ?? snake;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A CSV row seen through its header; one instance is reused for every row of a file. */
export class CsvFields implements FieldSource {
  fields: string[] = [];
  private readonly index = new Map<string, number>();
  private readonly keys: string[];
  private othersOf: { known: ReadonlySet<string>; columns: number[] } | null = null;

  constructor(private readonly header: readonly string[]) {
    this.keys = header.map(normalizeKey);
    this.keys.forEach((key, i) => {
      if (!this.index.has(key)) this.index.set(key, i);
    });
  }

  get(key: string): unknown {
    const i = this.index.get(key);
    if (i === undefined) return undefined;
    const value = this.fields[i];
    return isBlank(value) ? undefined : value;
  }

  position(key: string): number {
    return (this.index.get(key) ?? this.header.length) + 1;
  }

  others(known: ReadonlySet<string>): [string, unknown][] {
    if (this.othersOf?.known !== known) {
      const columns = this.keys.flatMap((key, i) => (known.has(key) ? [] : [i]));
      this.othersOf = { known, columns };
    }
    const result: [string, unknown][] = [];
    for (const i of this.othersOf.columns) {
      if (!isBlank(this.fields[i])) result.push([this.header[i]!.trim(), this.fields[i]]);
    }
    return result;
  }
}

/** One JSON object's fields, camelCase or snake_case. */
export class JsonFields implements FieldSource {
  private readonly byKey = new Map<string, { value: unknown; position: number }>();

  constructor(private readonly object: Record<string, unknown>) {
    Object.keys(object).forEach((name, i) => {
      const key = normalizeKey(name);
      if (!this.byKey.has(key)) this.byKey.set(key, { value: object[name], position: i + 1 });
    });
  }

  get(key: string): unknown {
    const value = this.byKey.get(key)?.value;
    return isBlank(value) ? undefined : value;
  }

  position(key: string): number {
    return this.byKey.get(key)?.position ?? this.byKey.size + 1;
  }

  others(known: ReadonlySet<string>): [string, unknown][] {
    return Object.entries(this.object).filter(([name, value]) => !known.has(normalizeKey(name)) && !isBlank(value));
  }
}
