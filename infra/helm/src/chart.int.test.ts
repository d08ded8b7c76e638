import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { topics } from '@kollegia/events';
import { readSettings } from '@kollegia/local-stack';
import { configProblems, serviceConfigSchema } from '@kollegia/testing';
import { parseAllDocuments } from 'yaml';

import {
  checkedValues,
  ensureChartTools,
  lintChart,
  renderChart,
  validateManifests,
  type ChartTools,
} from './chart';

/**
 * The chart as CI sees it: Helm v4 and the validator (built once, cached) lint, render and
 * strict-check it for each checked values file, and the rendered manifests are held to what the
 * services really are: their ports and health endpoints, the settings their config schemas parse,
 * and ADR 0010's rule that only the gateway reaches the subgraphs.
 */
const root = join(__dirname, '../../..');
const SERVICES = [
  'gateway',
  'members',
  'roundtables',
  'recommendations',
  'requests',
  'identity',
  'web',
];
const SUBGRAPHS = ['members', 'roundtables', 'recommendations', 'requests'];

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  [field: string]: any;
}

let tools: ChartTools;

beforeAll(async () => {
  // The first run on a machine builds Helm and the validator from the Go module proxy.
  tools = await ensureChartTools(readSettings(), (line) =>
    process.stdout.write(`[helm] ${line}\n`),
  );
}, 30 * 60_000);

/** `helm template` of the values: its output as Helm printed it, and its manifests parsed. */
function renderedWith(values: string[], set: string[] = []) {
  const rendered = renderChart(tools, values, set);
  expect({ ok: rendered.ok, errors: rendered.errors }).toEqual({ ok: true, errors: '' });
  const manifests = parseAllDocuments(rendered.output)
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
  return { output: rendered.output, manifests };
}

function render(values: string[], set: string[] = []): Manifest[] {
  return renderedWith(values, set).manifests;
}

const named = (manifests: Manifest[], kind: string, service: string) =>
  manifests.find((m) => m.kind === kind && m.metadata.name === `kollegia-${service}`);

function deploymentOf(manifests: Manifest[], service: string): Manifest {
  const deployment = named(manifests, 'Deployment', service);
  if (!deployment) throw new Error(`no Deployment for ${service}`);
  return deployment;
}

/** Does a label selector pick pods with these labels? */
const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

/**
 * A Deployment's container environment as the pod gets it: its ConfigMap, then its `env` entries
 * (Secret keys from the rendered Secret, or a stand-in for a Secret the chart does not create:
 * its existence and key are asserted separately; field references as the pod name).
 */
function environmentOf(manifests: Manifest[], service: string): Record<string, string> {
  const container = deploymentOf(manifests, service).spec.template.spec.containers[0];
  const environment: Record<string, string> = {};
  for (const source of container.envFrom ?? []) {
    const configMap = manifests.find(
      (m) => m.kind === 'ConfigMap' && m.metadata.name === source.configMapRef.name,
    );
    Object.assign(environment, configMap?.data);
  }
  for (const variable of container.env ?? []) {
    const secretRef = variable.valueFrom?.secretKeyRef;
    if (secretRef) {
      const secret = manifests.find(
        (m) => m.kind === 'Secret' && m.metadata.name === secretRef.name,
      );
      environment[variable.name] =
        secret?.stringData?.[secretRef.key] ?? standIn(variable.name as string);
    } else if (variable.valueFrom?.fieldRef) {
      environment[variable.name] = `kollegia-${service}-7c9f8d6b5-x2x4q`;
    } else {
      environment[variable.name] = variable.value;
    }
  }
  return environment;
}

const standIn = (name: string) =>
  name === 'MONGO_URL' ? 'mongodb://from-the-secret:27017' : 'x'.repeat(48);

const packagePort = (service: string) =>
  (
    JSON.parse(readFileSync(join(root, 'services', service, 'package.json'), 'utf8')) as {
      kollegia: { port: number };
    }
  ).kollegia.port;

