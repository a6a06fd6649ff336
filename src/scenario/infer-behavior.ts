/**
 * Guesses a container's behaviour from what it runs, for manifests written without Podlab's
 * `podlab.dev/behavior` annotation: `sleep 30` runs 30 s, `exit 3` fails with 3, servers and
 * `sleep infinity` run until stopped; when its probes pass comes from infer-probes. Every guess
 * carries a sentence the UI shows as "inferred: …".
 */
import { inferProbes, type ProbeCommand, type ProbeWindows } from './infer-probes';
import { basename, CONTROL_WORDS, parseDuration, scriptOf, simpleCommands, toExitCode } from './shell-script';

/** The behaviour fields a guess can set (the annotation's names). `{}` means "runs until stopped". */
export interface InferredFields {
  run?: number;
  exitCode?: number;
  startup?: number;
  unhealthyAfter?: number;
  /** A probe's own window where it differs from the container's. */
  probes?: ProbeWindows;
  stop?: 'ignore';
}

export interface InferredBehavior {
  container: string;
  behavior: InferredFields;
  /** Why, in plain words: "runs `sleep 30`: exits 0 after 30 s". */
  reason: string;
  /** False when Podlab had to assume; the UI asks the user to check. */
  certain: boolean;
}

export interface ContainerCommand {
  name: string;
  image: string;
  command?: readonly string[];
  args?: readonly string[];
  /** Regular init containers are meant to finish, so an unknown one is assumed to succeed. */
  role: 'init' | 'sidecar' | 'regular';
  /** Its startup, readiness and liveness probes, with exec commands where they have them. */
  probes?: readonly ProbeCommand[];
}

