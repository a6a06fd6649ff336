import { nextEventTime } from '../src/app/derived';
import { kubectlRow } from '../src/engine/index';
import { expect, test } from './fixtures/podlab';

test('the same composition with the keyboard only', async ({ podlab, page }) => {
  const press = async (name: string, key = 'Enter') => {
    await podlab.button(name).focus();
    await page.keyboard.press(key);
  };
  await press('Empty pod');
  await press('Init container');
  await press('Init container', 'Space');
  await press('Main container');
  await expect(podlab.container('app')).toBeVisible();

  // The inspector follows the container just added; Tab reaches its fields.
  await expect(page.getByRole('tab', { name: 'app' })).toHaveAttribute('aria-selected', 'true');
  await podlab.field('Image pull takes (s)').focus();
  await page.keyboard.type('2');

  // Each step lands on the next event; kubectl's line says there what the engine says.
  const trace = await podlab.engineTrace();
  await press('Restart');
  let at = 0;
  const seen: string[] = [];
  for (let i = 0; i <= 8; i++) {
    if (i > 0) {
      await press('Step forward');
      at = nextEventTime(trace, at) ?? trace.end;
    }
    const status = kubectlRow(trace, at).status;
    await expect(podlab.column('STATUS')).toHaveText(status);
    seen.push(status);
  }
  const order = ['Init:0/2', 'Init:1/2', 'PodInitializing', 'Running'].map((s) => seen.indexOf(s));
  expect(order.every((i) => i >= 0), `statuses seen: ${seen.join(', ')}`).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);

  const t = Number(await podlab.time.inputValue());
  await podlab.expectEngineStatusAt(trace, t);

  await press('Step back');
  expect(Number(await podlab.time.inputValue())).toBeLessThan(t);
  await press('Play');
  await expect(podlab.button('Pause')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(podlab.button('Play')).toBeVisible();
});