describe.each(Object.keys(checkedValues))('the chart with the %s values', (name) => {
  const values = checkedValues[name]!;
  let manifests: Manifest[];
  let output: string;

  beforeAll(() => {
    ({ manifests, output } = renderedWith(values));
  });

  it('should pass helm lint --strict', () => {
    const lint = lintChart(tools, values);
    expect({ ok: lint.ok, output: lint.output + lint.errors }).toMatchObject({ ok: true });
  });

  it('should render only manifests that strict-decode as Kubernetes objects', () => {
    const validation = validateManifests(tools, output);
    expect({ ok: validation.ok, output: validation.output }).toMatchObject({ ok: true });
    expect(validation.output).toMatch(/ 0 failed/);
  });

  it('should give every service a Deployment, a Service, a PodDisruptionBudget and an autoscaler', () => {
    for (const service of SERVICES) {
      const kinds = ['Deployment', 'Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler'];
      const missing = kinds.filter((kind) => !named(manifests, kind, service));
      expect({ service, missing }).toEqual({ service, missing: [] });
      const hpa = named(manifests, 'HorizontalPodAutoscaler', service)!;
      expect(hpa.spec.scaleTargetRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: `kollegia-${service}`,
      });
      expect(hpa.spec.metrics[0].resource.name).toBe('cpu');
    }
  });

  it("should probe each service's real health endpoints on the port it listens on", () => {
    for (const service of SERVICES) {
      const pod = deploymentOf(manifests, service).spec.template.spec;
      const container = pod.containers[0];
      const http = container.ports.find((p: { name: string }) => p.name === 'http');
      expect({ service, port: http.containerPort }).toEqual({
        service,
        port: packagePort(service),
      });
      expect(environmentOf(manifests, service).PORT).toBe(String(packagePort(service)));
      expect(container.readinessProbe.httpGet).toMatchObject({ path: '/readyz', port: 'http' });
      expect(container.livenessProbe.httpGet).toMatchObject({ path: '/healthz', port: 'http' });
      const metrics = container.ports.find((p: { name: string }) => p.name === 'metrics');
      expect(metrics.containerPort).toBe(packagePort(service) + 5000);
      expect(environmentOf(manifests, service).METRICS_PORT).toBe(String(metrics.containerPort));
      const kubeService = named(manifests, 'Service', service)!;
      expect(kubeService.spec.ports).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: 'http', targetPort: 'http' })]),
      );
    }
  });

  it('should run every container as non-root, read-only, without privilege escalation', () => {
    for (const service of SERVICES) {
      const pod = deploymentOf(manifests, service).spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(true);
      expect(pod.containers[0].securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(pod.containers[0].resources.requests).toEqual(
        expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }),
      );
    }
  });

  it('should give each service an environment its own config schema accepts, and only what it parses', () => {
    for (const service of SERVICES) {
      const schema = serviceConfigSchema(service);
      const environment = environmentOf(manifests, service);
      expect({ service, problems: configProblems(schema, environment) }).toEqual({
        service,
        problems: [],
      });
      const unknown = Object.keys(environment).filter((variable) => !(variable in schema.shape));
      expect({ service, unknown }).toEqual({ service, unknown: [] });
    }
  });

  it('should let only the gateway, and the metrics scraper on the metrics port, reach a subgraph', () => {
    const gatewayPods = deploymentOf(manifests, 'gateway').spec.template.metadata.labels;
    for (const subgraph of SUBGRAPHS) {
      const pods = deploymentOf(manifests, subgraph).spec.template.metadata.labels;
      const policies = manifests.filter(
        (m) => m.kind === 'NetworkPolicy' && selects(m.spec.podSelector.matchLabels, pods),
      );
      expect(policies).toHaveLength(1);
      const policy = policies[0]!;
      expect(policy.spec.policyTypes).toEqual(['Ingress']);
      for (const rule of policy.spec.ingress) {
        // A rule without `from` or `ports` would let anyone in.
        expect(rule.from?.length).toBeGreaterThan(0);
        expect(rule.ports?.length).toBe(1);
        const port = rule.ports[0].port;
        if (port === 'http') {
          expect(rule.from).toEqual([{ podSelector: { matchLabels: expect.any(Object) } }]);
          const selector = rule.from[0].podSelector.matchLabels;
          const reached = SERVICES.filter((s) =>
            selects(selector, deploymentOf(manifests, s).spec.template.metadata.labels),
          );
          expect({ subgraph, reached }).toEqual({ subgraph, reached: ['gateway'] });
          expect(selects(selector, gatewayPods)).toBe(true);
        } else {
          expect(port).toBe('metrics');
          expect(rule.from).toEqual([
            {
              namespaceSelector: {},
              podSelector: { matchLabels: { 'app.kubernetes.io/name': 'prometheus' } },
            },
          ]);
        }
      }
    }
  });

  it('should let the gateway call each subgraph at its Service, with the shared secret', () => {
    const environment = environmentOf(manifests, 'gateway');
    const urls = Object.fromEntries(
      environment.SUBGRAPH_URLS!.split(',').map((entry) => entry.split('=') as [string, string]),
    );
    for (const subgraph of SUBGRAPHS) {
      expect(urls[subgraph]).toBe(`http://kollegia-${subgraph}:${packagePort(subgraph)}/graphql`);
      expect(named(manifests, 'Service', subgraph)).toBeDefined();
      expect(environmentOf(manifests, subgraph).GATEWAY_SECRET).toBe(environment.GATEWAY_SECRET);
    }
    expect(environment.GATEWAY_SECRET!.length).toBeGreaterThanOrEqual(32);
    expect(environment.NODE_ENV).toBe('production');
  });
});

