import { expect, test } from './fixtures/podlab';
import type { Page } from '@playwright/test';

const savedWorkHas = (page: Page, text: string) =>
  expect.poll(() => page.evaluate((t) => localStorage.getItem('podlab.work.v1')?.includes(t) ?? false, text)).toBe(true);

async function kubectlRow(podlab: { column: (name: 'NAME' | 'READY' | 'STATUS' | 'RESTARTS' | 'AGE') => import('@playwright/test').Locator }) {
  const row: string[] = [];
  for (const column of ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'] as const) row.push((await podlab.column(column).textContent()) ?? '');
  return row;
}

test('a share link opens the same pod at the same time in a new page', async ({ podlab, page, browser, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await podlab.button('Main container').click();
  await expect(podlab.container('app')).toBeVisible();
  await podlab.seek(12.5);
  await expect(podlab.column('AGE')).toHaveText('12s');
  const row = await kubectlRow(podlab);

  await podlab.button('Share link').click();
  const dialog = podlab.dialog('Share link');
  const field = dialog.getByRole('textbox', { name: 'Share link' });
  await expect(dialog.getByRole('status')).toHaveText('✓ Copied to the clipboard.');
  const url = await field.inputValue();
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#v1&t=12\.5&/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
  await expect(field).toHaveAttribute('readonly');

  const elsewhere = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const other = await elsewhere.newPage();
  await other.goto(url);
  const podlab2 = new (podlab.constructor as new (page: Page) => typeof podlab)(other);
  await expect(podlab2.container('app')).toBeVisible();
  await expect(podlab2.time).toHaveValue('12.5');
  await expect(podlab2.column('AGE')).toHaveText('12s');
  expect(await kubectlRow(podlab2)).toEqual(row);
  expect(new URL(other.url()).hash).toBe('');
  await elsewhere.close();
});

test('a corrupt, cut-short or newer link says so and keeps the work on the page', async ({ podlab, page, context }) => {
  await podlab.button('Main container').click();
  await podlab.seek(5);
  await savedWorkHas(page, 'name: app');
  await podlab.button('Share link').click();
  const url = await podlab.dialog('Share link').getByRole('textbox', { name: 'Share link' }).inputValue();
  await podlab.dialog('Share link').getByRole('button', { name: 'Close' }).click();

  const other = await context.newPage();
  const podlab2 = new (podlab.constructor as new (page: Page) => typeof podlab)(other);
  const alert = other.getByRole('alert');
  await other.goto(url.slice(0, -12));
  await expect(alert).toContainText('This share link is cut short');
  await expect(alert).toContainText('The work already on this page was kept.');
  await expect(podlab2.container('app')).toBeVisible();

  await other.goto('/#v1&t=3&n=4&h=zz&d=ABCD');
  await expect(alert).toContainText('This share link is damaged');
  await other.goto('/#v9&t=0&n=1&h=1&d=Q');
  await expect(alert).toContainText('made by a newer Podlab');
  await expect(podlab2.container('app')).toBeVisible();
  await other.getByRole('button', { name: 'Dismiss' }).click();
  await expect(alert).toHaveCount(0);
});

test('the work is still there after a reload, at the same time', async ({ podlab, page }) => {
  await podlab.button('Main container').click();
  await podlab.seek(7);
  await page.reload();
  await expect(podlab.container('app')).toBeVisible();
  await expect(podlab.time).toHaveValue('7');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('undo and redo with the keyboard and the buttons; the YAML editor keeps its own', async ({ podlab, page }) => {
  await podlab.button('Main container').click();
  await expect(podlab.container('app')).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(podlab.container('app')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(podlab.container('app')).toBeVisible();
  await podlab.button('Undo').click();
  await expect(podlab.container('app')).toHaveCount(0);
  await podlab.button('Redo').click();
  await expect(podlab.container('app')).toBeVisible();

  await podlab.openTab(/^YAML/);
  await podlab.yaml.click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.type('# my note\n');
  await expect(podlab.yaml).toContainText('# my note');
  await page.keyboard.press('Control+z'); // the new line
  await page.keyboard.press('Control+z'); // the typed text
  await expect(podlab.yaml).not.toContainText('# my note');
  // The editor undid its own typing: the app's history took one more step forward, not back.
  await expect(podlab.button('Redo')).toBeDisabled();
  await expect(podlab.container('app')).toBeVisible();
});

test('starting anew asks first when the work is not a library text as shipped', async ({ podlab, page }) => {
  const asked: string[] = [];
  page.on('dialog', (dialog) => {
    asked.push(dialog.message());
    void (asked.length === 1 ? dialog.dismiss() : dialog.accept());
  });
  await podlab.button('Main container').click();
  await podlab.button('Example pod').click();
  await expect(podlab.container('app')).toBeVisible();
  await podlab.button('Example pod').click();
  await expect(podlab.container('app')).toHaveCount(0);
  await expect(podlab.container('web')).toBeVisible();
  await podlab.button('Empty pod').click();
  await expect(podlab.container('web')).toHaveCount(0);
  expect(asked).toHaveLength(2);
  expect(asked[0]).toContain('Replace the pod you are working on?');
});

test('a full storage quota is reported, not ignored', async ({ podlab, page }) => {
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await podlab.button('Main container').click();
  await expect(page.getByRole('alert')).toContainText('Your work is not being saved: the browser storage for this site is full.');
});
