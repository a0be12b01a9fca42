import net from 'node:net';

/**
 * A TCP forwarder in front of a real service (Redis, PostgreSQL), for outages without touching the service: `refuse()` stops
 * listening and cuts every connection (as when the service is down: connection refused), `hang()` keeps the
 * connections open but passes nothing on (as when the service is stopped with `kill -STOP`: no answer), and
 * `restore()` undoes either — what was held while hung is delivered then.
 */
export interface TcpForwarder {
  port: number;
  /** The target URL (scheme, user, path, query) with the forwarder's host and port in it. */
  url: string;
  refuse(): Promise<void>;
  hang(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

const DEFAULT_PORTS: Record<string, number> = { 'redis:': 6379, 'rediss:': 6379, 'postgres:': 5432, 'postgresql:': 5432 };

export async function startForwarder(targetUrl: string): Promise<TcpForwarder> {
  const target = new URL(targetUrl);
  const targetPort = Number(target.port || DEFAULT_PORTS[target.protocol] || 0);
  const sockets = new Set<net.Socket>();
  let hung = false;
  let held: [net.Socket, Buffer][] = [];
  const send = (to: net.Socket, data: Buffer) => {
    if (hung) held.push([to, data]);
    else if (!to.destroyed) to.write(data);
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => {
        sockets.delete(s);
        client.destroy();
        upstream.destroy();
      });
      s.on('error', () => {});
    }
    client.on('data', (d) => send(upstream, d));
    upstream.on('data', (d) => send(client, d));
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const via = new URL(targetUrl);
  via.host = `127.0.0.1:${port}`;
  const url = via.toString();
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  /** Stops listening and cuts every connection, dropping what a hang held back. */
  const cut = async () => {
    hung = false;
    held = [];
    const closed = stopListening();
    sockets.forEach((s) => s.destroy());
    await closed;
  };
  return {
    port,
    url,
    refuse: cut,
    hang() {
      hung = true;
    },
    async restore() {
      if (hung) {
        hung = false;
        const pending = held;
        held = [];
        for (const [to, data] of pending) if (!to.destroyed) to.write(data);
      }
      if (!server.listening) await listen(port);
    },
    close: cut,
  };
}

/** A listener that accepts connections and never answers (a wrong port, a firewall that swallows). */
export async function startSilentListener(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      sockets.forEach((s) => s.destroy());
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
