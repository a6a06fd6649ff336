import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { issueLines, oneContainerPod as pod, throughShareLink } from './testing/gate-kit';
import { parseScenario } from './parse-scenario';

describe('termination messages at the scenario gate', () => {
  it('carries the policy (default File) and each run’s message and logs into the model', () => {
    const result = parseScenario(
      pod(
        '{name: app, image: busybox:1.36, terminationMessagePath: /tmp/why, terminationMessagePolicy: FallbackToLogsOnError}',
        '{run: 1, exitCode: 1, message: "", logs: "panic: boom\\n", attempts: [{message: DONE}]}',
      ),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const app = result.model.containers[0]!;
    expect(app.terminationMessagePolicy).toBe('FallbackToLogsOnError');
    expect(app.behavior).toMatchObject({ message: '', logs: 'panic: boom\n', attempts: [{ message: 'DONE' }] });

    const plain = parseScenario(pod('{name: app, image: busybox:1.36}', '{run: 1}'));
    if (!plain.ok) throw new Error(JSON.stringify(plain.issues));
    expect(plain.model.containers[0]).toMatchObject({ terminationMessagePolicy: 'File', behavior: { message: '', logs: '' } });
  });

  it('names the field and what is wrong with a message, logs or path', () => {
    const long = 'x'.repeat(8193);
    const text = pod(
      '{name: app, image: busybox:1.36, terminationMessagePath: 7, terminationMessagePolicy: Logs}',
      `{message: 42, logs: ${long}, attempts: [{logs: [a]}]}`,
    );
    const at = '7 metadata.annotations["podlab.dev/behavior"].app';
    expect(issueLines(text)).toEqual([
      '10 spec.containers[0].terminationMessagePolicy: Unsupported value: "Logs": supported values: "File", "FallbackToLogsOnError"',
      '10 spec.containers[0].terminationMessagePath: must be a string, not number 7',
      `${at}.message: must be a string (what the process writes to its termination-message file), not number 42`,
      `${at}.logs: must be at most 8192 characters (is 8193)`,
      `${at}.attempts[0].logs: must be a string (what the process prints), not a list`,
    ]);
  });

  it('keeps the fields through a YAML round trip and a share link', () => {
    const text = pod(
      '{name: app, image: busybox:1.36, terminationMessagePath: /dev/why, terminationMessagePolicy: FallbackToLogsOnError}',
      '{run: 1, exitCode: 2, message: "disk full: /data", logs: "a\\nb\\n", attempts: [{logs: "é"}]}',
    );
    const first = parseScenario(text);
    if (!first.ok) throw new Error(JSON.stringify(first.issues));
    expect(first.model.containers[0]!.behavior).toMatchObject({ message: 'disk full: /data', logs: 'a\nb\n', attempts: [{ logs: 'é' }] });
    const again = parseScenario(stringify(first.manifest));
    expect(again.ok && again.model).toEqual(first.model);
    const shared = throughShareLink(text, 3);
    expect(shared.ok && shared.model).toEqual(first.model);
  });
});
