/**
 * The container kinds of the palette and the ready-made containers for each role. A template is
 * Kubernetes container spec plus the behaviour the `podlab.dev/behavior` annotation gives it.
 */

/** Where a container sits in the Pod: the four palette kinds. */
export type ContainerKind = 'init' | 'native-sidecar' | 'classic-sidecar' | 'main';

export interface ContainerTemplate {
  id: string;
  label: string;
  kind: ContainerKind;
  /** One line saying what it is for, in plain words. */
  description: string;
  /** The Kubernetes container spec (restartPolicy is set from the kind when added). */
  container: { name: string; image: string } & Record<string, unknown>;
  behavior: Record<string, unknown>;
}

export const KIND_LABELS: Record<ContainerKind, string> = {
  init: 'Init container',
  'native-sidecar': 'Native sidecar',
  'classic-sidecar': 'Classic sidecar',
  main: 'Main container',
};

export const KIND_DESCRIPTIONS: Record<ContainerKind, string> = {
  init: 'Runs to completion before the next one starts',
  'native-sidecar': 'Init container with restartPolicy: Always; keeps running',
  'classic-sidecar': 'A helper beside the app in spec.containers',
  main: 'The application itself',
};

/**
 * A helper that runs until stopped and exits 0 on SIGTERM. Not `tail -f /dev/null`: as PID 1
 * without a handler it would ignore SIGTERM and hold the pod's shutdown for the whole grace period.
 */
const KEEP_RUNNING = "trap 'exit 0' TERM; sleep infinity & wait";

/** nginx's image stops it with SIGQUIT, a graceful shutdown that exits 0 (see infer-behavior CLEAN_STOPS). */
const NGINX_STOP = { stopExitCode: 0 };

