/**
 * How well-known test servers answer HTTP and TCP probes, for the probe inference: agnhost, the
 * image of Kubernetes' e2e tests and of the documentation's HTTP liveness example.
 * - `agnhost liveness` listens on 8080 and answers /healthz with 200 for its first 10 s, then 500;
 *   /redirect?loc=… redirects there (test/images/agnhost/liveness/server.go);
 * - `agnhost test-webserver` answers every path with 200 on port 80 (or `--port`);
 * - `agnhost grpc-health-checking` answers gRPC health checks with SERVING on 5000.
 * The kubelet follows a redirect to the same host and takes one to another host as a success
 * with a warning (pkg/probe/http).
 */

/** What inference knows of an HTTP, TCP or gRPC probe: its path and its port (null: a port name not found). */
export interface NetworkProbe {
  handler: 'httpGet' | 'tcpSocket' | 'grpc';
  path?: string;
  port: number | null;
}

/** When the probe passes, in seconds from the container's start: [from, until), and why. */
export interface Answer {
  from: number;
  until: number;
  why: string;
  /** Where an HTTP probe is redirected on another host: it passes, with a warning. */
  redirect?: string;
}

const LIVENESS_PORT = 8080;
const LIVENESS_HEALTHY_SECONDS = 10;
const WEBSERVER_PORT = 80;
const GRPC_PORT = 5000;

/** The answer of a known server to the probe, or null when the image is not one Podlab knows. */
export function knownServerAnswer(image: string, words: readonly string[], probe: NetworkProbe): Answer | null {
  if (!/(^|\/)agnhost(:|@|$)/.test(image)) return null;
  const subcommand = words.find((w) => !w.startsWith('-') && !w.endsWith('/agnhost') && w !== 'agnhost');
  if (subcommand === 'liveness') return livenessServer(probe);
  if (subcommand === 'test-webserver') {
    const port = portFlag(words) ?? WEBSERVER_PORT;
    return probe.port === port && probe.handler !== 'grpc' ? always(`agnhost test-webserver answers 200 on port ${port}`) : refused(probe);
  }
  if (subcommand === 'grpc-health-checking') {
    return probe.port === GRPC_PORT && probe.handler === 'grpc' ? always(`agnhost grpc-health-checking answers SERVING on port ${GRPC_PORT}`) : refused(probe);
  }
  return null;
}

function livenessServer(probe: NetworkProbe): Answer {
  if (probe.port !== LIVENESS_PORT || probe.handler === 'grpc') return refused(probe);
  if (probe.handler === 'tcpSocket') return always('agnhost liveness accepts connections on 8080 all along');
  return livenessPath(probe.path ?? '/');
}

function livenessPath(path: string): Answer {
  const [route, query = ''] = path.split('?', 2) as [string, string?];
  if (route === '/healthz') {
    return { from: 0, until: LIVENESS_HEALTHY_SECONDS, why: `agnhost liveness answers /healthz with 200 for its first ${LIVENESS_HEALTHY_SECONDS} s, then 500` };
  }
  if (route === '/started') return always('agnhost liveness answers /started with 200');
  if (route === '/redirect') {
    const location = new URLSearchParams(query).get('loc') ?? '';
    // Go's http.Redirect resolves a location without a host against the directory of /redirect.
    if (!/^([a-z][a-z0-9+.-]*:)?\/\//i.test(location)) return livenessPath(location.startsWith('/') ? location : `/${location}`);
    return { ...always(`agnhost liveness redirects to ${location}, another host: the kubelet counts that as a success (with a ProbeWarning)`), redirect: location };
  }
  return { from: 0, until: 0, why: `agnhost liveness answers ${route} with 404` };
}

/** `--port 8000` or `--port=8000`. */
function portFlag(words: readonly string[]): number | null {
  const at = words.findIndex((w) => w === '--port' || w.startsWith('--port='));
  if (at < 0) return null;
  const value = Number(words[at]!.includes('=') ? words[at]!.split('=')[1] : words[at + 1]);
  return Number.isInteger(value) ? value : null;
}

function always(why: string): Answer {
  return { from: 0, until: Infinity, why };
}

function refused(probe: NetworkProbe): Answer {
  const what = probe.handler === 'grpc' ? 'serves gRPC health' : 'listens';
  return { from: 0, until: 0, why: probe.port === null ? 'its port names no container port' : `nothing ${what} on port ${probe.port}` };
}
