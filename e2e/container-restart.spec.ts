import { expect, test } from './fixtures/podlab';

test("a container's own restart policy outranks the pod's: the web app crashes once and the pod ends", async ({ podlab, page }) => {
  await podlab.container('web').click();
  const behaviour = page.getByRole('group', { name: /^Behaviour/ });
  await behaviour.getByRole('textbox', { name: 'Runs for (s)', exact: true }).fill('20');
  await behaviour.getByRole('textbox', { name: 'Exit code', exact: true }).fill('1');
  const policy = page.getByRole('combobox', { name: 'Container restart policy' });
  await expect(policy).toHaveValue('');
  await expect(policy.getByRole('option', { selected: true })).toHaveText("The pod's (Always)");
  await policy.selectOption('Never');
  await policy.evaluate((field) => field.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'test-results/container-restart-policy-inspector.png' });

  const source = await podlab.scenarioSource();
  expect(source).toMatch(/- name: web\n(?: {6}.*\n)*? {6}restartPolicy: Never\n/);
  const trace = await podlab.engineTrace();
  const exits = trace.events.filter((e) => e.type === 'Exited' && e.container === 'web');
  expect(exits).toHaveLength(1);
  expect(trace.events.filter((e) => e.type === 'Started' && e.container === 'web')).toHaveLength(1);
  // After the crash: no restart and no back-off. The app was the pod's only container, so the
  // kubelet stops the sidecars and the pod ends Failed, long before the deletion at 40 s.
  expect(trace.phase.at(-1)?.value.phase).toBe('Failed');
  await podlab.expectEngineStatusAt(trace, exits[0]!.t + 5);
  await expect(podlab.column('RESTARTS')).toHaveText('0');
  await expect(podlab.container('web')).toContainText('terminated, exit code 1');
  await page.screenshot({ path: 'test-results/container-restart-policy-node.png' });

  // Back to the pod's policy: the crash loops again.
  await podlab.container('web').click();
  await policy.selectOption('');
  const again = await podlab.engineTrace();
  expect(again.events.filter((e) => e.type === 'Started' && e.container === 'web').length).toBeGreaterThan(1);
});

test('the inspector tells a container restart rules from the library scenario, and the pod restarts the worker in place', async ({ podlab, page }) => {
  await podlab.button('Library').click();
  await podlab.dialog('Library').getByRole('button', { name: 'A restart rule retries a worker in place on exit code 42', exact: true }).click();
  await podlab.container('trainer').click();
  await expect(page.getByRole('combobox', { name: 'Container restart policy' })).toHaveValue('Never');
  await expect(page.getByText('Restarted first by its rules (edit them in the YAML): on exit code 42.')).toBeVisible();
  const trace = await podlab.engineTrace();
  const exits = trace.events.filter((e) => e.type === 'Exited' && e.container === 'trainer');
  expect(exits.map((e) => e.type === 'Exited' && e.exitCode)).toEqual([42, 42, 0]);
  await podlab.expectEngineStatusAt(trace, exits[1]!.t + 5);
  await expect(podlab.column('STATUS')).toHaveText('CrashLoopBackOff');
  await page.screenshot({ path: 'test-results/container-restart-rules.png' });
});

test("the node's kubelet backs off faster with the crash-loop settings of the Pod tab", async ({ podlab, page }) => {
  await podlab.container('web').click();
  const behaviour = page.getByRole('group', { name: /^Behaviour/ });
  await behaviour.getByRole('textbox', { name: 'Runs for (s)', exact: true }).fill('2');
  await behaviour.getByRole('textbox', { name: 'Exit code', exact: true }).fill('1');
  await podlab.openTab(/^Pod/);
  const node = page.getByRole('group', { name: "Node's kubelet" });
  await node.getByRole('combobox', { name: 'Crash-loop back-off' }).selectOption('reduced');
  const gaps = async () => {
    const trace = await podlab.engineTrace();
    return trace.events.filter((e) => e.type === 'BackOff' && e.container === 'web').map((e) => (e as { delay: number }).delay);
  };
  await expect.poll(gaps).toEqual(expect.arrayContaining([1, 2, 4]));
  await node.getByRole('textbox', { name: 'Longest back-off (s)' }).fill('2');
  await node.getByRole('textbox', { name: 'Longest back-off (s)' }).blur();
  await expect.poll(async () => Math.max(...(await gaps()))).toBe(2);
  expect(await podlab.scenarioSource()).toContain('    podlab.dev/kubelet: |\n      featureGates:\n        ReduceDefaultCrashLoopBackOffDecay: true\n      crashLoopBackOff:\n        maxContainerRestartPeriod: 2s\n');
  await node.getByRole('textbox', { name: 'Longest back-off (s)' }).fill('600');
  await node.getByRole('textbox', { name: 'Longest back-off (s)' }).blur();
  await expect(node.getByRole('textbox', { name: 'Longest back-off (s)' })).toHaveAccessibleDescription(/must be set between 1s and 300s/);
  await page.screenshot({ path: 'test-results/node-kubelet-back-off.png' });
});
