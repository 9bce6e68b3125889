import { jaccard, NEAR_TITLE as NEAR, titleWords as words } from '../../model/titleSimilarity.js';
import { finding, groupBy } from '../finding.js';
import type { LintEntry, LintFinding, LintRule } from '../types.js';
import { compareText } from '../../model/compareText.js';

/** One distinct set of title words on a day, and the entries whose titles have it. */
interface Node {
  words: string[];
  set: Set<string>;
  entries: LintEntry[];
  parent: Node;
}

const root = (n: Node): Node => {
  while (n.parent !== n) n = n.parent = n.parent.parent;
  return n;
};

/**
 * The groups of entries of one day whose titles are near-identical, each
 * in the order given. Titles with the same words are one node, so a day of
 * a thousand copies is one comparison, not half a million; distinct titles
 * are compared only when they share a word of their prefix in rarest-first
 * order (prefix filtering: two sets alike to {@link NEAR} must share one).
 */
function nearGroups(day: readonly LintEntry[]): LintEntry[][] {
  const nodes = new Map<string, Node>();
  for (const entry of day) {
    const set = words(entry.event.title);
    const key = [...set].sort().join(' ');
    let node = nodes.get(key);
    if (!node) {
      node = { words: [...set], set, entries: [], parent: undefined as unknown as Node };
      node.parent = node;
      nodes.set(key, node);
    }
    node.entries.push(entry);
  }
  const list = [...nodes.values()];
  const frequency = new Map<string, number>();
  for (const n of list) for (const w of n.words) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  const postings = new Map<string, Node[]>();
  for (const n of list) {
    n.words.sort((a, b) => frequency.get(a)! - frequency.get(b)! || compareText(a, b));
    const prefix = n.words.length - Math.ceil(NEAR * n.words.length) + 1;
    const seen = new Set<Node>();
    for (const w of n.words.slice(0, prefix)) {
      const others = postings.get(w);
      if (others) {
        for (const other of others) {
          if (seen.has(other)) continue;
          seen.add(other);
          if (root(other) !== root(n) && jaccard(n.set, other.set) >= NEAR) root(other).parent = root(n);
        }
        others.push(n);
      } else postings.set(w, [n]);
    }
  }
  const groups = new Map<Node, LintEntry[]>();
  for (const entry of day) {
    // Entries in the order given; a node's entries follow it.
    const node = nodes.get([...words(entry.event.title)].sort().join(' '))!;
    const top = root(node);
    const members = groups.get(top);
    if (members) members.push(entry);
    else groups.set(top, [entry]);
  }
  return [...groups.values()].filter((members) => new Set(members.map((m) => m.event.id)).size > 1);
}

/** Events on one day with near-identical titles, reported once per group with every member. */
export const nearDuplicateRule: LintRule = {
  code: 'lint/near-duplicate',
  severity: 'warning',
  description: 'Events on the same day with near-identical titles (seven in ten of their words shared), reported once per group with every member. Merge them if they are one event.',
  checkAll(entries) {
    const out: LintFinding[] = [];
    // Within one day only: the work grows with the busiest day, not the folder.
    for (const [date, day] of groupBy(entries, (entry) => entry.event.date)) {
      if (day.length < 2) continue;
      for (const members of nearGroups(day)) {
        const [first, ...rest] = members;
        const titles = [...new Set(members.map((m) => m.event.title))];
        const shown = titles.slice(0, 3).map((t) => `"${t}"`).join(', ');
        const message = `${members.length} events on ${date} have near-identical titles (${shown}${titles.length > 3 ? `, and ${titles.length - 3} more` : ''}); merge them if they are one event`;
        out.push(finding(this, first, message, { path: 'title', related: rest.map((m) => m.file ?? m.event.id) }));
      }
    }
    return out;
  },
};
