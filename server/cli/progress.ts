import { SingleBar, Presets } from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export interface ProgressOptions {
  /** Plain lines on stderr instead of a bar (for logs and tests). */
  lines?: boolean;
  /** What is counted: `bytes` (shown in MB on the bar) or a noun such as `interactions`. @default 'bytes' */
  unit?: string;
}

/**
 * Progress of long work: a bar on a terminal; plain lines when `lines` is set (for logs and tests); nothing
 * otherwise.
 */
export function progress(label: string, total: number | undefined, options: ProgressOptions = {}): Progress {
  const unit = options.unit ?? 'bytes';
  if (options.lines) {
    let last = 0;
    return {
      update(done) {
        const now = Date.now();
        if (now - last < 250 && done !== total) return;
        last = now;
        console.error(`progress ${label} ${done}${total ? `/${total}` : ''} ${unit}`);
      },
      stop() {},
    };
  }
  if (!process.stderr.isTTY || !total) return { update() {}, stop() {} };
  const bytes = unit === 'bytes';
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | ${bytes ? '{value_mb}/{total_mb} MB' : `{value}/{total} ${unit}`} | ETA {eta}s`,
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  const mb = (b: number) => (b / 1048576).toFixed(1);
  bar.start(total, 0, { value_mb: mb(0), total_mb: mb(total) });
  return {
    update: (done) => bar.update(Math.min(done, total), { value_mb: mb(done), total_mb: mb(total) }),
    stop: () => bar.stop(),
  };
}
