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

test('the Pod tab marks a Secret missing or there, and Break it creates it at t', async ({ podlab, page }) => {
  await podlab.button('Library').click();
  await podlab.dialog('Library').getByRole('button', { name: 'A missing Secret holds the app in CreateContainerConfigError until it is created', exact: true }).click();
  await expect(podlab.dialog('Library')).toBeHidden();
  await podlab.seek(20);
  await podlab.openTab('Pod');
  const missing = page.getByRole('checkbox', { name: 'secret/db-credentials is missing', exact: true });
  await expect(missing).toBeChecked();
  // The key the app reads goes with the Secret while it is missing.
  await expect(page.getByRole('checkbox', { name: 'key password of secret/db-credentials is missing' })).toBeDisabled();

  // There after all: the app starts at once, and the action that created it goes with it.
  await missing.uncheck();
  await expect(podlab.column('STATUS')).toHaveText('Running');
  await expect(page.getByRole('tab', { name: 'Actions (0)' })).toBeVisible();

  // Missing again, then created now: the app starts at the kubelet's next try, within 10 s.
  await missing.check();
  await expect(podlab.column('STATUS')).toHaveText('CreateContainerConfigError');
  await expect(page.getByRole('combobox', { name: 'Missing object' })).toHaveValue('secret/db-credentials');
  await podlab.button('Create').click();
  await expect(page.getByRole('tab', { name: 'Actions (1)' })).toBeVisible();
  const trace = await podlab.engineTrace();
  const started = trace.events.find((e) => e.type === 'Started' && e.container === 'checkout');
  expect(started!.t).toBeGreaterThan(20);
  expect(started!.t).toBeLessThanOrEqual(30);
  await podlab.expectEngineStatusAt(trace, started!.t + 1);
});
