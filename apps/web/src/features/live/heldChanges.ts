// Changes that wait while the reader is selecting text or typing a note, applied in arrival
// order as soon as they are released, so nothing moves under a selection in progress.
export class HeldChanges<T> {
  private queue: T[] = [];
  private holding = false;

  constructor(private readonly apply: (item: T) => void) {}

  get size(): number {
    return this.queue.length;
  }

  get held(): boolean {
    return this.holding;
  }

  /** Applies `item` now, or keeps it for later while held. */
  push(item: T): void {
    if (this.holding) this.queue.push(item);
    else this.apply(item);
  }

  /** Starts or stops holding; stopping applies everything kept, oldest first. */
  hold(holding: boolean): void {
    this.holding = holding;
    if (holding) return;
    while (this.queue.length > 0 && !this.holding) this.apply(this.queue.shift()!);
  }
}
