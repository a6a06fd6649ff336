import { expect, test } from './fixtures/podlab';

test('a missing Secret: the app waits in CreateContainerConfigError, says what is missing, and starts after it is created', async ({ podlab, page }) => {
  await podlab.button('Library').click();
  await podlab.dialog('Library').getByRole('button', { name: 'A missing Secret holds the app in CreateContainerConfigError until it is created', exact: true }).click();
  await expect(podlab.dialog('Library')).toBeHidden();

  await podlab.seek(25);
  await expect(podlab.column('STATUS')).toHaveText('CreateContainerConfigError');
  await expect(podlab.column('RESTARTS')).toHaveText('0');
  await expect(podlab.container('checkout')).toContainText('secret "db-credentials" not found');
  await expect(page.getByLabel('What is happening')).toContainText('its environment reads Secret db-credentials, which does not exist');
  await page.screenshot({ path: 'test-results/missing-secret.png' });

  await podlab.openTab(/^Actions/);
  await expect(page.getByRole('list', { name: 'Actions' })).toContainText('create secret/db-credentials');

  await podlab.seek(55);
  await expect(podlab.column('STATUS')).toHaveText('Running');
  await expect(podlab.column('READY')).toHaveText('2/2');
});
