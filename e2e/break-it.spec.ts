import { kubectlRow } from '../src/engine/index';
import { expect, test } from './fixtures/podlab';

test('a crashing app goes into CrashLoopBackOff with growing restarts', async ({ podlab, page }) => {
  await podlab.container('web').click();
  await podlab.field('Runs for (s)').fill('3');
  await podlab.field('Exit code').fill('1');
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await page.getByRole('button', { name: 'Remove action 1' }).click();

  const trace = await podlab.engineTrace();
  let loop = 0;
  while (loop < trace.end && kubectlRow(trace, loop).status !== 'CrashLoopBackOff') loop += 0.5;
  expect(loop, 'the engine predicts CrashLoopBackOff').toBeLessThan(trace.end);
  for (const t of [8, 11, loop - 1]) await podlab.expectEngineStatusAt(trace, t);
  expect(await podlab.expectEngineStatusAt(trace, loop + 0.2)).toBe('CrashLoopBackOff');
  await expect(podlab.container('web')).toContainText('CrashLoopBackOff');
  await expect(podlab.container('web')).toContainText(/retry in \d+s/);
  await expect(podlab.column('RESTARTS')).not.toHaveText('0');
  await podlab.seek(trace.end);
  const atEnd = kubectlRow(trace, trace.end).restarts;
  await expect(podlab.column('RESTARTS')).toHaveText(atEnd);
  expect(Number.parseInt(atEnd, 10)).toBeGreaterThan(2);
});

test('kill a container at the current time: it becomes a timed action that can be removed', async ({ podlab, page }) => {
  await podlab.seek(20);
  await page.getByRole('combobox', { name: 'Target container' }).selectOption('web');
  await page.getByLabel('Kill exit code').fill('137');
  await podlab.button('Kill').click();
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await expect(page.getByRole('list', { name: 'Actions' })).toContainText('kill web (exit 137)');

  const trace = await podlab.engineTrace();
  await podlab.expectEngineStatusAt(trace, 25);
  await expect(podlab.column('RESTARTS')).toContainText('1');

  // A bad time is kept as typed and explained at the field; the last valid run keeps playing.
  await page.getByRole('tab', { name: /^Actions/ }).click();
  const at = page.getByRole('listitem').filter({ hasText: 'kill web' }).getByLabel('at (s)');
  await at.fill('-3');
  await expect(page.getByRole('list', { name: 'Actions' })).toContainText('must be a time in seconds from pod creation');
  await expect(at).toHaveValue('-3');
  await expect(podlab.column('RESTARTS')).toContainText('1');

  await page.getByRole('button', { name: 'Remove action 1' }).click();
  await expect(podlab.column('RESTARTS')).toHaveText('0');
});

test("an action's own settings change in the Actions list: a kill's exit code, a wrong one explained at its field", async ({ podlab, page }) => {
  await podlab.seek(20);
  await page.getByRole('combobox', { name: 'Target container' }).selectOption('web');
  await page.getByLabel('Kill exit code').fill('137');
  await podlab.button('Kill').click();
  await page.getByRole('tab', { name: /^Actions/ }).click();
  const actions = page.getByRole('list', { name: 'Actions' });
  const row = actions.getByRole('listitem').filter({ hasText: 'kill web' });
  const code = row.getByLabel('Exit code', { exact: true });
  await expect(code).toHaveValue('137');

  await code.fill('1');
  await expect(actions).toContainText('kill web (exit 1)');
  const trace = await podlab.engineTrace();
  expect(trace.events.find((event) => event.type === 'Exited' && event.container === 'web')).toMatchObject({ t: 20, exitCode: 1, reason: 'Error' });
  await podlab.expectEngineStatusAt(trace, 20.5);

  // Kept as typed, explained once, under its own field; the last valid run keeps playing.
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await code.fill('300');
  await expect(row.getByText('must be a whole number from 0 to 255')).toHaveCount(1);
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveValue('300');
  await expect(row.getByLabel('at (s)')).not.toHaveAttribute('aria-invalid');

  // Blank is the default: SIGKILL's 137.
  await code.fill('');
  await expect(actions).toContainText('kill web (exit 137)');
});

