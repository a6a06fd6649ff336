import { describe, expect, it } from 'vitest';
import { inferBehavior, type ContainerCommand } from './infer-behavior';

function infer(partial: Partial<ContainerCommand>) {
  return inferBehavior({ name: 'c', image: 'busybox:1.36', role: 'regular', ...partial });
}

describe('commands', () => {
  it('reads `sleep N` as a run of N seconds', () => {
    expect(infer({ command: ['sleep', '30'] })).toMatchObject({ behavior: { run: 30 }, certain: true });
    expect(infer({ command: ['sh', '-c', 'sleep 2m'] }).behavior).toEqual({ run: 120, stop: 'ignore' });
    expect(infer({ args: ['sleep', '5'] }).behavior).toEqual({ run: 5, stop: 'ignore' });
  });

  it('adds up sleeps and takes the exit code of `exit N`', () => {
    const guess = infer({ command: ['/bin/sh', '-c'], args: ['echo migrating; sleep 4; sleep 1\nexit 3'] });
    expect(guess).toMatchObject({ behavior: { run: 5, exitCode: 3 }, certain: true });
    expect(guess.reason).toContain('exits 3 after 5 s');
    expect(infer({ command: ['sh', '-ec', 'sleep 3 && exit 1'] }).behavior).toEqual({ run: 3, exitCode: 1, stop: 'ignore' });
    expect(infer({ command: ['false'] }).behavior).toEqual({ run: 0, exitCode: 1, stop: 'ignore' });
    expect(infer({ command: ['sh', '-c', 'exit 300'] }).behavior).toEqual({ run: 0, exitCode: 44, stop: 'ignore' });
  });

  it('reads endless commands as running until stopped', () => {
    for (const [command, stop] of [
      [['sleep', 'infinity'], 'ignore'],
      [['sh', '-c', 'touch /var/log/app.log; tail -f /var/log/app.log'], 'ignore'],
      [['sh', '-c', 'while true; do echo tick; sleep 5; done'], 'ignore'],
      [['nginx', '-g', 'daemon off;'], undefined],
      [['python3', '-m', 'http.server', '8080'], undefined],
      [['sh', '-c', 'exec redis-server --appendonly yes'], undefined],
      [['nc', '-lk', '-p', '8080'], undefined],
    ] as const) {
      const guess = infer({ command });
      expect(guess.behavior, command.join(' ')).toEqual(stop ? { stop } : {});
      expect(guess.certain).toBe(true);
      expect(guess.reason).toContain('until stopped');
    }
  });

  it('has a shell, sleep or tail as PID 1 ignore SIGTERM, as the kernel does without a handler', () => {
    const guess = infer({ command: ['/bin/sh', '-c', 'sleep 600'] });
    expect(guess.behavior).toEqual({ run: 600, stop: 'ignore' });
    expect(guess.reason).toContain('as PID 1 without a SIGTERM handler it ignores SIGTERM');
    expect(infer({ command: ['nginx', '-g', 'daemon off;'] }).behavior.stop).toBeUndefined();
  });

  it('quotes a long script by its first words', () => {
    const guess = infer({ command: ['sh', '-c', `${'echo starting the database migration now; '.repeat(4)}sleep 5; exit 0`] });
    expect(guess.reason).toBe('runs `echo starting the database migration now; echo starting the database migration …`: exits 0 after 5 s; as PID 1 without a SIGTERM handler it ignores SIGTERM');
  });

  it('marks an exit after an unknown command as an assumption', () => {
    const guess = infer({ command: ['sh', '-c', './migrate up; exit 2'] });
    expect(guess).toMatchObject({ behavior: { run: 0, exitCode: 2 }, certain: false });
    expect(guess.reason).toContain('assuming `migrate` finishes at once');
  });

  it('tells a netcat check from a netcat server', () => {
    const guess = inferBehavior({ name: 'wait', image: 'busybox:1.36', command: ['sh', '-c', 'nc -z -w 5 db 5432'], role: 'init' });
    expect(guess).toMatchObject({ behavior: { run: 2, exitCode: 0 }, certain: false });
  });

  it('does not guess through shell control flow', () => {
    const guess = infer({ command: ['sh', '-c', 'if [ -f /x ]; then exit 1; fi; sleep 3'] });
    expect(guess).toMatchObject({ behavior: {}, certain: false });
  });
});

