/**
 * Counts live arrivals and reports them at most once per `intervalMs`, so a burst becomes one polite announcement
 * ("3 new conversations") rather than one per item, which would drown whatever the reader is listening to.
 */
export class ArrivalAnnouncer {
  private pending = 0;
  private timer?: ReturnType<typeof setTimeout>;

  /**
   * @param say Receives the sentence to put in the live region.
   * @param intervalMs @default 2000
   */
  constructor(
    private readonly say: (text: string) => void,
    private readonly intervalMs = 2_000,
  ) {}

  add(count: number): void {
    if (count <= 0) return;
    this.pending += count;
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = 0;
  }

  private flush(): void {
    this.timer = undefined;
    const n = this.pending;
    this.pending = 0;
    this.say(`${n} new conversation${n === 1 ? '' : 's'}`);
  }
}
