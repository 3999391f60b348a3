/** One server event, as sent over SSE. */
export interface HubEvent {
  /** Monotonic id (SSE `id:`), for `Last-Event-ID` resume. */
  readonly id: number;
  /** Event type (SSE `event:`): `alert`, `extracts-updated`, `kpi`, `heartbeat`, … */
  readonly type: string;
  readonly data: unknown;
}

/** A connected client: a bounded queue the SSE writer drains. */
export interface Subscription {
  /** Waits for the next events (resolves immediately when some are queued). */
  next(): Promise<HubEvent[]>;
  /** Events dropped because this client fell behind (the queue is bounded). */
  readonly dropped: number;
  close(): void;
}

/** Options of {@link EventHub}. */
export interface EventHubOptions {
  /** Events kept for `Last-Event-ID` resume (default 1000). */
  readonly history?: number;
  /** Per-client queue bound; older events are dropped past it (default 256). */
  readonly clientQueue?: number;
}

/**
 * Fan-out of server events to SSE clients. Memory is bounded: a fixed history ring and a
 * bounded queue per client, so a slow client loses old events instead of growing the heap.
 */
export class EventHub {
  #nextId = 1;
  readonly #history: HubEvent[] = [];
  readonly #clients = new Set<{ queue: HubEvent[]; wake?: () => void; dropped: number }>();
  readonly #historySize: number;
  readonly #queueSize: number;

  constructor(options: EventHubOptions = {}) {
    this.#historySize = options.history ?? 1000;
    this.#queueSize = options.clientQueue ?? 256;
  }

  /** Number of connected clients. */
  get clients(): number {
    return this.#clients.size;
  }

  /** Publishes an event to every client; returns it with its id. */
  publish(type: string, data: unknown): HubEvent {
    const event: HubEvent = { id: this.#nextId++, type, data };
    this.#history.push(event);
    if (this.#history.length > this.#historySize) this.#history.shift();
    for (const c of this.#clients) {
      c.queue.push(event);
      if (c.queue.length > this.#queueSize) {
        c.queue.shift();
        c.dropped++;
      }
      c.wake?.();
    }
    return event;
  }

  /** Subscribes; with `lastEventId`, first replays the kept events after it. */
  subscribe(lastEventId?: number): Subscription {
    const client: { queue: HubEvent[]; wake?: () => void; dropped: number } = { queue: [], dropped: 0 };
    if (lastEventId !== undefined)
      client.queue.push(...this.#history.filter((e) => e.id > lastEventId).slice(-this.#queueSize));
    this.#clients.add(client);
    return {
      next: () =>
        new Promise<HubEvent[]>((resolve) => {
          const drain = () => {
            client.wake = undefined;
            resolve(client.queue.splice(0));
          };
          if (client.queue.length > 0) drain();
          else client.wake = drain;
        }),
      get dropped() {
        return client.dropped;
      },
      close: () => {
        this.#clients.delete(client);
        client.wake?.();
      },
    };
  }
}
