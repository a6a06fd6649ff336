import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportRunnable } from './runnable-export';
import { parseScenario } from './parse-scenario';
import { issueLines, oneContainerPod, throughShareLink } from './testing/gate-kit';

const NOT_FOUND = 'exec: "migrate": executable file not found in $PATH';

const pod = (behavior: string) => oneContainerPod('{name: app, image: example.com/app:1, command: [migrate]}', behavior);

describe('startError at the scenario gate', () => {
  it('carries the runtime\'s reason into the model, per attempt too; none by default', () => {
    const result = parseScenario(pod(`{startError: '${NOT_FOUND}', attempts: [{}, {startError: ''}]}`));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.model.containers[0]!.behavior).toMatchObject({ startError: NOT_FOUND, attempts: [{}, { startError: '' }] });
    const plain = parseScenario(pod('{run: 1}'));
    if (!plain.ok) throw new Error(JSON.stringify(plain.issues));
    expect(plain.model.containers[0]!.behavior.startError).toBe('');
  });

  it('names the field and what is wrong with it', () => {
    const at = '7 metadata.annotations["podlab.dev/behavior"].app';
    expect(issueLines(pod(`{startError: true, attempts: [{startError: "a\\nb"}, {startError: ${'x'.repeat(501)}}]}`))).toEqual([
      `${at}.startError: must be a string: why the runtime cannot start the process, such as exec: "app": executable file not found in $PATH, not boolean true`,
      `${at}.attempts[0].startError: must be one line, as the runtime gives its reason`,
      `${at}.attempts[1].startError: must be at most 500 characters (is 501)`,
    ]);
  });

  it('keeps it through a share link', () => {
    const again = throughShareLink(pod(`{startError: '${NOT_FOUND}'}`), 3);
    expect(again.ok && again.model.containers[0]!.behavior.startError).toBe(NOT_FOUND);
  });
});

describe('startError in the runnable export', () => {
  const commandOf = (behavior: string) => {
    const result = exportRunnable(pod(behavior));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const app = (parse(result.yaml) as { spec: { containers: { command: string[]; volumeMounts?: unknown }[] } }).spec.containers[0]!;
    return { command: app.command, mounts: app.volumeMounts, notes: result.notes.join('\n') };
  };

  it('runs a command busybox lacks when no run can start, so the runtime fails the start too', () => {
    const { command, mounts, notes } = commandOf(`{startError: '${NOT_FOUND}', attempts: [{}, {}]}`);
    expect(command).toEqual(['podlab-cannot-start']);
    expect(mounts).toBeUndefined();
    expect(notes).toContain('app: runs podlab-cannot-start, which busybox does not have, so the runtime cannot start it (StartError)');
  });

  it('says it cannot act out start errors of only some runs', () => {
    const { command, notes } = commandOf(`{startError: '${NOT_FOUND}', attempts: [{}, {startError: ''}]}`);
    expect(command.slice(0, 2)).toEqual(['sh', '-c']);
    expect(notes).toContain('app: its start errors are not acted out, as they are only some of its runs');
  });
});
