// Archives made byte by byte, so a test can make what no well-behaved
// archiver would: `../` and absolute names, links, devices, FIFOs, names
// that are not UTF-8. And a loopback server that serves them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** One entry of a made archive. */
export interface RawEntry {
  /** The name's bytes (a string is UTF-8). */
  name: string | Buffer;
  /** `0` file, `1` hard link, `2` symbolic link, `3` char device, `4` block device, `5` folder, `6` FIFO. */
  type?: '0' | '1' | '2' | '3' | '4' | '5' | '6';
  body?: string | Buffer;
  link?: string;
}

function field(header: Buffer, offset: number, length: number, value: string | Buffer): void {
  (typeof value === 'string' ? Buffer.from(value) : value).copy(header, offset, 0, length);
}

/** A gzipped ustar archive of the entries, exactly as given. */
export function rawTarGz(entries: readonly RawEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const body = Buffer.from(entry.body ?? '');
    const header = Buffer.alloc(512);
    // A name past 100 bytes is split at a '/' into the ustar prefix and name.
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name) : entry.name;
    const cut = name.length > 100 ? name.lastIndexOf(0x2f, name.length - 2 > 155 ? 155 : name.length - 2) : -1;
    if (cut > 0) {
      field(header, 345, 155, name.subarray(0, cut));
      field(header, 0, 100, name.subarray(cut + 1));
    } else field(header, 0, 100, name);
    field(header, 100, 8, '0000644\0');
    field(header, 108, 8, '0000000\0');
    field(header, 116, 8, '0000000\0');
    field(header, 124, 12, `${body.length.toString(8).padStart(11, '0')}\0`);
    field(header, 136, 12, '00000000000\0');
    field(header, 156, 1, entry.type ?? '0');
    field(header, 157, 100, entry.link ?? '');
    field(header, 257, 8, 'ustar\u000000');
    header.fill(' ', 148, 156);
    let sum = 0;
    for (const byte of header) sum += byte;
    field(header, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip (stored, no compression) of the entries; `mode` sets the Unix file type bits (0o120000 for a link). */
export function rawZip(entries: readonly { name: string | Buffer; body?: string; mode?: number; utf8?: boolean }[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = typeof entry.name === 'string' ? Buffer.from(entry.name) : entry.name;
    const body = Buffer.from(entry.body ?? '');
    const crc = crc32(body);
    const flags = entry.utf8 === false ? 0 : 0x800;
    const head = Buffer.alloc(30);
    head.writeUInt32LE(0x04034b50, 0);
    head.writeUInt16LE(10, 4);
    head.writeUInt16LE(flags, 6);
    head.writeUInt32LE(crc, 14);
    head.writeUInt32LE(body.length, 18);
    head.writeUInt32LE(body.length, 22);
    head.writeUInt16LE(name.length, 26);
    local.push(head, name, body);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(0x031e, 4);
    dir.writeUInt16LE(10, 6);
    dir.writeUInt16LE(flags, 8);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(body.length, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += head.length + name.length + body.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

/** A server on 127.0.0.1 that answers each path with what `handle` does, and counts requests. */
export async function loopback(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ base: string; server: Server; requests: IncomingMessage[] }> {
  const requests: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    requests.push(req);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

/** Answers with the bytes, honouring `Range: bytes=N-` with a 206. */
export function serveBytes(req: IncomingMessage, res: ServerResponse, bytes: Buffer, etag = '"v1"'): void {
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  const from = range && (!req.headers['if-range'] || req.headers['if-range'] === etag) ? Number(range[1]) : 0;
  if (from > 0) {
    res.writeHead(206, { 'content-length': bytes.length - from, 'content-range': `bytes ${from}-${bytes.length - 1}/${bytes.length}`, etag });
    res.end(bytes.subarray(from));
    return;
  }
  res.writeHead(200, { 'content-length': bytes.length, etag });
  res.end(bytes);
}
