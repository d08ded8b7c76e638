import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { scrapeMetrics } from '@kollegia/testing';

import { createApp, type WebApp } from './app';
import { loadConfig, publicConfigOf } from './config';
import { securityHeaders } from './headers';
import { staticTargetOf } from './static-files';

describe('the static server settings', () => {
  it('should default to the local issuer and gateway, and name a malformed setting', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(4106);
    expect(publicConfigOf(config)).toEqual({
      oidcIssuer: 'http://127.0.0.1:4105',
      oidcClientId: 'kollegia-web',
      graphqlUrl: 'http://127.0.0.1:4000/graphql',
      graphqlWsUrl: 'ws://127.0.0.1:4000/graphql',
      timeZone: 'Europe/Moscow',
    });
    expect(publicConfigOf(loadConfig({ WEB_TIME_ZONE: 'Asia/Novosibirsk' })).timeZone).toBe(
      'Asia/Novosibirsk',
    );
    expect(() => loadConfig({ WEB_GRAPHQL_WS_URL: 'http://127.0.0.1:4000/graphql' })).toThrow(
      /WEB_GRAPHQL_WS_URL/,
    );
    expect(() => loadConfig({ WEB_TIME_ZONE: 'Moscow' })).toThrow(/WEB_TIME_ZONE/);
  });
});

describe('which file a path is', () => {
  it('should serve hashed assets as immutable and the board page for its routes', () => {
    expect(staticTargetOf('/assets/index-abc.js')).toEqual({
      kind: 'file',
      relativePath: 'assets/index-abc.js',
      contentType: 'text/javascript; charset=utf-8',
      immutable: true,
    });
    for (const path of ['/', '/roundtables/rt-1', '/callback', '/index.html'])
      expect(staticTargetOf(path)).toEqual({ kind: 'page' });
  });

  it('should never leave the root, nor serve unknown kinds of files', () => {
    expect(staticTargetOf('/../../package.json')).toMatchObject({ relativePath: 'package.json' });
    expect(staticTargetOf('/assets/..%2F..%2F..%2Fetc%2Fpasswd.txt')).toMatchObject({
      relativePath: 'etc/passwd.txt',
    });
    expect(staticTargetOf('/%E0%A4%A.js')).toEqual({ kind: 'not-found' });
    expect(staticTargetOf('/x%00.js')).toEqual({ kind: 'not-found' });
    expect(staticTargetOf('/server.ts')).toEqual({ kind: 'not-found' });
  });
});

describe('security headers', () => {
  it('should let the board connect only to itself, its issuer and its gateway', () => {
    const headers = securityHeaders({
      oidcIssuer: 'https://id.example.ru/realms/akit',
      oidcClientId: 'kollegia-web',
      graphqlUrl: 'https://api.example.ru/graphql',
      graphqlWsUrl: 'wss://api.example.ru/graphql',
      timeZone: 'Europe/Moscow',
    });
    expect(headers['content-security-policy']).toContain(
      "connect-src 'self' https://id.example.ru https://api.example.ru wss://api.example.ru;",
    );
    expect(headers['content-security-policy']).toContain("script-src 'self';");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
  });
});

const LARGE_SCRIPT = 'export const line = "Коллегия";\n'.repeat(400);

/** A GET as sent, without fetch's own decompression: the bytes and headers on the wire. */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

describe('the static server', () => {
  let root: string;
  let app: WebApp;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'kollegia-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Коллегия</title>');
    writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(root, 'assets', 'page-def.js'), LARGE_SCRIPT);
    app = createApp(
      loadConfig({ PORT: '0', WEB_ROOT: root, WEB_OIDC_ISSUER: 'https://id.example.ru' }),
    );
    await app.start();
  });

  afterAll(async () => {
    await app.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('should serve its metrics on a listener of its own: process metrics and its requests by route', async () => {
    expect(new URL(app.metricsUrl).port).not.toBe(new URL(app.url).port);
    const was = await scrapeMetrics(app.metricsUrl);
    await fetch(`${app.url}/config.json`);
    await fetch(`${app.url}/nothing-here.png`);
    const scrape = await scrapeMetrics(app.metricsUrl);
    expect(scrape.families.get('kollegia_process_resident_memory_bytes')?.type).toBe('GAUGE');
    const requests = (labels: Record<string, string>) =>
      scrape.sum('kollegia_http_requests_total', labels) -
      was.sum('kollegia_http_requests_total', labels);
    expect(requests({ service: 'web', route: 'config', method: 'GET', status: '200' })).toBe(1);
    expect(requests({ route: 'asset', status: '404' })).toBe(1);
    expect(scrape.families.get('kollegia_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    // Not on the board's own listener.
    expect((await fetch(`${app.url}/metrics`)).headers.get('content-type')).not.toMatch(/version=/);
  });

  it('should serve its settings, uncached, with the security headers', async () => {
    const response = await fetch(`${app.url}/config.json`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.json()).toMatchObject({ oidcIssuer: 'https://id.example.ru' });
  });

  it('should serve the page for a route and an asset with long caching', async () => {
    const page = await fetch(`${app.url}/roundtables/rt-1`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('Коллегия');
    const asset = await fetch(`${app.url}/assets/index-abc.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1)');
  });

  it('should gzip text for a browser that accepts it, once per asset, and send it as it is otherwise', async () => {
    for (let i = 0; i < 2; i += 1) {
      const zipped = await rawGet(`${app.url}/assets/page-def.js`, {
        'accept-encoding': 'gzip, br',
      });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.vary).toBe('accept-encoding');
      expect(zipped.body.length).toBeLessThan(LARGE_SCRIPT.length / 4);
      expect(gunzipSync(zipped.body).toString()).toBe(LARGE_SCRIPT);
    }
    const plain = await rawGet(`${app.url}/assets/page-def.js`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(LARGE_SCRIPT);
    // Too small to be worth it.
    const small = await rawGet(`${app.url}/assets/index-abc.js`, { 'accept-encoding': 'gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('should answer 404 for a missing file and 405 for a write', async () => {
    expect((await fetch(`${app.url}/assets/missing.js`)).status).toBe(404);
    const post = await fetch(`${app.url}/config.json`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('should be ready for the launcher', async () => {
    expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
  });
});
