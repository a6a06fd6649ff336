import { describe, expect, it } from 'vitest';
import { inferBehavior } from './infer-behavior';
import { inferProbes, type ProbeCommand } from './infer-probes';
import { execCommand, type ExecCommand } from './testing/upstream-harness';

const sh = (script: string) => ['/bin/sh', '-c', script];
const liveness = (exec?: string[], timeoutSeconds = 1): ProbeCommand => ({ kind: 'liveness', exec, timeoutSeconds });

describe('inferProbes: a probe that tests a file the script keeps', () => {
  it('reads the documentation example: healthy for 30 s, then probes fail', () => {
    // kubernetes.io "Define a liveness command" (pods/probe/exec-liveness.yaml)
    const guess = inferBehavior({
      name: 'liveness',
      image: 'registry.k8s.io/busybox:1.27.2',
      args: sh('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'),
      role: 'regular',
      probes: [liveness(['cat', '/tmp/healthy'])],
    });
    expect(guess).toMatchObject({ behavior: { run: 630, unhealthyAfter: 30 }, certain: true });
    expect(guess.reason).toContain('liveness probe `cat /tmp/healthy` passes while the script keeps /tmp/healthy (from the start until 30 s)');
    expect(guess.reason).toContain('so probes fail from 30 s on');
  });

  it('follows `echo ok >FILE`, `rm -rf` and a file made late', () => {
    expect(inferProbes(sh('echo ok >/tmp/health; sleep 10; rm -rf /tmp/health; sleep 600'), [liveness(['cat', '/tmp/health'], 5)])?.fields).toEqual({ unhealthyAfter: 10 });
    expect(inferProbes(sh('sleep 10; echo ok > /tmp/startup; sleep 600'), [{ kind: 'startup', exec: ['cat', '/tmp/startup'], timeoutSeconds: 1 }])?.fields).toEqual({ startup: 10 });
    expect(inferProbes(sh('echo ok >/tmp/health; sleep 600'), [liveness(['test', '-f', '/tmp/health'])])).toMatchObject({ fields: {}, certain: true });
    expect(inferProbes(sh('sleep 5; touch /ready; sleep infinity'), [liveness(sh('[ -e /ready ] && exit 0'))])?.fields).toEqual({ startup: 5 });
  });

  it('reads a scratch file nothing makes as always failing, and other paths as unknown', () => {
    const guess = inferProbes(sh('sleep 600'), [{ kind: 'startup', exec: ['cat', '/tmp/startup'], timeoutSeconds: 1 }]);
    expect(guess).toMatchObject({ fields: { unhealthyAfter: 0 }, certain: true });
    expect(guess?.reason).toContain('nothing the container runs makes /tmp/startup');
    expect(inferProbes(sh('sleep 600'), [liveness(['cat', '/etc/hostname'])])).toBeNull();
  });

  it('does not read a file through a loop that may remove it', () => {
    expect(inferProbes(sh('touch /tmp/ok; while true; do sleep 5; rm /tmp/ok; done'), [liveness(['cat', '/tmp/ok'])])).toBeNull();
    expect(inferProbes(sh('touch /tmp/ok; while true; do sleep 5; done'), [liveness(['cat', '/tmp/ok'])])?.fields).toEqual({});
  });

  it('marks a file made again after it was removed as uncertain (only its first window counts)', () => {
    const guess = inferProbes(sh('touch /tmp/ok; sleep 5; rm /tmp/ok; sleep 5; touch /tmp/ok; sleep 60'), [liveness(['cat', '/tmp/ok'])]);
    expect(guess).toMatchObject({ fields: { unhealthyAfter: 5 }, certain: false });
  });
});

describe('inferProbes: probes that always fail or always pass', () => {
  it('fails a probe that sleeps as long as its timeout, as the kubelet times it out', () => {
    const guess = inferProbes(sh('sleep 600'), [liveness(sh('sleep 10'), 1)]);
    expect(guess).toMatchObject({ fields: { unhealthyAfter: 0 }, certain: true });
    expect(guess?.reason).toContain('times out: it sleeps 10 s, and its timeoutSeconds is 1');
    expect(inferProbes(sh('sleep 600'), [liveness(sh('sleep 10'), 20)])?.fields).toEqual({});
  });

  it('fails `false`, `exit 1` and `sleep 10 & exit 1`; passes `true`', () => {
    for (const exec of [['/bin/false'], sh('exit 1'), sh('sleep 10 & exit 1')]) {
      expect(inferProbes(undefined, [liveness(exec)])?.fields, exec.join(' ')).toEqual({ unhealthyAfter: 0 });
    }
    expect(inferProbes(undefined, [liveness(['/bin/true'])])).toMatchObject({ fields: {}, certain: true });
  });

  it('says nothing of HTTP, TCP and unknown commands', () => {
    expect(inferProbes(sh('sleep 600'), [liveness(undefined)])).toBeNull();
    expect(inferProbes(sh('sleep 600'), [liveness(['pg_isready', '-U', 'postgres'])])).toBeNull();
  });
});

