import { expect, test } from './fixtures/podlab';

test('a container that cannot start: StartError, RunContainerError, then CrashLoopBackOff, in runc\'s words', async ({ podlab, page }) => {
  await podlab.container('web').click();
  const behaviour = page.getByRole('group', { name: /^Behaviour/ });
  await behaviour.getByRole('checkbox', { name: 'Cannot start (StartError)' }).check();
  const cause = 'exec: "web": executable file not found in $PATH';
  await expect(behaviour.getByRole('textbox', { name: 'Start error', exact: true })).toHaveValue(cause);

  const trace = await podlab.engineTrace();
  const [first, second] = trace.events.filter((e) => e.type === 'Exited' && e.container === 'web');
  expect(first).toMatchObject({ exitCode: 128, reason: 'StartError' });
  expect(await podlab.expectEngineStatusAt(trace, first!.t + 0.5)).toBe('StartError');
  await expect(podlab.container('web')).toContainText(`exit 128: ${cause}`);
  await expect(page.getByLabel('What is happening')).toContainText(`The runtime created web but could not start it: ${cause}.`);
  expect(await podlab.expectEngineStatusAt(trace, second!.t + 0.5)).toBe('RunContainerError');
  expect(await podlab.expectEngineStatusAt(trace, second!.t + 5)).toBe('CrashLoopBackOff');
  await page.screenshot({ path: 'test-results/start-error.png' });

  // Fixed: the next run starts, and the scenario no longer says it cannot.
  await behaviour.getByRole('checkbox', { name: 'Cannot start (StartError)' }).uncheck();
  await expect(behaviour.getByRole('textbox', { name: 'Start error', exact: true })).toBeHidden();
  expect(await podlab.scenarioSource()).not.toContain('startError');
  await podlab.seek(second!.t + 5);
  await expect(podlab.column('STATUS')).toHaveText('Running');
});
