// Link checking throughput against a local server: 2,000 distinct URLs over
// 50 host names (all resolved to 127.0.0.1 by an injected resolver), each
// answered after 20 ms. At the default politeness the run is bounded by the
// per-host delay, so it is measured for 15 s; the baseline is the most that
// the limits allow: each of the requests in flight settles a URL per answer
// time, each host one per delay and answer time.
import { createServer } from 'node:http';
import type { LookupFunction } from 'node:net';
import { checkLinks, LINK_DEFAULTS } from '../dist/node.js';
import { mib, ratio, table } from './util.js';

const lookup: LookupFunction = (_host, options, callback) => {
  if (typeof options === 'object' && options && (options as { all?: boolean }).all) (callback as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
  else (callback as (e: null, a: string, f: number) => void)(null, '127.0.0.1', 4);
};

export async function benchLinks(): Promise<void> {
  console.log('\n## Link checks, 2,000 URLs over 50 hosts on a local server (20 ms per answer)\n');
  const server = createServer((_req, res) => void setTimeout(() => res.writeHead(200).end(), 20));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const urls = Array.from({ length: 2000 }, (_, i) => `http://host${i % 50}.test:${port}/page/${i}`);
  const rows: (string | number)[][] = [['settings', 'URLs settled', 'seconds', 'URLs/s', 'the most politeness allows', 'ratio']];
  const run = async (name: string, options: { concurrency: number; hostDelayMs: number; deadlineMs?: number }) => {
    const started = performance.now();
    const { results } = await checkLinks(urls, { lookup, ...options });
    const seconds = (performance.now() - started) / 1000;
    const rate = results.length / seconds;
    // Each slot can settle a URL every 20 ms; each host one every delay + 20 ms.
    const ideal = Math.min((options.concurrency * 1000) / 20, (50 * 1000) / (options.hostDelayMs + 20));
    rows.push([name, results.length, seconds.toFixed(1), rate.toFixed(1), ideal.toFixed(1), ratio(rate, ideal)]);
  };
  await run(`default (${LINK_DEFAULTS.concurrency} in flight, ${LINK_DEFAULTS.hostDelayMs} ms per host), 15 s`, { concurrency: LINK_DEFAULTS.concurrency, hostDelayMs: LINK_DEFAULTS.hostDelayMs, deadlineMs: 15_000 });
  await run('most aggressive allowed (32 in flight, no delay)', { concurrency: 32, hostDelayMs: 0 });
  server.closeAllConnections();
  server.close();
  table(rows);
  const memory = process.memoryUsage();
  console.log(`\nmemory at the end: rss ${mib(memory.rss)}, heap used ${mib(memory.heapUsed)}`);
}
