import net from 'node:net';

/**
 * A TCP forwarder in front of a real server, to act out its outages: `refuse()` closes the port (connections are
 * refused, those open are cut), `hang()` keeps accepting but forwards nothing either way (a stopped process or a
 * black-holed network), `restore()` forwards again.
 */
export interface Forwarder {
  port: number;
  refuse(): Promise<void>;
  hang(): void;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function tcpForwarder(target: { host: string; port: number }): Promise<Forwarder> {
  let mode: 'up' | 'hung' | 'refused' = 'up';
  const sockets = new Set<net.Socket>();
  const pairs = new Set<[net.Socket, net.Socket]>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    if (mode !== 'up') return void client.pause();
    const upstream = net.connect(target.port, target.host);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
    pairs.add([client, upstream]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => (server.off('error', reject), resolve()));
    });
  return {
    port,
    async refuse() {
      mode = 'refused';
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      });
    },
    hang() {
      mode = 'hung';
      for (const [client, upstream] of pairs) {
        client.unpipe(upstream);
        upstream.unpipe(client);
        client.pause();
        upstream.pause();
      }
    },
    async restore() {
      if (mode === 'refused') await listen();
      mode = 'up';
      // Connections accepted while hung never got an upstream: cut them, their clients reconnect.
      for (const s of sockets) s.destroy();
    },
    async close() {
      mode = 'refused';
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    },
  };
}