describe('images', () => {
  it('knows which official server images stop cleanly: their stop signal, and exit 0', () => {
    for (const image of ['nginx:1.27', 'docker.io/library/nginx:1.27', 'postgres:16', 'redis:7', 'httpd:2.4', 'envoyproxy/envoy:v1.31.0', 'cr.fluentbit.io/fluent/fluent-bit:3.1.9']) {
      const guess = inferBehavior({ name: 'c', image, role: 'regular' });
      expect(guess.behavior, image).toEqual({ stopExitCode: 0 });
      expect(guess.reason, image).toMatch(/the kubelet's stop brings it SIG[A-Z]+.*and it exits 0$/);
    }
    // The stop signal is the image's whatever the command: the server run as PID 1 stops as cleanly.
    for (const command of [['nginx', '-g', 'daemon off;'], ['/usr/sbin/nginx-debug', '-g', 'daemon off;']]) {
      expect(inferBehavior({ name: 'c', image: 'nginx:1.27', command, role: 'regular' }), command.join(' ')).toMatchObject({ behavior: { stopExitCode: 0 }, certain: true });
    }
    expect(inferBehavior({ name: 'c', image: 'redis:7', command: ['redis-server', '--appendonly', 'yes'], role: 'regular' }).behavior).toEqual({ stopExitCode: 0 });
    // Not an official image, or another program: the usual death by SIGTERM.
    expect(inferBehavior({ name: 'c', image: 'bitnami/nginx:1.27', role: 'regular' }).behavior).toEqual({});
    expect(inferBehavior({ name: 'c', image: 'bitnami/apache:2.4', role: 'regular' }).behavior).toEqual({});
    expect(inferBehavior({ name: 'c', image: 'nginx:1.27', command: ['/bin/entrypoint', 'serve'], role: 'regular' })).toMatchObject({ behavior: {}, certain: false });
  });

  it('knows long-running servers by image', () => {
    for (const image of [
      'nginx:1.27',
      'docker.io/envoyproxy/envoy:v1.31.0',
      'redis:7',
      'postgres:16@sha256:abc',
      'mysql:8',
      'httpd:2.4',
      'haproxy:3.0',
      'traefik:v3',
      'fluent/fluent-bit:3.1',
      'fluent/fluentd:v1.17',
      'quay.io/prometheus/node-exporter:v1.8.0',
      'istio/proxyv2:1.23.0',
      'cr.l5d.io/linkerd/proxy:stable-2.14.10',
    ]) {
      expect(inferBehavior({ name: 'c', image, role: 'regular' }), image).toMatchObject({ behavior: {}, certain: true });
    }
  });

  it("knows that busybox's default shell exits at once", () => {
    expect(infer({})).toMatchObject({ behavior: { run: 0, exitCode: 0 }, certain: true });
  });

  it('assumes an unknown regular container or sidecar runs until stopped, and says so', () => {
    const guess = inferBehavior({ name: 'api', image: 'example.com/shop/api:2.1', role: 'regular' });
    expect(guess).toEqual({
      container: 'api',
      behavior: {},
      reason: 'unknown command (the default command of example.com/shop/api:2.1): assumed to run until stopped',
      certain: false,
    });
    expect(inferBehavior({ name: 'agent', image: 'example.com/agent:1', role: 'sidecar' }).behavior).toEqual({});
  });

  it('assumes an unknown init container finishes, since the pod would never start otherwise', () => {
    const guess = inferBehavior({ name: 'migrate', image: 'migrate/migrate:v4', args: ['up'], role: 'init' });
    expect(guess).toMatchObject({ behavior: { run: 2, exitCode: 0 }, certain: false });
    expect(guess.reason).toContain('assumed to finish');
  });

  it('takes a server image run with its own arguments as an init container for a one-off task', () => {
    // Istio's injected istio-init: the proxyv2 image, running istio-iptables.
    const init = inferBehavior({ name: 'istio-init', image: 'docker.io/istio/proxyv2:1.24.0', args: ['istio-iptables', '-p', '15001'], role: 'init' });
    expect(init).toMatchObject({ behavior: { run: 2, exitCode: 0 }, certain: false });
    expect(init.reason).toBe('unknown command (docker.io/istio/proxyv2:1.24.0 with the arguments `istio-iptables -p 15001`): assumed to finish with 0 after 2 s, as an init container should');
    // The same image as the native sidecar, or as an init container with no arguments, is the server.
    expect(inferBehavior({ name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.24.0', args: ['proxy', 'sidecar'], role: 'sidecar' }).behavior).toEqual({});
    expect(inferBehavior({ name: 'proxy', image: 'docker.io/istio/proxyv2:1.24.0', role: 'init' }).behavior).toEqual({});
  });
});

describe('termination message and logs', () => {
  it('reads what the script writes to its terminationMessagePath and prints', () => {
    expect(infer({ command: ['/bin/sh', '-c'], args: ['/bin/echo -n DONE > /dev/termination-log'] }).behavior).toEqual({ run: 0, stop: 'ignore', message: 'DONE' });
    expect(infer({ command: ['sh', '-c', 'echo -n DONE; /bin/false'] }).behavior).toEqual({ run: 0, exitCode: 1, stop: 'ignore', logs: 'DONE' });
    const custom = infer({ command: ['sh', '-c', "echo -n part >/tmp/why; printf '%s\\n' ' two' >> /tmp/why; sleep 2"], terminationMessagePath: '/tmp/why' });
    expect(custom.behavior).toEqual({ run: 2, stop: 'ignore', message: 'part two\n' });
    expect(infer({ command: ['sh', '-c', 'echo -n DONE > /dev/termination-log'], terminationMessagePath: '/tmp/other' }).behavior).not.toHaveProperty('message');
  });

  it('keeps the log text before an endless loop that does not print, and only the last 80 lines', () => {
    expect(infer({ command: ['sh', '-c', 'echo started; while true; do sleep 1; done'] }).behavior).toEqual({ stop: 'ignore', logs: 'started\n' });
    const many = Array.from({ length: 90 }, (_, i) => `echo ${i + 1}`).join('; ');
    expect(infer({ command: ['sh', '-c', many] }).behavior.logs).toBe(Array.from({ length: 80 }, (_, i) => `${i + 11}\n`).join(''));
  });

  it('sets no text it cannot know: variables, other printing commands, loops that print, unknown programs', () => {
    for (const script of [
      'echo $HOSTNAME; exit 1',
      'echo hi; date; exit 1',
      'echo tick; while true; do echo tick; sleep 5; done',
      'echo hi; ./migrate; exit 2',
      'date > /dev/termination-log; exit 1',
      'echo x > /dev/termination-log; cp /tmp/why /dev/termination-log; exit 1',
    ]) {
      const { behavior } = infer({ command: ['sh', '-c', script] });
      expect(behavior, script).not.toHaveProperty('logs');
      expect(behavior, script).not.toHaveProperty('message');
    }
  });
});

describe('interactive shells', () => {
  // kubectl debug -it and kubectl run -it make a container with stdin and tty: its shell waits for a person.
  it('reads a shell with a terminal as running until its user exits it, deaf to SIGTERM as PID 1', () => {
    for (const partial of [{}, { command: ['sh'] }, { command: ['/bin/bash'] }]) {
      expect(infer({ ...partial, interactive: true })).toMatchObject({ behavior: { stop: 'ignore' }, certain: true });
    }
    expect(infer({}).behavior).toEqual({ run: 0, exitCode: 0 });
    expect(infer({ command: ['sh', '-c', 'sleep 3'], interactive: true }).behavior).toMatchObject({ run: 3 });
  });
});
