import { saveLinkCache } from './linkCache.js';
import type { CheckLinksResult, LinkResult } from './linkOptions.js';
import { NETWORK_FAILURES } from './linkStatus.js';

/**
 * What one run of `checkLinks` knows: each URL's result, which came from
 * the cache and which were asked now, whether any host answered at all;
 * and the cache file, written at most every second as the run goes and at
 * its end, merged with what is there.
 */
export class LinkRecord {
  /** Every settled URL's result. */
  readonly settled = new Map<string, LinkResult>();
  /** How many answers came from a host (any status code). */
  answered = 0;
  private readonly checkedNow = new Map<string, LinkResult>();
  private fromCache = 0;
  private cacheError: string | undefined;
  private lastSave = 0;
  private dirty = false;

  constructor(
    private readonly cacheFile: string | undefined,
    private readonly now: () => number,
    private readonly total: number,
    private readonly onResult?: (result: LinkResult, settled: number, total: number) => void,
  ) {}

  /** Records a URL's result, from the cache or from this run. */
  settle(result: LinkResult, cached = false): void {
    this.settled.set(result.url, result);
    if (cached) this.fromCache++;
    else {
      this.checkedNow.set(result.url, result);
      this.dirty = true;
      if (this.now() - this.lastSave >= 1000) this.save();
    }
    this.onResult?.(result, this.settled.size, this.total);
  }

  /** Whether every request of this run failed at the network, none answered: the machine is offline. */
  offline(): boolean {
    return this.checkedNow.size > 0 && this.answered === 0 && [...this.checkedNow.values()].every((r) => NETWORK_FAILURES.has(r.status) || r.status === 'not-checkable');
  }

  /** Writes this run's results to the cache file, when there is one and anything is new. */
  save(): void {
    if (!this.cacheFile || !this.dirty) return;
    this.dirty = false;
    this.lastSave = this.now();
    // With no answer from any host, failures say more about this machine than about the links.
    const keep = this.offline() ? [...this.checkedNow.values()].filter((r) => !NETWORK_FAILURES.has(r.status)) : this.checkedNow.values();
    const error = saveLinkCache(this.cacheFile, keep);
    if (error && !this.cacheError) this.cacheError = `${this.cacheFile}: ${error.message}`;
  }

  /** The run's result, in the order the URLs were given. */
  result(order: readonly string[]): CheckLinksResult {
    this.dirty = true;
    this.save();
    const unchecked = order.filter((url) => !this.settled.has(url));
    const result: CheckLinksResult = {
      results: order.filter((url) => this.settled.has(url)).map((url) => this.settled.get(url)!),
      fromCache: this.fromCache,
      checked: this.checkedNow.size,
      unchecked,
      complete: unchecked.length === 0,
      offline: this.offline(),
    };
    if (this.cacheError) result.cacheError = this.cacheError;
    return result;
  }
}
