/** A host's work: its jobs in order, and when it may next be asked. */
export interface Host<J> {
  key: string;
  queue: J[];
  head: number;
  /** Jobs that go before the queue: retries and redirect hops, so started URLs finish first. */
  first: J[];
  nextAt: number;
  state: 'idle' | 'ready' | 'resting' | 'busy';
}

/** A binary min-heap of hosts by the time they may next be asked. */
class Resting<J> {
  private items: Host<J>[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): Host<J> | undefined {
    return this.items[0];
  }
  push(host: Host<J>): void {
    const a = this.items;
    a.push(host);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.nextAt <= a[i]!.nextAt) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop(): Host<J> {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.nextAt < a[m]!.nextAt) m = l;
        if (r < a.length && a[r]!.nextAt < a[m]!.nextAt) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Jobs by host, handed out politely: one job at a time per host (a host
 * with a job out is not asked again until it is released), and a host
 * released with a time to rest is not asked before then. Hosts ready to be
 * asked are served in turn; resting ones wait in a heap by their time, so
 * every operation is cheap however many hosts there are.
 */
export class HostQueue<J> {
  private hosts = new Map<string, Host<J>>();
  private ready: Host<J>[] = [];
  private readyHead = 0;
  private resting = new Resting<J>();
  private busy = 0;

  constructor(private readonly now: () => number) {}

  /** Adds a job to a host's work; `first` puts it before the jobs waiting there. */
  add(key: string, job: J, first = false): void {
    let host = this.hosts.get(key);
    if (!host) this.hosts.set(key, (host = { key, queue: [], head: 0, first: [], nextAt: 0, state: 'idle' }));
    if (first) host.first.push(job);
    else host.queue.push(job);
    if (host.state === 'idle') this.place(host);
  }

  /** The next job of a host that may be asked now, its host marked busy until released. */
  next(): { job: J; host: Host<J> } | undefined {
    const t = this.now();
    while (this.resting.size && this.resting.peek()!.nextAt <= t) {
      const host = this.resting.pop();
      host.state = 'ready';
      this.ready.push(host);
    }
    if (this.readyHead >= this.ready.length) return undefined;
    const host = this.ready[this.readyHead++]!;
    // The ready list is compacted now and then, so it never grows past the hosts.
    if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
      this.ready.splice(0, this.readyHead);
      this.readyHead = 0;
    }
    const job = host.first.length ? host.first.shift()! : host.queue[host.head++]!;
    host.state = 'busy';
    this.busy++;
    return { job, host };
  }

  /** A host's job is done: it may be asked again from `nextAt` on. */
  release(host: Host<J>, nextAt: number): void {
    host.nextAt = Math.max(host.nextAt, nextAt);
    host.state = 'idle';
    this.busy--;
    this.place(host);
  }

  /** When the first resting host may be asked, if any rests. */
  wakeAt(): number | undefined {
    return this.resting.peek()?.nextAt;
  }

  /** True when no job waits and no host is busy. */
  get done(): boolean {
    return this.busy === 0 && this.readyHead >= this.ready.length && this.resting.size === 0;
  }

  /** Every job not yet handed out. */
  waiting(): J[] {
    const out: J[] = [];
    for (const host of this.hosts.values()) {
      for (const job of host.first) out.push(job);
      for (let i = host.head; i < host.queue.length; i++) out.push(host.queue[i]!);
    }
    return out;
  }

  private place(host: Host<J>): void {
    if (!host.first.length && host.head >= host.queue.length) {
      host.state = 'idle';
      host.queue = [];
      host.head = 0;
      return;
    }
    if (host.nextAt <= this.now()) {
      host.state = 'ready';
      this.ready.push(host);
    } else {
      host.state = 'resting';
      this.resting.push(host);
    }
  }
}
