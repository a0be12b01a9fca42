/**
 * Query parameters whose values are secrets (`password`, `sslpassword`, `pwd`, `auth_token`, `credentials`, …);
 * paths such as `sslkey` are not.
 */
const SECRET_PARAM = /pass|pwd|secret|token|auth|credential/i;

/**
 * A connection URL fit for messages and logs: the password of `user:password@` and of query parameters such as
 * `?password=` become `***`. `fallback` stands in for a URL that does not parse (it could be anything).
 */
export function redactUrl(url: string, fallback = 'the configured URL'): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return fallback;
  }
  if (u.password) u.password = '***';
  for (const name of new Set(u.searchParams.keys())) if (SECRET_PARAM.test(name)) u.searchParams.set(name, '***');
  return u.toString();
}
