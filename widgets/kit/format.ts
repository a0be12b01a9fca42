/** Locale-aware formatting with `Intl`, one cached set per locale. */
export interface Formatters {
  readonly locale: string;
  integer(value: number): string;
  /** `0.123` → `12.3%` */
  percent(value: number): string;
  /** `0.123` → `12%` */
  percentShort(value: number): string;
  decimal(value: number, digits?: number): string;
  /** Large amounts in short form: `12.3K`. */
  compact(value: number): string;
  /** An ISO date or date-time, shown as a calendar date in UTC (analytics dates are UTC days). */
  date(iso: string): string;
  monthYear(iso: string): string;
}

const cache = new Map<string, Formatters>();

export function formatters(locale: string): Formatters {
  let found = cache.get(locale);
  if (!found) {
    found = create(locale);
    cache.set(locale, found);
  }
  return found;
}

function create(requested: string): Formatters {
  const locale = supported(requested);
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percentShort = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumSignificantDigits: 3 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const monthYear = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
  const decimals = new Map<number, Intl.NumberFormat>();
  const parse = (iso: string) => new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
  const safe = (f: Intl.DateTimeFormat, iso: string) => {
    const d = parse(iso);
    return Number.isNaN(d.getTime()) ? iso : f.format(d);
  };
  return {
    locale,
    integer: (v) => integer.format(v),
    percent: (v) => percent.format(v),
    decimal(v, digits = 1) {
      let f = decimals.get(digits);
      if (!f) decimals.set(digits, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
      return f.format(v);
    },
    percentShort: (v) => percentShort.format(v),
    compact: (v) => compact.format(v),
    date: (iso) => safe(date, iso),
    monthYear: (iso) => safe(monthYear, iso),
  };
}

function supported(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale])[0] ?? 'en';
  } catch {
    return 'en';
  }
}