/** What each palette kind button adds. */
export const KIND_TEMPLATES: Record<ContainerKind, ContainerTemplate> = {
  init: {
    id: 'kind-init',
    label: KIND_LABELS.init,
    kind: 'init',
    description: KIND_DESCRIPTIONS.init,
    container: { name: 'init', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3'] },
    behavior: { run: 3 },
  },
  'native-sidecar': {
    id: 'kind-native-sidecar',
    label: KIND_LABELS['native-sidecar'],
    kind: 'native-sidecar',
    description: KIND_DESCRIPTIONS['native-sidecar'],
    container: { name: 'sidecar', image: 'busybox:1.36', command: ['sh', '-c', KEEP_RUNNING] },
    behavior: { stopExitCode: 0 },
  },
  'classic-sidecar': {
    id: 'kind-classic-sidecar',
    label: KIND_LABELS['classic-sidecar'],
    kind: 'classic-sidecar',
    description: KIND_DESCRIPTIONS['classic-sidecar'],
    container: { name: 'helper', image: 'busybox:1.36', command: ['sh', '-c', KEEP_RUNNING] },
    behavior: { stopExitCode: 0 },
  },
  main: {
    id: 'kind-main',
    label: KIND_LABELS.main,
    kind: 'main',
    description: KIND_DESCRIPTIONS.main,
    container: { name: 'app', image: 'nginx:1.27', ports: [{ containerPort: 80 }] },
    behavior: NGINX_STOP,
  },
};

export const TEMPLATES: ContainerTemplate[] = [
  {
    id: 'wait-for-database',
    label: 'Wait for database',
    kind: 'init',
    description: 'Polls the database port until it answers',
    container: {
      name: 'wait-for-db',
      image: 'busybox:1.36',
      command: ['sh', '-c', 'until nc -z postgres 5432; do sleep 1; done'],
    },
    behavior: { run: 5 },
  },
  {
    id: 'schema-migration',
    label: 'Schema migration',
    kind: 'init',
    description: 'Applies database migrations, then exits',
    container: {
      name: 'migrate',
      image: 'migrate/migrate:v4.17.0',
      args: ['-path', '/migrations', '-database', '$(DATABASE_URL)', 'up'],
    },
    behavior: { run: 4 },
  },
  {
    id: 'git-clone',
    label: 'Git clone',
    kind: 'init',
    description: 'Clones the site content into a shared volume',
    container: {
      name: 'git-clone',
      image: 'alpine/git:2.45.2',
      args: ['clone', '--depth=1', 'https://github.com/example/site.git', '/work/site'],
    },
    behavior: { run: 3, pull: 2 },
  },
  {
    id: 'permissions-fixer',
    label: 'Permissions fixer',
    kind: 'init',
    description: 'Gives the app user ownership of the data volume',
    container: {
      name: 'fix-permissions',
      image: 'busybox:1.36',
      command: ['sh', '-c', 'chown -R 1000:1000 /data'],
    },
    behavior: { run: 1 },
  },
  {
    id: 'log-shipper',
    label: 'Log shipper',
    kind: 'native-sidecar',
    description: 'Tails the app logs and ships them away',
    container: {
      name: 'log-shipper',
      image: 'fluent/fluent-bit:3.1.9',
      args: ['-i', 'tail', '-p', 'path=/var/log/app/*.log', '-o', 'stdout'],
    },
    behavior: { stop: 2, stopExitCode: 0 },
  },
  {
    id: 'service-mesh-proxy',
    label: 'Service-mesh proxy',
    kind: 'native-sidecar',
    description: 'Carries the pod traffic; up before the app, down after it',
    container: {
      name: 'mesh-proxy',
      image: 'envoyproxy/envoy:v1.31.0',
      args: ['-c', '/etc/envoy/envoy.yaml'],
      startupProbe: { httpGet: { path: '/ready', port: 15021 }, periodSeconds: 1, failureThreshold: 30 },
    },
    behavior: { startup: 3, stop: 5, stopExitCode: 0 },
  },
  {
    id: 'metrics-exporter',
    label: 'Metrics exporter',
    kind: 'native-sidecar',
    description: 'Exposes the app metrics to Prometheus',
    container: {
      name: 'metrics-exporter',
      image: 'prom/statsd-exporter:v0.27.1',
      readinessProbe: { tcpSocket: { port: 9102 }, periodSeconds: 5 },
    },
    behavior: { startup: 1 },
  },
  {
    id: 'config-reloader',
    label: 'Config reloader',
    kind: 'classic-sidecar',
    description: 'Watches a ConfigMap and tells the app to reload',
    container: {
      name: 'config-reloader',
      image: 'ghcr.io/jimmidyson/configmap-reload:v0.13.1',
      args: ['--volume-dir=/etc/app', '--webhook-url=http://127.0.0.1:8080/-/reload'],
    },
    behavior: {},
  },
  {
    id: 'web-server',
    label: 'Web server',
    kind: 'main',
    description: 'Serves the site; ready when / answers',
    container: {
      name: 'web',
      image: 'nginx:1.27',
      ports: [{ containerPort: 80 }],
      readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 2 },
      lifecycle: { preStop: { sleep: { seconds: 3 } } },
    },
    behavior: { startup: 2, preStop: 3, stop: 1, ...NGINX_STOP },
  },
  {
    id: 'api',
    label: 'API',
    kind: 'main',
    description: 'A JSON API with liveness and readiness probes',
    container: {
      name: 'api',
      image: 'ghcr.io/example/orders-api:2.3.1',
      ports: [{ containerPort: 8080 }],
      readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 2 },
      livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5, failureThreshold: 3 },
    },
    behavior: { startup: 6, stop: 2 },
  },
  {
    id: 'batch-job',
    label: 'Batch job',
    kind: 'main',
    description: 'Builds a report, then exits 0',
    container: {
      name: 'report',
      image: 'python:3.12-slim',
      command: ['python', '/app/report.py'],
    },
    behavior: { run: 20 },
  },
];

export function findTemplate(id: string): ContainerTemplate | undefined {
  return TEMPLATES.find((template) => template.id === id) ?? Object.values(KIND_TEMPLATES).find((t) => t.id === id);
}
