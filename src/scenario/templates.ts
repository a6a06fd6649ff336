/**
 * The container kinds of the palette: what each kind button adds. A template is Kubernetes
 * container spec plus the behaviour the `podlab.dev/behavior` annotation gives it; the
 * ready-made ones for each role are in template-library.ts.
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
export const NGINX_STOP = { stopExitCode: 0 };

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