describe('the chart with the production values', () => {
  let manifests: Manifest[];

  beforeAll(() => {
    manifests = render(checkedValues.production!);
  });

  it('should run three replicas of every service at least, scaling to more', () => {
    for (const service of SERVICES) {
      const hpa = named(manifests, 'HorizontalPodAutoscaler', service)!;
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(3);
      expect(hpa.spec.maxReplicas).toBeGreaterThan(hpa.spec.minReplicas);
    }
  });

  it('should take its secrets from the existing Secret and publish the gateway, identity and web', () => {
    expect(manifests.filter((m) => m.kind === 'Secret')).toEqual([]);
    const env = deploymentOf(manifests, 'members').spec.template.spec.containers[0].env;
    expect(env).toEqual(
      expect.arrayContaining([
        {
          name: 'MONGO_URL',
          valueFrom: { secretKeyRef: { name: 'kollegia-secrets', key: 'MONGO_URL' } },
        },
      ]),
    );
    const hosts = manifests
      .filter((m) => m.kind === 'Ingress')
      .map((m) => m.spec.rules[0].host as string);
    expect(hosts.sort()).toEqual([
      'api.kollegia.example.org',
      'board.kollegia.example.org',
      'id.kollegia.example.org',
    ]);
    const identity = environmentOf(manifests, 'identity');
    expect(identity.OIDC_ISSUER).toBe('https://id.kollegia.example.org');
    expect(environmentOf(manifests, 'gateway').AUTH_ISSUER).toBe(identity.OIDC_ISSUER);
    expect(environmentOf(manifests, 'web').WEB_GRAPHQL_WS_URL).toBe(
      'wss://api.kollegia.example.org/graphql',
    );
  });
});

describe('the chart with the operators', () => {
  it('should create a KafkaTopic for every topic of the event registry', () => {
    const manifests = render(checkedValues.operators!);
    const created = manifests
      .filter((m) => m.kind === 'KafkaTopic')
      .map((m) => m.spec.topicName as string);
    expect(created.sort()).toEqual(topics.map((t) => t.name).sort());
    const forever = manifests
      .filter((m) => m.kind === 'KafkaTopic' && m.spec.config['retention.ms'] === -1)
      .map((m) => m.spec.topicName as string);
    expect(forever.sort()).toEqual(['kollegia.members.organization', 'kollegia.members.person']);
    expect(environmentOf(manifests, 'members').KAFKA_BROKERS).toBe(
      'kollegia-kafka-kafka-bootstrap:9092',
    );
  });
});

describe('bad values', () => {
  it('should be refused with a message naming the setting', () => {
    const short = renderChart(tools, [], ['secrets.gatewaySecret=too-short']);
    expect(short.ok).toBe(false);
    expect(short.errors).toMatch(/gatewaySecret/);
    const ingress = renderChart(tools, [], ['ingress.enabled=true']);
    expect(ingress.ok).toBe(false);
    expect(ingress.errors).toMatch(/ingress\.enabled needs publicUrls\.gateway/);
    const mongo = renderChart(tools, [], ['mongodb.url=postgres://db']);
    expect(mongo.ok).toBe(false);
    expect(mongo.errors).toMatch(/mongodb/);
  });

  it('should fail validation for an unknown field, a wrong type or an unknown kind', () => {
    const deployment = (spec: string) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: ${spec}\n`;
    const cases = [
      deployment('{replicas: 1, replica: 2}'),
      deployment('{replicas: three}'),
      'apiVersion: v1\nkind: Servise\nmetadata: {name: s}\n',
      'apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\nmetadata: {name: t, labelz: {}}\nspec: {}\n',
    ];
    for (const manifest of cases) {
      expect({ manifest, ok: validateManifests(tools, manifest).ok }).toEqual({
        manifest,
        ok: false,
      });
    }
    expect(validateManifests(tools, deployment('{replicas: 1}')).ok).toBe(true);
  });
});
