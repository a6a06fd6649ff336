import { nextEventTime } from '../src/app/derived';
import { expect, test } from './fixtures/podlab';

test('the example pod plays: names a screen reader hears, statuses at chosen times, step and restart', async ({ podlab, page }) => {
  for (const name of ['Play', 'Step forward', 'Step back', 'Restart', 'Init container', 'Native sidecar', 'Classic sidecar', 'Main container']) {
    await expect(podlab.button(name)).toBeVisible();
  }
  await expect(page.getByRole('combobox', { name: 'Speed' })).toBeVisible();
  await expect(podlab.timeline).toBeVisible();

  const trace = await podlab.engineTrace();
  for (const t of [0, 2, 3.5, 7.5, 12, 30]) await podlab.expectEngineStatusAt(trace, t);
  expect(await podlab.expectEngineStatusAt(trace, 12)).toBe('Running');

  await podlab.button('Restart').click();
  await expect(podlab.time).toHaveValue('0');
  await podlab.button('Step forward').click();
  expect(Number(await podlab.time.inputValue())).toBeGreaterThan(0);

  // The plain-words account is read out as it changes, but not at 10x, where it changes too fast.
  const happening = page.getByLabel('What is happening');
  await expect(happening).toHaveAttribute('aria-live', 'polite');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await podlab.button('Play').click();
  await expect(podlab.button('Pause')).toBeVisible();
  await expect(happening).toHaveAttribute('aria-live', 'off');
  await expect.poll(async () => Number(await podlab.time.inputValue())).toBeGreaterThan(5);
  await podlab.button('Pause').click();
  const paused = await podlab.time.inputValue();
  await page.waitForTimeout(300);
  await expect(podlab.time).toHaveValue(paused);
  await expect(happening).toHaveAttribute('aria-live', 'polite');
});

test('an invalid edit keeps what was typed, shows the message at the field, and the last valid run keeps playing', async ({ podlab }) => {
  await podlab.container('web').click();
  await podlab.field('Healthy after (s)').fill('soon');
  await expect(podlab.field('Healthy after (s)')).toHaveValue('soon');
  await expect(podlab.page.getByRole('status').filter({ hasText: 'last valid' })).toBeVisible();
  await podlab.seek(12);
  await expect(podlab.column('STATUS')).toHaveText('Running');
});

test('node states ease in as the pod moves forward, switch at once going back, and stay still under reduced motion', async ({ podlab, page }) => {
  // Counts the animations started on container nodes (motion animates through the Web Animations API).
  type Counted = { eased: number };
  await page.evaluate(() => {
    const counted = window as unknown as Counted;
    counted.eased = 0;
    const animate = Element.prototype.animate;
    Element.prototype.animate = function (this: Element, ...args: Parameters<Element['animate']>) {
      if (this.closest('.container-node')) counted.eased++;
      return animate.apply(this, args);
    };
  });
  const eased = () => page.evaluate(() => (window as unknown as Counted).eased);
  const stepUntilEased = async () => {
    for (let i = 0; i < 6 && (await eased()) === 0; i++) await podlab.button('Step forward').click();
  };

  await podlab.button('Restart').click();
  await stepUntilEased();
  expect(await eased()).toBeGreaterThan(0);

  // Going back changes several nodes at once, with no animation.
  await podlab.seek(30);
  await page.evaluate(() => ((window as unknown as Counted).eased = 0));
  await podlab.button('Restart').click();
  await expect(podlab.time).toHaveValue('0');
  expect(await eased()).toBe(0);

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await stepUntilEased();
  expect(await eased()).toBe(0);
});

test("a presenter's clicker (Page Down, Page Up) and the keys . , and Space drive the player", async ({ podlab, page }) => {
  const trace = await podlab.engineTrace();
  const first = nextEventTime(trace, 0)!;
  const second = nextEventTime(trace, first)!;
  // After a click on the Pod's empty canvas, as a teacher would before turning to the class.
  await podlab.button('Restart').click();
  await podlab.pod.click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('PageDown');
  await expect(podlab.time).toHaveValue(String(first));
  await page.keyboard.press('.');
  await expect(podlab.time).toHaveValue(String(second));
  await page.keyboard.press('PageUp');
  await expect(podlab.time).toHaveValue(String(first));
  await page.keyboard.press(',');
  await expect(podlab.time).toHaveValue('0');
  await page.keyboard.press('Space');
  await expect(podlab.button('Pause')).toBeVisible();
  await page.keyboard.press('Space');
  await expect(podlab.button('Play')).toBeVisible();

  // In a dialog's list, Page Down scrolls the list: the player stays where it is.
  const at = await podlab.time.inputValue();
  await podlab.button('Library').click();
  await podlab.dialog('Library').getByRole('button').first().focus();
  await page.keyboard.press('PageDown');
  await expect(podlab.time).toHaveValue(at);
});

test('at 1280x720 the kubectl line keeps READY to AGE in sight: a long pod name gives way', async ({ podlab, page }) => {
  await podlab.button('Library').click();
  await podlab.dialog('Library').getByRole('button', { name: 'An init container waits for the database (crash-loop backoff)' }).click();
  // The scenario is fetched, then opened at 0 s: seek once it is on the page.
  await expect(podlab.column('NAME')).toHaveText('init-wait-for-database');
  await podlab.seek(14);
  await expect(podlab.column('STATUS')).toHaveText('Init:CrashLoopBackOff');
  const stage = (await podlab.pod.boundingBox())!;
  const age = (await podlab.column('AGE').boundingBox())!;
  expect(age.x + age.width).toBeLessThanOrEqual(stage.x + stage.width);
  await expect(page.getByTitle('init-wait-for-database', { exact: true })).toBeVisible();
});
