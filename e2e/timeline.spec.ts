import { expect, test } from './fixtures/podlab';

const MARKER = /^(\w+) at (\d+\.\d) s: /;
const at = (name: string) => Number(MARKER.exec(name)![2]);

test('the timeline markers are one tab stop; arrows move between them and Enter moves t there', async ({ podlab, page }) => {
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  await podlab.timeline.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('Tab');
  expect(await focusedName()).toMatch(/^Scheduled at 0\.0 s: /);

  // Down to the next lane (log-shipper), then along it to its next Event.
  await page.keyboard.press('ArrowDown');
  const down = await focusedName();
  expect(down).toMatch(/^Pulled at 0\.0 s: Container image "fluent\/fluent-bit/);
  await page.keyboard.press('ArrowRight');
  const right = await focusedName();
  expect(right).toMatch(MARKER);
  expect(at(right)).toBeGreaterThan(at(down));

  await page.keyboard.press('Enter');
  await expect(podlab.time).toHaveValue(String(at(right)));

  // Tab leaves the markers at once, and Shift+Tab comes back to the one last used.
  await page.keyboard.press('Tab');
  expect(await focusedName()).not.toMatch(MARKER);
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName()).toBe(right);
});
