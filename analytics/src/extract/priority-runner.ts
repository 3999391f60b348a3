interface Queued {
  readonly rank: number;
  readonly seq: number;
  readonly run: () => Promise<void>;
  readonly skip: () => void;
}

/**
 * Runs queued tasks, at most `concurrency` at a time, lowest rank first (then first come).
 * {@link PriorityRunner.clear} skips what has not started.
 */
export class PriorityRunner {
  readonly #queue: Queued[] = [];
  readonly #running = new Set<Promise<void>>();
  #seq = 0;

  constructor(readonly concurrency: number) {}

  /**
   * Queues `task`; resolves or rejects as it does, or resolves unrun after `onSkip` when
   * cleared before it started.
   */
  add(rank: number, task: () => Promise<void>, onSkip: () => void = () => undefined): Promise<void> {
    return new Promise((resolve, reject) => {
      const seq = ++this.#seq;
      const run = () => task().then(resolve, reject);
      this.#queue.push({ rank, seq, run, skip: () => (onSkip(), resolve()) });
      this.#queue.sort((a, b) => a.rank - b.rank || a.seq - b.seq);
      this.#pump();
    });
  }

  #pump(): void {
    while (this.#running.size < this.concurrency && this.#queue.length > 0) {
      const next = this.#queue.shift() as Queued;
      const p: Promise<void> = next.run().finally(() => {
        this.#running.delete(p);
        this.#pump();
      });
      this.#running.add(p);
    }
  }

  /** Skips every task not started yet and waits for the running ones. */
  async clear(): Promise<void> {
    for (const q of this.#queue.splice(0)) q.skip();
    await Promise.allSettled([...this.#running]);
  }
}
