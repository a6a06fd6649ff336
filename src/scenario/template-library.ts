/**
 * The ready-made containers of the palette, a few for each role, each with a realistic image,
 * command and behaviour. Loaded after the first screen, with the palette's template list.
 */
import { NGINX_STOP, type ContainerTemplate } from './templates';

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
    behavior: { startup: 2, stop: 1, ...NGINX_STOP },
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
