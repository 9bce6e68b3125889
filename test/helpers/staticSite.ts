import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.xml': 'application/xml', '.sqlite': 'application/vnd.sqlite3' };

/**
 * Serves a folder on 127.0.0.1 as a static host does: the path decoded, a
 * folder's index.html for a path ending in '/', a redirect to add the '/',
 * 404 for anything else or outside the folder.
 */
export async function serveFolder(root: string): Promise<{ base: string; server: Server; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      return void res.writeHead(400).end();
    }
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) return void res.writeHead(404).end();
    const stat = existsSync(file) ? statSync(file) : undefined;
    if (stat?.isDirectory()) {
      if (!path.endsWith('/')) return void res.writeHead(301, { location: `${req.url}/` }).end();
      if (!existsSync(join(file, 'index.html'))) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-type': TYPES['.html'] }).end(readFileSync(join(file, 'index.html')));
    }
    if (!stat) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
