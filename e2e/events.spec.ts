import { describeEvents } from '../src/engine/index';
import { expect, test } from './fixtures/podlab';

test('the Events list is kubectl describe at t: newest last and marked, ages ticking, older ones by scrolling back', async ({ podlab, page }) => {
  const trace = await podlab.engineTrace();
  const events = podlab.page.getByRole('region', { name: 'Events' });
  const rows = events.getByRole('row');

  const t = 30;
  await podlab.seek(t);
  const expected = describeEvents(trace, t);
  const newest = expected.at(-1)!;
  const last = rows.last();
  await expect(last).toHaveAttribute('aria-current', 'true');
  await expect(last).toContainText(newest.reason);
  await expect(last).toContainText(newest.age);
  await expect(last).toContainText(newest.message);

  // Only the newest rows are drawn while the list follows t; the oldest is not among them.
  const oldest = expected[0]!;
  await expect(rows.filter({ hasText: oldest.message })).toHaveCount(0);

  // A second later every age has moved on.
  await podlab.seek(t + 1);
  await expect(last).toContainText(describeEvents(trace, t + 1).at(-1)!.age);

  // Scrolling back brings the older Events, the first one (Scheduled) included.
  await events.getByRole('table').hover();
  await page.mouse.wheel(0, -2000);
  await expect(rows.filter({ hasText: oldest.message })).toHaveCount(1);
  await expect(rows).toHaveCount(describeEvents(trace, t + 1).length + 1);
});

test('played at 20x then paused, the Events list is kubectl describe at the paused time', async ({ podlab, page }) => {
  const trace = await podlab.engineTrace();
  const slider = page.getByRole('slider', { name: 'Time' });
  const last = page.getByRole('region', { name: 'Events' }).getByRole('row').last();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('20');
  await podlab.button('Play').click();
  await expect.poll(async () => Number(await slider.inputValue())).toBeGreaterThan(15);
  await podlab.button('Pause').click();
  // The slider holds t to its step, a tenth: the paused t is within 0.05 s of what it says.
  const t = Number(await slider.inputValue());
  const newest = [t - 0.05, t + 0.049].map((at) => describeEvents(trace, at).at(-1)!);
  await expect(last).toHaveAttribute('aria-current', 'true');
  await expect(last).toContainText(new RegExp(newest.map((e) => `${e.reason}${literal(e.age)}`).join('|')));
});

/** `text` as a regular expression that matches it literally. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
