import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RapportApp } from './app';

const API_PATHS = ['/graphql', '/healthz', '/readyz', '/metrics'];
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
};

/** Headers of the files any page may load: module scripts and fetches from other origins, cross-origin-isolated pages too. */
const PUBLIC = { 'access-control-allow-origin': '*', 'cross-origin-resource-policy': 'cross-origin' };

export interface HttpServerOptions {
  app: RapportApp;
  /** Built playground (`dist/playground`); when absent `/` explains how to build it. */
  staticDir?: string;
  /**
   * Extra static roots by URL prefix, e.g. `/models/` → the committed ONNX models, with the files they may serve.
   * Their files and the documents are public: any origin may load them (see `public-files.ts`).
   */
  mounts?: Record<string, { dir: string; allow: RegExp }>;
  /** JSON documents at exact paths, answered before the mounts: what this process decided, not a file on disk. */
  documents?: Record<string, unknown>;
}

/** Serves the API and the static playground on one port. */
export function createHttpServer(options: HttpServerOptions): Server {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (API_PATHS.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) {
      return void options.app(req, res, { req });
    }
    serveStatic(options, url.pathname, req, res);
  });
  // Long-lived Server-Sent Event streams must not be cut by Node's default request timeout.
  server.requestTimeout = 0;
  // Keep idle keep-alive connections longer than a proxy's idle timeout (ALB: 60 s), so the server never closes a
  // connection that the proxy is reusing at that very moment (the proxy would answer 502).
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

function serveStatic(options: HttpServerOptions, pathname: string, req: IncomingMessage, res: ServerResponse) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.');
  if (options.documents && Object.hasOwn(options.documents, pathname)) {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-cache', ...PUBLIC, 'x-content-type-options': 'nosniff' });
    return void res.end(req.method === 'HEAD' ? undefined : JSON.stringify(options.documents[pathname]));
  }
  const mount = Object.entries(options.mounts ?? {}).find(([prefix]) => pathname.startsWith(prefix));
  const root = mount ? mount[1].dir : options.staticDir;
  const rel = mount ? pathname.slice(mount[0].length) : pathname;
  if (mount && !mount[1].allow.test(rel)) return send(res, 404, 'Not found.');
  if (!root || !existsSync(root)) {
    return send(res, 404, 'The playground is not built. Run `npm run build`, then open / again. GraphQL is at /graphql.');
  }
  let file = path.join(root, path.normalize(decodeURIComponent(rel)).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(path.resolve(root))) return send(res, 403, 'Forbidden.');
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!existsSync(file)) return send(res, 404, 'Not found.');
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
    'x-content-type-options': 'nosniff',
    ...(mount && PUBLIC),
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}

function send(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(text + '\n');
}