test('update the image of a running container: the kubelet stops it and starts it again with the new image', async ({ podlab, page }) => {
  await podlab.seek(20);
  await page.getByRole('combobox', { name: 'Target container' }).selectOption('web');
  const image = page.getByRole('textbox', { name: 'New image' });
  await expect(image).toHaveValue('nginx:1.27');
  await expect(podlab.button('Update image')).toBeDisabled();
  await image.fill('nginx:1.28');
  await podlab.button('Update image').click();
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await expect(page.getByRole('list', { name: 'Actions' })).toContainText('set the image of web to nginx:1.28');

  const trace = await podlab.engineTrace();
  const events = page.getByRole('region', { name: 'Events' });
  await podlab.seek(20.5);
  await expect(events).toContainText('Container web definition changed, will be restarted');
  const restart = trace.events.find((e) => e.type === 'Started' && e.container === 'web' && e.restartCount === 1);
  expect(restart, 'the engine restarts web').toBeDefined();
  await podlab.expectEngineStatusAt(trace, restart!.t + 1);
  await expect(podlab.column('RESTARTS')).toHaveText(/^1 \(/);
  await expect(events).toContainText('Successfully pulled image "nginx:1.28"');
  await expect(image).toHaveValue('nginx:1.28');
  // The node names the image of the container that now runs.
  await expect(podlab.container('web')).toContainText('nginx:1.28');
  await podlab.seek(19);
  await expect(podlab.container('web')).toContainText('nginx:1.27');

  await page.getByRole('tab', { name: /^Actions/ }).click();
  await page.getByRole('button', { name: 'Remove action 1' }).click();
  await expect(podlab.column('RESTARTS')).toHaveText('0');
  await expect(image).toHaveValue('nginx:1.27');
});

test('reboot the node: while it is down the API shows the last status, then every init container runs again', async ({ podlab, page }) => {
  // Without the example's deletion at 40 s, which would end the pod while the node is down.
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await page.getByRole('button', { name: 'Remove action 1' }).click();
  await podlab.seek(20);
  // An act like the others, by keyboard too.
  await podlab.button('Reboot node').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await expect(page.getByRole('list', { name: 'Actions' })).toContainText('reboot the node (down 30s)');

  const trace = await podlab.engineTrace();
  const sandbox = trace.events.find((e) => e.type === 'SandboxChanged');
  expect(sandbox?.t, 'the engine re-creates the sandbox when the node is back').toBe(50);
  expect(await podlab.expectEngineStatusAt(trace, 19)).toBe('Running');
  // Down: nothing is published, the badge says why the status did not move.
  expect(await podlab.expectEngineStatusAt(trace, 35)).toBe('Running');
  await expect(podlab.pod.getByText('node down', { exact: true })).toBeVisible();
  await podlab.seek(20);
  await expect(page.getByLabel('What is happening')).toContainText('The node goes down');
  // Back: the regular container shows how it died (Unknown) while the init containers run again.
  expect(await podlab.expectEngineStatusAt(trace, 51)).toBe('Unknown');
  await expect(podlab.pod.getByText('node down', { exact: true })).toHaveCount(0);
  // The timeline says it too, on every lane; the Events had SandboxChanged when the node came back.
  await expect(podlab.timeline.getByRole('list', { name: 'States over time' })).toContainText('web: PodInitializing 0.0–');
  await expect(podlab.timeline.getByRole('list', { name: 'States over time' })).toContainText('Node down 20.0–50.0 s');
  // On the Pod lane, the Event after Scheduled is the kubelet's SandboxChanged.
  await podlab.timeline.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAccessibleName('SandboxChanged at 50.0 s: Pod sandbox changed, it will be killed and re-created.');
  const migrate = trace.events.find((e) => e.type === 'Started' && e.container === 'migrate' && e.restartCount === 1);
  expect(migrate, 'the init container runs again').toBeDefined();
  await podlab.expectEngineStatusAt(trace, migrate!.t + 0.5);
  // Restart counts go on; the app is Running again once the init sequence is done.
  expect(await podlab.expectEngineStatusAt(trace, 60)).toBe('Running');
  await expect(podlab.column('RESTARTS')).toHaveText(/^3 \(/);

  await page.getByRole('tab', { name: /^Actions/ }).click();
  await page.getByRole('button', { name: 'Remove action 1' }).click();
  await expect(podlab.column('RESTARTS')).toHaveText('0');
});

test('evict the pod: a Warning Evicted event, every container stopped, the pod Failed (Evicted) for good', async ({ podlab, page }) => {
  // Without the example's deletion at 40 s, which would end the pod first.
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await page.getByRole('button', { name: 'Remove action 1' }).click();
  await podlab.seek(20);
  await podlab.button('Evict pod').click();
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await expect(page.getByRole('list', { name: 'Actions' })).toContainText('evict the pod (node low on memory)');

  const trace = await podlab.engineTrace();
  const events = page.getByRole('region', { name: 'Events' });
  await podlab.seek(20.5);
  await expect(events).toContainText('The node was low on resource: memory.');
  await expect(page.getByLabel('What is happening')).toContainText('the kubelet evicts the pod');
  await podlab.seek(trace.end);
  const row = await podlab.expectEngineStatusAt(trace, trace.end);
  // web (nginx) exits 0 on SIGTERM: kubectl prints its container's reason over the pod's Evicted.
  expect(row).toBe('Completed');
  await expect(podlab.column('RESTARTS')).toHaveText('0');
  await expect(podlab.pod.getByText('phase: Failed (Evicted)')).toBeVisible();
});

test('drain the node: the pod is marked DisruptionTarget, then deleted with its grace period', async ({ podlab, page }) => {
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await page.getByRole('button', { name: 'Remove action 1' }).click();
  await podlab.seek(20);
  await podlab.button('Drain node').click();
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await expect(page.getByRole('list', { name: 'Actions' })).toContainText('drain the node: evict the pod through the API');

  const trace = await podlab.engineTrace();
  await podlab.seek(20.5);
  await expect(page.getByRole('list', { name: 'Pod conditions' })).toContainText('DisruptionTarget');
  await expect(page.getByLabel('What is happening')).toContainText('The node is drained');
  expect(await podlab.expectEngineStatusAt(trace, 20.5)).toBe('Terminating');
  await podlab.seek(trace.end);
  await expect(podlab.kubectl.getByRole('row').nth(1)).toHaveText(/^Error from server \(NotFound\)/);
});

test('shut the node down: once the node has a shutdown grace period, the pod ends Failed (Terminated)', async ({ podlab, page }) => {
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await page.getByRole('button', { name: 'Remove action 1' }).click();
  await expect(podlab.button('Shut down node')).toBeDisabled();
  await podlab.openTab(/^Pod/);
  const period = page.getByRole('group', { name: "Node's kubelet" }).getByRole('textbox', { name: 'Shutdown grace period (s)' });
  await period.fill('30');
  await period.blur();
  await podlab.seek(20);
  await podlab.button('Shut down node').click();
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await expect(page.getByRole('list', { name: 'Actions' })).toContainText('shut the node down (graceful node shutdown)');

  const trace = await podlab.engineTrace();
  await podlab.seek(20.5);
  await expect(page.getByLabel('What is happening')).toContainText('The node is shutting down');
  await podlab.seek(trace.end);
  await expect(podlab.pod.getByText('phase: Failed (Terminated)')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Pod conditions' })).toContainText('DisruptionTarget');
});

test('shut the node down by pod priority: the groups below the pod go first, and the pod gets its group\'s seconds', async ({ podlab, page }) => {
  await page.getByRole('tab', { name: /^Actions/ }).click();
  await page.getByRole('button', { name: 'Remove action 1' }).click();
  await podlab.openTab(/^Pod/);
  const node = page.getByRole('group', { name: "Node's kubelet" });
  await node.getByRole('button', { name: 'Shut down by pod priority' }).click();
  const groups = node.getByRole('group', { name: 'Shutdown by pod priority' });
  await expect(groups.getByRole('textbox', { name: 'Group 2 from priority' })).toHaveValue('2000000000');
  await groups.getByRole('textbox', { name: 'Group 2 from priority' }).fill('1000');
  await groups.getByRole('textbox', { name: 'Group 2 seconds' }).fill('5');
  await groups.getByRole('textbox', { name: 'Group 2 seconds' }).blur();
  await podlab.field('Priority').fill('1000');
  await podlab.field('Priority').blur();
  await podlab.seek(20);
  await podlab.button('Shut down node').click();

  const trace = await podlab.engineTrace();
  const shutdown = trace.events.find((e) => e.type === 'NodeShutdown');
  expect(shutdown).toMatchObject({ t: 20, killAt: 40, grace: 5, group: { priority: 1000, shutdownGracePeriodSeconds: 5, podPriority: 1000 } });
  await podlab.seek(20.5);
  await expect(page.getByLabel('What is happening')).toContainText('group by group, lowest priority first');
  await podlab.seek(39);
  await expect(podlab.column('STATUS')).toHaveText('Running');
  await podlab.seek(trace.end);
  await expect(podlab.pod.getByText('phase: Failed (Terminated)')).toBeVisible();

  await groups.getByRole('button', { name: 'Remove group 2' }).click();
  await groups.getByRole('button', { name: 'Remove group 1' }).click();
  await expect(node.getByRole('textbox', { name: 'Shutdown grace period (s)' })).toBeVisible();
});
