import { expect, test } from './fixtures/podlab';

test('after a first visit the app, its lazily loaded parts and the library work offline', async ({ podlab, page, context }) => {
  // The service worker has cached the page, every built asset (the lazy editor too) and the library.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await page.reload();
  await expect(podlab.container('web')).toBeVisible();

  await podlab.openTab(/^YAML/);
  await expect(podlab.yaml).toBeVisible();

  await podlab.button('Library').click();
  await podlab.dialog('Library').getByRole('button', { name: 'An OOM kill', exact: false }).first().click();
  await expect(podlab.dialog('Library')).toBeHidden();
  await expect(podlab.time).toHaveValue('0');
  await expect(podlab.container('web')).toHaveCount(0);

  // The lazily loaded dialogs were cached too.
  await podlab.button('Import YAML').click();
  await expect(podlab.dialog('Import YAML').getByRole('textbox', { name: 'YAML to import' })).toBeVisible();
  await podlab.dialog('Import YAML').getByRole('button', { name: 'Close' }).click();
  await podlab.button('Export').click();
  await expect(podlab.dialog('Export').getByRole('button', { name: 'Download scenario' })).toBeVisible();
});