describe('inferProbes: several probes, each its window', () => {
  it('agrees when the probes pass at the same times', () => {
    const guess = inferProbes(sh('sleep 600'), [{ kind: 'startup', exec: ['/bin/false'], timeoutSeconds: 1 }, liveness(['/bin/false'])]);
    expect(guess).toMatchObject({ fields: { unhealthyAfter: 0 }, certain: true });
  });

  it('gives a probe that passes at other times a window of its own', () => {
    // container_probe.go "should be restarted by liveness probe after startup probe enables it"
    const guess = inferProbes(sh('sleep 10; echo ok >/tmp/startup; sleep 600'), [
      { kind: 'startup', exec: ['cat', '/tmp/startup'], timeoutSeconds: 1 },
      liveness(['/bin/false']),
    ]);
    expect(guess).toEqual({
      fields: { startup: 10, probes: { liveness: { unhealthyAfter: 0 } } },
      reason: 'startup probe `cat /tmp/startup` passes while the script keeps /tmp/startup (from 10 s); liveness probe `/bin/false` fails every time, so probes fail until 10 s; the liveness probe fails',
      certain: true,
    });
  });

  it('reads the database-down story: readiness fails from 20 s, liveness passes; the majority is the container window', () => {
    const guess = inferProbes(sh('touch /tmp/db-ok; sleep 20; rm /tmp/db-ok; sleep 600'), [
      { kind: 'readiness', exec: ['cat', '/tmp/db-ok'], timeoutSeconds: 1 },
      liveness(['true']),
      { kind: 'startup', exec: ['true'], timeoutSeconds: 1 },
    ]);
    expect(guess).toMatchObject({ fields: { probes: { readiness: { unhealthyAfter: 20 } } }, certain: true });
    expect(guess?.fields).not.toHaveProperty('unhealthyAfter');
    expect(guess?.reason).toContain('so probes pass; the readiness probe passes from the start until 20 s');
  });

  it('writes the fields that differ: an end of null where the container window fails, a start of 0 where it starts late', () => {
    const late = inferProbes(sh('sleep 600'), [liveness(['false']), { kind: 'readiness', exec: ['false'], timeoutSeconds: 1 }, { kind: 'startup', exec: ['true'], timeoutSeconds: 1 }]);
    expect(late?.fields).toEqual({ unhealthyAfter: 0, probes: { startup: { unhealthyAfter: null } } });
    const file = inferProbes(sh('sleep 5; touch /tmp/warm; sleep 600'), [{ kind: 'readiness', exec: ['cat', '/tmp/warm'], timeoutSeconds: 1 }, liveness(['true'])]);
    expect(file?.fields).toEqual({ startup: 5, probes: { liveness: { startup: 0 } } });
  });

  it('applies an exec probe to an HTTP probe beside it, and says so', () => {
    const guess = inferProbes(sh('touch /tmp/ready; sleep 20; rm /tmp/ready; sleep 600'), [
      { kind: 'readiness', exec: ['cat', '/tmp/ready'], timeoutSeconds: 1 },
      liveness(undefined),
    ]);
    expect(guess).toMatchObject({ fields: { unhealthyAfter: 20 }, certain: false });
    expect(guess?.reason).toContain("Podlab cannot read the other probes: they get the container's window");
  });
});

describe('inferProbes: a startup probe holds the others back', () => {
  it('agrees with a readiness probe that passes earlier, since readiness only runs once started', () => {
    // container_probe.go "should be ready immediately after startupProbe succeeds"
    const guess = inferProbes(sh('echo ok >/tmp/health; sleep 32; echo ok >/tmp/startup; sleep 600'), [
      { kind: 'startup', exec: ['/bin/cat', '/tmp/startup'], timeoutSeconds: 1 },
      { kind: 'readiness', exec: ['/bin/cat', '/tmp/health'], timeoutSeconds: 1 },
    ]);
    expect(guess).toMatchObject({ fields: { startup: 32 }, certain: true });
  });

  it('lets a startup probe that never passes decide alone', () => {
    // container_probe.go "should be restarted startup probe fails"
    const guess = inferProbes(sh('sleep 600'), [{ kind: 'startup', exec: ['/bin/false'], timeoutSeconds: 1 }, liveness(['/bin/true'])]);
    expect(guess).toMatchObject({ fields: { unhealthyAfter: 0 }, certain: true });
  });
});

describe('inferProbes: HTTP, TCP and gRPC probes of a server Podlab knows', () => {
  it('reads the documentation HTTP example: agnhost liveness fails its probe after 10 s', () => {
    // kubernetes.io "Define a liveness HTTP request" (pods/probe/http-liveness.yaml)
    const guess = inferBehavior({
      name: 'liveness',
      image: 'registry.k8s.io/e2e-test-images/agnhost:2.40',
      args: ['liveness'],
      role: 'regular',
      probes: [{ kind: 'liveness', network: { handler: 'httpGet', path: '/healthz', port: 8080 }, timeoutSeconds: 1 }],
    });
    expect(guess.behavior).toEqual({ unhealthyAfter: 10 });
    expect(guess.reason).toContain('liveness probe GET :8080/healthz passes from the start until 10 s: agnhost liveness answers /healthz with 200 for its first 10 s, then 500');
  });

  it('says nothing of a server it does not know', () => {
    expect(inferProbes(undefined, [liveness(undefined)], { image: 'nginx:1.27', words: [] })).toBeNull();
  });
});

describe('probes that run a whole script', () => {
  it('read upstream\'s harness probe by its exit code and how long it takes', () => {
    const harness = (c: ExecCommand): ProbeCommand => ({ kind: 'liveness', timeoutSeconds: 1, exec: execCommand('Liveness-app', { ...c, ContainerName: 'app' }) });
    expect(inferProbes(['sleep', '600'], [harness({ ExitCode: 1 })])).toMatchObject({ fields: { unhealthyAfter: 0 }, certain: true });
    expect(inferProbes(['sleep', '600'], [harness({ ExitCode: 0 })])).toMatchObject({ fields: {}, certain: true });
    expect(inferProbes(['sleep', '600'], [harness({ Delay: 2 })])?.reason).toContain('times out: it takes 2 s, and its timeoutSeconds is 1');
  });
});

