/**
 * Guesses a container's behaviour from what it runs, for manifests written without Podlab's
 * `podlab.dev/behavior` annotation: `sleep 30` runs 30 s, `exit 3` fails with 3, servers and
 * `sleep infinity` run until stopped; when its probes pass comes from infer-probes. Every guess
 * carries a sentence the UI shows as "inferred: …".
 */
import { lastBytes, logTail, MAX_CONTAINER_TERMINATION_MESSAGE_LENGTH } from '../engine/rules/termination-message';
import { inferHooks, type HookCommands } from './infer-hooks';
import { inferProbes, type ProbeCommand, type ProbeWindows } from './infer-probes';
import { DEFAULT_MESSAGE_PATH, runOfScript, type ScriptOutput } from './script-run';
import { scriptOf } from './shell-script';

/** The behaviour fields a guess can set (the annotation's names). `{}` means "runs until stopped". */
export interface InferredFields {
  run?: number;
  exitCode?: number;
  startup?: number;
  unhealthyAfter?: number;
  /** A probe's own window where it differs from the container's. */
  probes?: ProbeWindows;
  stop?: number | 'ignore';
  stopExitCode?: number;
  postStart?: number;
  postStartFails?: true;
  preStop?: number;
  preStopFails?: true;
  /** What it leaves in its termination-message file, and the end of what it prints. */
  message?: string;
  logs?: string;
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
  /** What its postStart and preStop hooks run. */
  hooks?: HookCommands;
  /** Where it writes its termination message (default /dev/termination-log). */
  terminationMessagePath?: string;
  /** `stdin` and `tty`: a terminal someone attaches to, as `kubectl debug -it` and `kubectl run -it` make. */
  interactive?: boolean;
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
/**
 * Official server and agent images that shut down cleanly, exiting 0, on the signal the kubelet's
 * stop brings: containerd sends the image's STOPSIGNAL in place of SIGTERM when it has one
 * (internal/cri/server/container_stop.go; KEP-4960 keeps that order below the new
 * lifecycle.stopSignal). The signal is the image's whatever the pod's command, so a command that
 * runs the server itself as PID 1 (`nginx -g 'daemon off;'`) stops as cleanly as the default.
 */
const CLEAN_STOPS: Record<string, { signal: string; programs: readonly string[] }> = {
  nginx: { signal: 'SIGQUIT, its image\'s STOPSIGNAL, for a graceful shutdown', programs: ['nginx', 'nginx-debug'] },
  postgres: { signal: 'SIGINT, its image\'s STOPSIGNAL, for a fast shutdown', programs: ['postgres'] },
  redis: { signal: 'SIGTERM, which it handles by shutting down', programs: ['redis-server'] },
  // docker-library/httpd 3ebff8d sets STOPSIGNAL SIGWINCH; server/main.c exits 0 once the MPM is DONE.
  httpd: { signal: 'SIGWINCH, its image\'s STOPSIGNAL, for a graceful stop', programs: ['httpd', 'httpd-foreground'] },
  // source/exe/main.cc: the event loop ends on SIGTERM and main returns EXIT_SUCCESS.
  'envoyproxy/envoy': { signal: 'SIGTERM, which ends its event loop', programs: ['envoy'] },
  // aws/aws-for-fluent-bit#14: "receives a SIGTERM and gracefully shuts down - leads to code 0".
  'fluent/fluent-bit': { signal: 'SIGTERM, on which it flushes what it holds (for up to its grace, 5 s)', programs: ['fluent-bit'] },
};
/** Images whose default command is a shell: without a terminal it exits at once with 0. */
const SHELLS = ['sh', 'ash', 'bash', 'dash', 'zsh'];
const SHELL_IMAGES = ['busybox', 'alpine', 'ubuntu', 'debian', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'bash'];
const ASSUMED_INIT_RUN = 2;
/** How much of a script a reason quotes. */
const SHOWN_SCRIPT = 80;

/** Infers one container's behaviour: how it runs, and when its probes pass. */
export function inferBehavior(container: ContainerCommand): InferredBehavior {
  const argv = argvOf(container);
  const run = runOf(container, argv);
  const server = { image: container.image, words: [...(container.command ?? []), ...(container.args ?? [])] };
  const probes = container.probes ? inferProbes(argv, container.probes, server) : null;
  const hooks = container.hooks ? inferHooks(container.hooks) : null;
  let guess = run;
  for (const more of [probes, hooks]) {
    if (!more) continue;
    guess = { container: guess.container, behavior: { ...guess.behavior, ...more.fields }, reason: `${guess.reason}; ${more.reason}`, certain: guess.certain && more.certain };
  }
  return guess;
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

  const clean = cleanStopOf(repository, argv);
  if (argv) {
    const guess = fromArgv(argv, container.terminationMessagePath || DEFAULT_MESSAGE_PATH);
    if (guess && clean) return { container: name, behavior: { ...guess.behavior, stopExitCode: 0 }, reason: `${guess.reason}${cleanly(clean)}`, certain: guess.certain };
    if (guess) return { container: name, ...guess };
  }
  // A server image given its own command or arguments in an init container runs a one-off task
  // (istio-init runs istio-iptables in the proxyv2 image), which an init container must finish.
  const ownRun = role === 'init' && Boolean(container.command?.length || container.args?.length);
  if (SERVER_IMAGES.some((s) => repository.includes(s)) && !ownRun) {
    return {
      container: name,
      behavior: clean ? { stopExitCode: 0 } : {},
      reason: `${image} is a long-running server: runs until stopped${clean ? cleanly(clean) : ''}`,
      certain: !argv || clean !== null,
    };
  }
  // A shell with a terminal waits for what its user types; as PID 1 with no handler, it ignores SIGTERM.
  if (container.interactive && ((!argv && shellImage) || (argv?.length === 1 && SHELLS.includes(argv[0]!.split('/').pop()!)))) {
    return {
      container: name,
      behavior: { stop: 'ignore' },
      reason: `an interactive shell (stdin and tty): runs until its user exits it, and ignores SIGTERM as PID 1, so only SIGKILL stops it`,
      certain: true,
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
  const what = argv
    ? `\`${argv.join(' ')}\``
    : container.args?.length
      ? `${container.image} with the arguments \`${container.args.join(' ')}\``
      : `the default command of ${container.image}`;
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

const cleanly = ({ signal }: { signal: string }) => `; the kubelet's stop brings it ${signal}, and it exits 0`;

/** The clean stop of an official server image running its default command or its server program. */
function cleanStopOf(repository: string, argv: readonly string[] | undefined) {
  const clean = CLEAN_STOPS[repository.replace(/^library\//, '')];
  if (!clean || !argv) return clean ?? null;
  const program = argv[0]?.split('/').pop();
  return program !== undefined && clean.programs.includes(program) ? clean : null;
}

type Guess = Omit<InferredBehavior, 'container'>;

function fromArgv(argv: readonly string[], messagePath: string): Guess | null {
  const script = scriptOf(argv);
  return script === null ? null : fromScript(script, messagePath);
}

/** Reads a shell script with script-run: how long it runs, how it exits, what SIGTERM does, what it writes. */
function fromScript(script: string, messagePath: string): Guess | null {
  const shown = `\`${abridged(script.trim().replace(/\s+/g, ' '))}\``;
  const scriptRun = runOfScript(script, messagePath);
  if (!scriptRun) return null;
  const output = outputFields(scriptRun.output);
  if (scriptRun.ends === 'server') return { behavior: output, reason: `runs ${shown}: \`${scriptRun.program}\` serves until stopped`, certain: true };
  const guess =
    scriptRun.ends === 'never'
      ? { behavior: {}, reason: `runs ${shown}: ${scriptRun.why}, runs until stopped`, certain: true }
      : finish(scriptRun.seconds, scriptRun.exitCode, shown, scriptRun.unknown);
  const { term } = scriptRun;
  return {
    behavior: { ...guess.behavior, stop: term.stop, ...(term.stopExitCode === undefined ? {} : { stopExitCode: term.stopExitCode }), ...output },
    reason: `${guess.reason}; ${term.why}`,
    certain: guess.certain && term.certain,
  };
}

/** The texts a script leaves, as much of them as the kubelet reads: the file's last 4096 bytes, the log's tail. */
function outputFields({ message, logs }: ScriptOutput): Pick<InferredFields, 'message' | 'logs'> {
  return {
    ...(message ? { message: lastBytes(message, MAX_CONTAINER_TERMINATION_MESSAGE_LENGTH) } : {}),
    ...(logs ? { logs: logTail(logs) } : {}),
  };
}

/** A long script (upstream's e2e harness writes a dozen commands) by its first words. */
function abridged(script: string): string {
  if (script.length <= SHOWN_SCRIPT) return script;
  const cut = script.lastIndexOf(' ', SHOWN_SCRIPT);
  return `${script.slice(0, cut > 0 ? cut : SHOWN_SCRIPT).replace(/[;&|]+$/, '')} …`;
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
