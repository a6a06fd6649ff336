import { expect, test } from './fixtures/podlab';

test('kubectl debug from Break it: an ephemeral container joins the pod, counts for nothing in READY, and goes with its action', async ({ podlab, page }) => {
  await podlab.seek(15);
  await page.getByRole('combobox', { name: 'Target container' }).selectOption('web');
  await podlab.button('Debug').click();

  await expect(podlab.container('debugger')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Debug target' })).toHaveValue('web');
  const source = await podlab.scenarioSource();
  expect(source).toContain('ephemeralContainers:');
  expect(source).toContain('{at: 15, do: debug, container: debugger}');

  const trace = await podlab.engineTrace();
  expect(await podlab.expectEngineStatusAt(trace, 20)).toBe('Running');
  await expect(podlab.column('READY')).toHaveText('3/3');
  await expect(podlab.container('debugger')).toContainText('Running');
  await expect(podlab.timeline).toContainText('debugger');
  await page.screenshot({ path: 'test-results/debug.png' });

  // Deleted at 40 s, the pod waits for the shell, which ignores SIGTERM, to be killed when its grace period ends.
  const killed = trace.events.find((e) => e.type === 'Signal' && e.container === 'debugger' && e.signal === 'SIGKILL');
  expect(killed?.t).toBe(70);

  await podlab.openTab(/^Actions/);
  const actions = page.getByRole('list', { name: 'Actions' });
  await expect(actions).toContainText('kubectl debug: add the ephemeral container debugger');
  const index = (await actions.getByRole('listitem').allInnerTexts()).findIndex((text) => text.includes('kubectl debug'));
  await page.getByRole('button', { name: `Remove action ${index + 1}` }).click();
  await expect(podlab.container('debugger')).toHaveCount(0);
  expect(await podlab.scenarioSource()).not.toContain('ephemeralContainers');
});
