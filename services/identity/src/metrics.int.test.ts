import { scrapeMetrics } from '@kollegia/testing';

import { startIdentity, type Identity } from './test/harness';

let identity: Identity;

beforeAll(async () => {
  identity = await startIdentity('metrics');
});

afterAll(() => identity.stop());

describe('the provider’s metrics', () => {
  it('should serve process metrics and its requests by route on a listener of its own', async () => {
    const { app } = identity;
    expect(new URL(app.metricsUrl).port).not.toBe(new URL(app.url).port);
    const was = await scrapeMetrics(app.metricsUrl);
    expect((await fetch(`${app.url}/.well-known/openid-configuration`)).status).toBe(200);
    expect((await fetch(`${app.url}/jwks`)).status).toBe(200);
    expect((await fetch(`${app.url}/interaction/not-a-real-one`)).status).toBeGreaterThanOrEqual(
      400,
    );
    const scrape = await scrapeMetrics(app.metricsUrl);
    const requests = (labels: Record<string, string>) =>
      scrape.sum('kollegia_http_requests_total', labels) -
      was.sum('kollegia_http_requests_total', labels);
    expect(requests({ service: 'identity', route: 'oidc-well-known', status: '200' })).toBe(1);
    expect(requests({ route: 'oidc-jwks', method: 'GET', status: '200' })).toBe(1);
    expect(requests({ route: 'interaction' })).toBe(1);
    // The path's id is not a label.
    expect(JSON.stringify(scrape.labelsOf('kollegia_http_requests_total'))).not.toMatch(
      /not-a-real-one/,
    );
    expect(scrape.families.get('kollegia_process_cpu_seconds_total')?.type).toBe('COUNTER');
    expect(scrape.families.get('kollegia_http_request_duration_seconds')?.type).toBe('HISTOGRAM');
    expect(scrape.families.has('kollegia_job_last_success_timestamp_seconds')).toBe(true);
  });
});
