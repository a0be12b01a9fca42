import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  update(bytes: number): void;
  stop(): void;
}

/**
 * Progress of a long read: a bar on a terminal; plain lines when `lines` is set (for logs and tests);
 * nothing otherwise.
 */
export function progress(label: string, totalBytes: number | undefined, options: { lines?: boolean } = {}): Progress {
  if (options.lines) {
    let last = 0;
    return {
      update(bytes) {
        const now = Date.now();
        if (now - last < 250) return;
        last = now;
        console.error(`progress ${label} ${bytes}${totalBytes ? `/${totalBytes}` : ''} bytes`);
      },
      stop() {},
    };
  }
  if (!process.stderr.isTTY || !totalBytes) return { update() {}, stop() {} };
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value_mb}/{total_mb} MB | ETA {eta}s`, stream: process.stderr, hideCursor: true },
    Presets.shades_classic,
  );
  const mb = (b: number) => (b / 1048576).toFixed(1);
  bar.start(totalBytes, 0, { value_mb: mb(0), total_mb: mb(totalBytes) });
  return {
    update: (bytes) => bar.update(Math.min(bytes, totalBytes), { value_mb: mb(bytes), total_mb: mb(totalBytes) }),
    stop: () => bar.stop(),
  };
}
