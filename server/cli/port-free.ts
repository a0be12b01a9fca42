import { createServer } from 'node:net';
import { CommandError } from './fail';

/**
 * Fails now, in the words of `listenError`, when the port cannot be taken: otherwise that shows only after the
 * store is open and the demo loaded, which takes many seconds. Port 0 (any free port) always can.
 */
export async function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen(port, host, resolve);
    });
  } catch (err) {
    throw listenError(err, host, port);
  }
  await new Promise((resolve) => probe.close(resolve));
}

/** Why the server could not take its port, in words the user can act on; any other error as it came. */
export function listenError(err: unknown, host: string, port: number): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new CommandError(`Port ${port} on ${host} is already in use by another program: stop it, or choose another port with --port N (env PORT).`);
  if (code === 'EACCES') return new CommandError(`This user may not listen on port ${port} on ${host}: choose a port above 1023 with --port N (env PORT).`);
  if (code === 'EADDRNOTAVAIL') return new CommandError(`${host} is not an address of this machine: choose another with --host.`);
  return err;
}
