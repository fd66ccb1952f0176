import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../scripts/serve';

/**
 * The game's files as the classroom server sends them: the precompressed copy the browser asked for
 * (brotli, gzip, or none), the right type and cache headers, every screen's address answered with the
 * page, and nothing outside the folder.
 */

const site = mkdtempSync(join(tmpdir(), 'bz-static-'));
const script = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const page = '<!doctype html><title>Buffer Zone</title><script type="module" src="./assets/index-abc123.js"></script>';
mkdirSync(join(site, 'assets'));
writeFileSync(join(site, 'index.html'), page);
writeFileSync(join(site, 'index.html.gz'), gzipSync(page));
writeFileSync(join(site, 'sw.js'), '// the service worker');
writeFileSync(join(site, 'assets', 'index-abc123.js'), script);
writeFileSync(join(site, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
writeFileSync(join(site, 'assets', 'index-abc123.js.gz'), gzipSync(script));
writeFileSync(join(tmpdir(), 'bz-static-secret.txt'), 'secret');

let server: Server;
let port: number;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A request with exactly these headers (fetch would add Accept-Encoding and decode the body). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  ({ server, port } = await startServer(site));
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(site, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'bz-static-secret.txt'), { force: true });
});

describe('compressed responses', () => {
  it('sends brotli when the browser accepts it', async () => {
    const res = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers.vary).toMatch(/Accept-Encoding/i);
    expect(Number(res.headers['content-length'])).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('sends gzip to a browser that accepts only gzip', async () => {
    const res = await get('/assets/index-abc123.js', { 'Accept-Encoding': 'gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.body).toString()).toBe(script);
  });

  it('sends the plain file when no encoding is asked for', async () => {
    const res = await get('/assets/index-abc123.js');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.toString()).toBe(script);
  });
});

describe('types, cache and addresses', () => {
  it('caches hashed assets for good and revalidates the page and the service worker', async () => {
    expect((await get('/assets/index-abc123.js')).headers['cache-control']).toMatch(/immutable/);
    const index = await get('/', { 'Accept-Encoding': 'gzip' });
    expect(index.headers['content-type']).toMatch(/^text\/html/);
    expect(index.headers['content-encoding']).toBe('gzip');
    expect(index.headers['cache-control']).toBe('no-cache');
    const sw = await get('/sw.js');
    expect(sw.headers['content-type']).toMatch(/^text\/javascript/);
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers every screen’s address with the page, and a missing file with 404', async () => {
    for (const path of ['/table', '/play?level=tutorial', '/replays', '/debrief']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.body.toString(), path).toContain('Buffer Zone');
    }
    expect((await get('/assets/missing-123.js')).status).toBe(404);
    expect((await get('/missing.css')).status).toBe(404);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect((await get('/', {}, 'POST')).status).toBe(405);
    expect((await get('/', {}, 'DELETE')).status).toBe(405);
  });
});

describe('paths outside the folder', () => {
  it.each([
    '/../bz-static-secret.txt',
    '/%2e%2e/bz-static-secret.txt',
    '/assets/%2e%2e/%2e%2e/bz-static-secret.txt',
    '/%2e%2e%2fbz-static-secret.txt',
    '/..%5cbz-static-secret.txt',
    '/%00/index.html',
    '/%E0%A4%A',
  ])('refuses %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body.toString()).not.toContain('secret');
  });
});
