const cache = new Map<string, Intl.DateTimeFormat>();

/** Date and time of an interaction in the reader's time zone, e.g. "31 Oct 2026, 23:52". */
export function formatDateTime(iso: string, locale: string): string {
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : f.format(d);
}
