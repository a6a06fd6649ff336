import { expect, test } from './fixtures/podlab';

test('drag containers from the palette onto the Pod, set a behaviour and see the statuses the engine predicts', async ({ podlab, page }) => {
  await podlab.button('Empty pod').click();
  await podlab.dragToPod('Init container', 'top');
  await podlab.dragToPod('Init container', 'top');
  await podlab.dragToPod('Main container', 'bottom');
  await expect(podlab.container('init')).toBeVisible();
  await expect(podlab.container('init-2')).toBeVisible();
  await expect(podlab.container('app')).toBeVisible();

  // The app's image takes 2 s to pull: the pod shows PodInitializing meanwhile.
  await podlab.container('app').click();
  await podlab.field('Image pull takes (s)').fill('2');

  const trace = await podlab.engineTrace();
  expect(await podlab.expectEngineStatusAt(trace, 0.5)).toBe('Init:0/2');
  expect(await podlab.expectEngineStatusAt(trace, 4)).toBe('Init:1/2');
  expect(await podlab.expectEngineStatusAt(trace, 7)).toBe('PodInitializing');
  expect(await podlab.expectEngineStatusAt(trace, 9)).toBe('Running');

  await podlab.button('Restart').click();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('20');
  await podlab.button('Play').click();
  await expect(podlab.button('Pause')).toBeVisible();
  await expect(podlab.column('STATUS')).toHaveText('Running', { timeout: 10_000 });
  await podlab.button('Pause').click();
  await expect(podlab.container('app')).toContainText(/Ready|Running/);
});

test('a drag onto the Pod inserts where it is dropped, and undo takes it back', async ({ podlab, page }) => {
  await podlab.dragToPod('Native sidecar', 'top');
  await expect(podlab.container('sidecar')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(podlab.container('sidecar')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(podlab.container('sidecar')).toBeVisible();
});
