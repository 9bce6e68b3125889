import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import type { LinkLookup } from './linkOptions.js';
import { publicOnly } from './publicAddress.js';

/**
 * The lookup link checks use: the one given (or the system's), guarded so
 * that no host resolving to an address that is not public is asked, unless
 * `allowPrivate`.
 *
 * @param options - the lookup and whether private addresses are allowed
 * @returns the lookup to pass to a request
 */
export function linkLookup(options: { lookup?: LinkLookup; allowPrivate?: boolean }): LookupFunction {
  const lookup = (options.lookup ?? dnsLookup) as unknown as LookupFunction;
  return options.allowPrivate ? lookup : publicOnly(lookup);
}

/**
 * A lookup that asks once a run for each host name (and way of asking):
 * the system resolves names on a few threads it cannot cancel, so
 * thousands of links to a few hundred hosts must not queue thousands of
 * lookups, least of all on a machine whose resolver never answers.
 */
export function onceAHost(lookup: LookupFunction): LookupFunction {
  type Answer = [Error | null, string | { address: string; family: number }[], number | undefined];
  const asked = new Map<string, { answer?: Answer; waiting: ((...a: Answer) => void)[] }>();
  return ((hostname: string, options: object, callback: (...a: Answer) => void) => {
    const key = `${hostname}\u0000${JSON.stringify(options)}`;
    let entry = asked.get(key);
    if (entry?.answer) return queueMicrotask(() => callback(...entry!.answer!));
    if (entry) return entry.waiting.push(callback);
    asked.set(key, (entry = { waiting: [callback] }));
    lookup(hostname, options as never, ((error: Error | null, address: string | { address: string; family: number }[], family?: number) => {
      entry!.answer = [error, address, family];
      for (const waiting of entry!.waiting.splice(0)) waiting(error, address, family);
    }) as never);
  }) as LookupFunction;
}
