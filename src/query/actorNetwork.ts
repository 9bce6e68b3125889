import type { Event } from '../model/event.js';
import type { QueryOptions } from './types.js';
import { compareText as cmp } from '../model/compareText.js';

/** Options for {@link actorNetwork}. */
export interface ActorNetworkOptions extends QueryOptions {
  /** Leave out actors named in fewer events than this. Default 1. */
  minEvents?: number;
}

/** An actor in the network. */
export interface ActorNode {
  /** The actor's canonical name. */
  id: string;
  /** How many events name the actor. */
  count: number;
}

/** Two actors named in the same events. */
export interface ActorEdge {
  /** One actor (the first in code-point order). */
  source: string;
  /** The other actor. */
  target: string;
  /** How many events name both. */
  weight: number;
}

/** The co-occurrence network of {@link actorNetwork}. */
export interface ActorNetwork {
  /** Actors, most frequent first, then by name. */
  nodes: ActorNode[];
  /** Pairs, heaviest first, then by source and target. */
  edges: ActorEdge[];
}


/**
 * Which actors appear together, as tidy nodes and weighted edges: ready for a
 * D3 force layout (`links` = `edges`) or a Vega network.
 *
 * @param events - the events
 * @param options - `minEvents`, and an optional registry so spellings of one actor count as one
 * @returns nodes and edges
 *
 * @example
 * ```ts
 * actorNetwork(events).edges[0];
 * // => { source: 'Donald Trump', target: 'Kassym-Jomart Tokayev', weight: 1 }
 * ```
 */
export function actorNetwork(events: readonly Event[], options: ActorNetworkOptions = {}): ActorNetwork {
  const minEvents = options.minEvents ?? 1;
  const canonical = options.registry ? (name: string) => options.registry!.canonical(name) : (name: string) => name;
  const counts = new Map<string, number>();
  const pairs = new Map<string, number>();
  for (const event of events) {
    const names = [...new Set(event.actors.map(canonical))].sort(cmp);
    for (let i = 0; i < names.length; i++) {
      counts.set(names[i]!, (counts.get(names[i]!) ?? 0) + 1);
      for (let j = i + 1; j < names.length; j++) {
        const key = `${names[i]}\u0000${names[j]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
      }
    }
  }
  const nodes = [...counts]
    .filter(([, count]) => count >= minEvents)
    .map(([id, count]) => ({ id, count }))
    .sort((a, b) => b.count - a.count || cmp(a.id, b.id));
  const kept = new Set(nodes.map((n) => n.id));
  const edges: ActorEdge[] = [];
  for (const [key, weight] of pairs) {
    const [source, target] = key.split('\u0000') as [string, string];
    if (kept.has(source) && kept.has(target)) edges.push({ source, target, weight });
  }
  edges.sort((a, b) => b.weight - a.weight || cmp(a.source, b.source) || cmp(a.target, b.target));
  return { nodes, edges };
}
