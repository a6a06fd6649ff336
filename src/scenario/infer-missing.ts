/**
 * Behaviours for the containers the annotation leaves out, inferred from what they run (command,
 * args, probes, hooks) and written into the annotation, each under an `# inferred: …` comment the
 * user can check. Import, the CLI and the YAML tab's "Infer behaviours" (add-inferred-behaviors)
 * all go through here.
 */
import { Document, Pair, Scalar, type YAMLMap } from 'yaml';
import { editBehaviors } from './edit-behavior';
import { inferBehavior, type InferredBehavior } from './infer-behavior';
import type { HookCommands } from './infer-hooks';
import type { ProbeCommand } from './infer-probes';
import { undescribedContainers } from './undescribed-containers';

const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Infers a behaviour for every container the behaviour annotation does not mention. */
export function inferMissing(pod: Document): InferredBehavior[] {
  return undescribedContainers(pod).map(({ name, list, node }) => {
    const container = node.toJSON() as Record<string, unknown>;
    return inferBehavior({
      name,
      image: typeof container.image === 'string' ? container.image : '',
      command: stringList(container.command),
      args: stringList(container.args),
      // An ephemeral container runs beside the app containers, as one of them would.
      role: list === 'initContainers' ? (container.restartPolicy === 'Always' ? 'sidecar' : 'init') : 'regular',
      probes: probesOf(container),
      hooks: hooksOf(container),
      ...(typeof container.terminationMessagePath === 'string' ? { terminationMessagePath: container.terminationMessagePath } : {}),
      ...(container.stdin === true && container.tty === true ? { interactive: true } : {}),
    });
  });
}

/** Adds the guesses after the annotation's own entries, keeping those and their comments. */
export function writeInferred(pod: Document, inferred: readonly InferredBehavior[]): void {
  editBehaviors(pod, (inner) => appendEntries(inner, inferred));
}

function appendEntries(inner: Document, inferred: readonly InferredBehavior[]): void {
  for (const { container, behavior, reason } of inferred) {
    const value = inner.createNode(behavior) as YAMLMap;
    value.flow = true;
    const key = new Scalar(container);
    key.commentBefore = ` inferred: ${reason}`;
    (inner.contents as YAMLMap).items.push(new Pair(key, value));
  }
}

/** The entries alone, as annotation text: what a splice adds to the user's own entries. */
export function inferredEntriesText(inferred: readonly InferredBehavior[]): string {
  const entries = new Document({});
  appendEntries(entries, inferred);
  return entries.toString(TO_STRING);
}

function probesOf(container: Record<string, unknown>): ProbeCommand[] {
  return (['startup', 'readiness', 'liveness'] as const).flatMap((kind) => {
    const probe = container[`${kind}Probe`];
    if (!probe || typeof probe !== 'object') return [];
    const { exec, httpGet, tcpSocket, grpc, timeoutSeconds } = probe as Record<string, { command?: unknown; path?: unknown; port?: unknown } | undefined>;
    // The API's default timeout is 1 s.
    const read: ProbeCommand = { kind, timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 1 };
    if (exec) read.exec = stringList(exec.command);
    else if (httpGet) read.network = { handler: 'httpGet', path: typeof httpGet.path === 'string' ? httpGet.path : '/', port: portOf(container, httpGet.port) };
    else if (tcpSocket) read.network = { handler: 'tcpSocket', port: portOf(container, tcpSocket.port) };
    else if (grpc) read.network = { handler: 'grpc', port: portOf(container, grpc.port) };
    return [read];
  });
}

function hooksOf(container: Record<string, unknown>): HookCommands {
  const lifecycle = container.lifecycle as Record<string, { exec?: { command?: unknown } } | undefined> | undefined;
  const hooks: HookCommands = {};
  for (const kind of ['postStart', 'preStop'] as const) {
    const handler = lifecycle?.[kind];
    if (handler?.exec) hooks[kind] = { exec: stringList(handler.exec.command) ?? [] };
  }
  return hooks;
}

/** A probe's port: a number, or the name of one of the container's ports (null if none has it). */
function portOf(container: Record<string, unknown>, port: unknown): number | null {
  if (typeof port === 'number') return port;
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  const ports = Array.isArray(container.ports) ? (container.ports as Record<string, unknown>[]) : [];
  const named = ports.find((p) => p && p.name === port);
  return typeof named?.containerPort === 'number' ? named.containerPort : null;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.map(String) : undefined;
}
