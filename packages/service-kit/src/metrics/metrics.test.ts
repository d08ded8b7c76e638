import { ConfigError } from '../config';
import { createMetrics, MAX_OPERATION_NAMES } from './metrics';
import { metricsPortOf } from './server';

describe('the metrics port', () => {
  it('should be PORT + 5000 unless METRICS_PORT is set, and a free one in tests', () => {
    expect(metricsPortOf({ PORT: 4000 })).toBe(9000);
    expect(metricsPortOf({ PORT: 4106 })).toBe(9106);
    expect(metricsPortOf({ PORT: 4101, METRICS_PORT: 9999 })).toBe(9999);
    expect(metricsPortOf({ PORT: 0 })).toBe(0);
    expect(() => metricsPortOf({ PORT: 61000 })).toThrow(ConfigError);
    expect(() => metricsPortOf({ PORT: 61000 })).toThrow(/METRICS_PORT/);
  });
});

describe('operation labels', () => {
  it('should name unnamed operations anonymous and keep the number of names bounded', async () => {
    const metrics = createMetrics('test');
    expect(metrics.operationLabel(undefined)).toBe('anonymous');
    for (let i = 0; i < MAX_OPERATION_NAMES + 50; i += 1) {
      metrics.recordOperation({ name: `Op${i}`, type: 'query', seconds: 0.01, errorCodes: [] });
    }
    expect(metrics.operationLabel('Op0')).toBe('Op0');
    expect(metrics.operationLabel(`Op${MAX_OPERATION_NAMES}`)).toBe('other');
    const series = (await metrics.graphqlOperations.get()).values;
    expect(series).toHaveLength(MAX_OPERATION_NAMES + 1);
    expect(series.find((s) => s.labels.operation === 'other')?.value).toBe(50);
  });

  it('should count an operation’s errors by code', async () => {
    const metrics = createMetrics('test');
    metrics.recordOperation({
      name: 'Register',
      type: 'mutation',
      seconds: 0.02,
      errorCodes: ['BAD_USER_INPUT', 'BAD_USER_INPUT'],
    });
    expect((await metrics.graphqlErrors.get()).values).toEqual([
      expect.objectContaining({
        labels: { operation: 'Register', type: 'mutation', code: 'BAD_USER_INPUT' },
        value: 2,
      }),
    ]);
  });
});
