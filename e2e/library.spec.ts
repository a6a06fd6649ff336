import { readFileSync } from 'node:fs';
import { formatKubectlTable, kubectlRow } from '../src/engine/index';
import { expect, test } from './fixtures/podlab';

const entries = JSON.parse(readFileSync(new URL('../public/scenarios/index.json', import.meta.url), 'utf8')) as { file: string; title: string }[];

test('every library scenario opens from the gallery and plays to its end with no error in the console', async ({ podlab, page }) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  expect(entries.length).toBeGreaterThanOrEqual(14);

  for (const entry of entries) {
    await podlab.button('Library').click();
    const gallery = podlab.dialog('Library');
    await gallery.getByRole('button', { name: entry.title, exact: true }).click();
    await expect(gallery).toBeHidden();
    await expect(podlab.time).toHaveValue('0');

    const trace = await podlab.engineTrace();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('20');
    await podlab.button('Play').click();
    await expect.poll(async () => Number(await podlab.time.inputValue())).toBeGreaterThan(Math.min(5, trace.end / 2));
    // Long runs (a 5-minute backoff cap) jump close to the end, then play into it.
    if (trace.end - Number(await podlab.time.inputValue()) > 20) await podlab.seek(trace.end - 10);
    await expect(podlab.button('Play')).toBeVisible({ timeout: 15_000 });
    await expect(podlab.time).toHaveValue(String(trace.end));
    const expected = kubectlRow(trace, trace.end);
    if (expected.deleted) {
      await expect(podlab.kubectl.getByRole('row').nth(1), entry.title).toHaveText(formatKubectlTable(expected));
    } else {
      await expect(podlab.column('STATUS'), entry.title).toHaveText(expected.status);
      await expect(podlab.column('READY'), entry.title).toHaveText(expected.ready);
    }
  }
  expect(problems).toEqual([]);
});