/** Images whose default command is a long-running server or agent. */
const SERVER_IMAGES = [
  'nginx', 'envoy', 'redis', 'valkey', 'postgres', 'postgis', 'mysql', 'mariadb', 'httpd', 'apache', 'haproxy',
  'traefik', 'fluent-bit', 'fluentd', 'prometheus', 'exporter', 'proxyv2', 'istio', 'linkerd', 'l5d', 'memcached',
  'mongo', 'rabbitmq', 'kafka', 'zookeeper', 'elasticsearch', 'opensearch', 'grafana', 'caddy', 'consul', 'vault',
  'etcd', 'coredns', 'pause', 'tomcat', 'jetty', 'minio', 'nats', 'opentelemetry-collector', 'otel', 'jaeger', 'loki',
  'promtail', 'vector', 'filebeat', 'logstash', 'keycloak', 'wordpress', 'squid', 'varnish', 'oauth2-proxy',
  'kube-rbac-proxy', 'cloud-sql-proxy', 'cloudflared', 'echoserver', 'agnhost', 'hello-app', 'whoami',
];
/** Binaries that serve until stopped when run in the foreground. */
const SERVER_COMMANDS = [
  'nginx', 'envoy', 'redis-server', 'postgres', 'mysqld', 'mariadbd', 'httpd', 'apache2', 'haproxy', 'traefik',
  'fluent-bit', 'fluentd', 'prometheus', 'memcached', 'mongod', 'caddy', 'consul', 'vault', 'etcd', 'coredns',
  'pause', 'gunicorn', 'uvicorn', 'java', 'node', 'npm', 'dotnet', 'php-fpm', 'rails', 'puma', 'socat',
  'pilot-agent', 'linkerd2-proxy', 'otelcol', 'vector', 'grafana-server', 'kubectl-proxy',
];
/** Images whose default command is a shell: without a terminal it exits at once with 0. */
const SHELL_IMAGES = ['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'bash'];
/** Commands that finish at once (with 0) for inference purposes. */
const QUICK_COMMANDS = [
  'echo', 'printf', 'cp', 'mv', 'mkdir', 'touch', 'cat', 'ls', 'chmod', 'chown', 'ln', 'rm', 'date', 'env',
  'id', 'hostname', 'set', 'export', 'cd', 'sync', 'tee', 'sed', 'grep', 'head', 'wc', 'test', '[', ':', 'true', 'uname',
];
const ASSUMED_INIT_RUN = 2;

/** Infers one container's behaviour: how it runs, and when its probes pass. */
export function inferBehavior(container: ContainerCommand): InferredBehavior {
  const argv = argvOf(container);
  const run = runOf(container, argv);
  const server = { image: container.image, words: [...(container.command ?? []), ...(container.args ?? [])] };
  const probes = container.probes ? inferProbes(argv, container.probes, server) : null;
  if (!probes) return run;
  return { container: run.container, behavior: { ...run.behavior, ...probes.fields }, reason: `${run.reason}; ${probes.reason}`, certain: run.certain && probes.certain };
}

/** What the container runs: its command and args, or args alone where the image's command is a shell. */
function argvOf({ command, args, image }: ContainerCommand): readonly string[] | undefined {
  if (command && command.length > 0) return [...command, ...(args ?? [])];
  if (args && args.length > 0 && SHELL_IMAGES.includes(imageName(image))) return args;
  return undefined;
}

function runOf(container: ContainerCommand, argv: readonly string[] | undefined): InferredBehavior {
  const { name, role } = container;
  const image = imageName(container.image);
  const repository = imageRepository(container.image);
  const shellImage = SHELL_IMAGES.some((s) => image === s);

  if (argv) {
    const guess = fromArgv(argv);
    if (guess) return { container: name, ...guess };
  }
  if (SERVER_IMAGES.some((s) => repository.includes(s))) {
    return {
      container: name,
      behavior: {},
      reason: `${image} is a long-running server: runs until stopped`,
      certain: !argv,
    };
  }
  if (!argv && shellImage) {
    return {
      container: name,
      behavior: { run: 0, exitCode: 0 },
      reason: `${image}'s default command is a shell, which exits at once (0) without a terminal`,
      certain: true,
    };
  }
  const what = argv ? `\`${argv.join(' ')}\`` : `the default command of ${container.image}`;
  if (role === 'init') {
    return {
      container: name,
      behavior: { run: ASSUMED_INIT_RUN, exitCode: 0 },
      reason: `unknown command (${what}): assumed to finish with 0 after ${ASSUMED_INIT_RUN} s, as an init container should`,
      certain: false,
    };
  }
  return {
    container: name,
    behavior: {},
    reason: `unknown command (${what}): assumed to run until stopped`,
    certain: false,
  };
}

type Guess = Omit<InferredBehavior, 'container'>;

function fromArgv(argv: readonly string[]): Guess | null {
  const script = scriptOf(argv);
  return script === null ? null : fromScript(script);
}

/**
 * A shell, `sleep` or `tail` as the container's first process (PID 1) installs no SIGTERM handler,
 * and the kernel does not deliver a signal without one to PID 1: only SIGKILL, at the end of the
 * grace period, stops it (why `kubectl delete` of a `sleep 3600` pod takes 30 s).
 */
function pid1(guess: Guess): Guess {
  return {
    ...guess,
    behavior: { ...guess.behavior, stop: 'ignore' },
    reason: `${guess.reason}; as PID 1 without a SIGTERM handler it ignores SIGTERM`,
  };
}

/** Reads a shell script as a straight sequence of simple commands. */
function fromScript(script: string): Guess | null {
  const shown = `\`${script.trim().replace(/\s+/g, ' ')}\``;
  if (/\bwhile\s+(true|:|\[\s*1\s*\])\s*;?\s*do\b/.test(script) || /\bfor\s*\(\(\s*;;\s*\)\)/.test(script)) {
    return pid1({ behavior: {}, reason: `runs ${shown}, an endless loop: runs until stopped`, certain: true });
  }
  let seconds = 0;
  let exitCode = 0;
  let unknown: string | null = null;
  for (const words of simpleCommands(script)) {
    const [first, ...rest] = words[0] === 'exec' ? words.slice(1) : words;
    const program = basename(first ?? '');
    if (program === '') continue;
    if (CONTROL_WORDS.includes(program)) return null;
    if (program === 'exit') {
      exitCode = toExitCode(rest[0]);
      return pid1(finish(seconds, exitCode, shown, unknown));
    }
    if (program === 'sleep') {
      const duration = parseDuration(rest[0]);
      if (duration === Infinity) return pid1({ behavior: {}, reason: `runs ${shown}: sleeps forever, runs until stopped`, certain: true });
      if (duration === null) return null;
      seconds += duration;
      exitCode = 0;
    } else if (program === 'tail' && rest.some((a) => /^-[a-zA-Z]*[fF]/.test(a))) {
      return pid1({ behavior: {}, reason: `runs ${shown}: \`tail -f\` follows forever, runs until stopped`, certain: true });
    } else if (program === 'false') {
      exitCode = 1;
    } else if (QUICK_COMMANDS.includes(program)) {
      exitCode = 0;
    } else if (
      SERVER_COMMANDS.includes(program) ||
      (program.startsWith('python') && rest.includes('http.server')) ||
      (program === 'nc' && rest.some((a) => /^-[a-zA-Z]*l/.test(a)))
    ) {
      return { behavior: {}, reason: `runs ${shown}: \`${program}\` serves until stopped`, certain: true };
    } else {
      unknown ??= program;
      exitCode = 0;
    }
  }
  return unknown === null ? pid1(finish(seconds, exitCode, shown, null)) : null;
}

function finish(seconds: number, exitCode: number, shown: string, unknown: string | null): Guess {
  const when = seconds === 0 ? 'at once' : `after ${seconds} s`;
  const assumption = unknown === null ? '' : ` (assuming \`${unknown}\` finishes at once)`;
  return {
    behavior: exitCode === 0 ? { run: seconds } : { run: seconds, exitCode },
    reason: `runs ${shown}: exits ${exitCode} ${when}${assumption}`,
    certain: unknown === null,
  };
}

/** `docker.io/library/nginx:1.27@sha256:…` → `nginx`; `ghcr.io/x/fluent-bit:3` → `fluent-bit`. */
function imageName(image: string): string {
  const repository = imageRepository(image);
  return repository.slice(repository.lastIndexOf('/') + 1);
}

/** The image path without registry host, tag and digest: `cr.l5d.io/linkerd/proxy:2` → `linkerd/proxy`. */
function imageRepository(image: string): string {
  const parts = (image.split('@')[0] ?? '').toLowerCase().split('/');
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0] ?? '')) parts.shift();
  const path = parts.join('/');
  const tag = path.lastIndexOf(':');
  return tag > path.lastIndexOf('/') ? path.slice(0, tag) : path;
}
