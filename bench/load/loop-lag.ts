/**
 * The server's event-loop lag (prom-client's `rapport_nodejs_eventloop_lag_*`, measured since the last scrape):
 * how long one turn of the server's loop ran. Long turns starve new connections, since libuv accepts one per turn.
 * Read once before the load (to start a fresh window) and once after.
 */
export async function eventLoopLag(url: string): Promise<{ p50: number; p99: number; max: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const ms = (name: string) => Number(new RegExp(`^rapport_nodejs_eventloop_lag_${name}_seconds (\\S+)`, 'm').exec(text)?.[1]) * 1000;
  return { p50: ms('p50'), p99: ms('p99'), max: ms('max') };
}
