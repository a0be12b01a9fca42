/**
 * What counts as "this machine" for dev mode. A socket from loopback is not enough: any web page the developer
 * opens can make the browser send requests to 127.0.0.1 (CSRF), and a hostile name that resolves to 127.0.0.1
 * can read the answers (DNS rebinding). So dev mode also wants the request addressed to a loopback name and, when a
 * browser sent it, a page served from a loopback origin.
 */
const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A socket's remote address is this machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  return LOOPBACK_ADDRESSES.has(address ?? '');
}

/** A `Host` header (name and optional port) names this machine. */
export function isLoopbackHost(host: string | null): boolean {
  if (host === null) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  return LOOPBACK_NAMES.has(name.toLowerCase());
}

/** An `Origin` header is a page served over http(s) from this machine (not `null`, not a file). */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK_NAMES.has(url.hostname);
  } catch {
    return false;
  }
}
