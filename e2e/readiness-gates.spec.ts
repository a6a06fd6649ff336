import { expect, test } from './fixtures/podlab';

const GATE = 'target-health.elbv2.k8s.aws/k8s-shop-checkout-5d3a1c2b7e';

test("a readiness gate holds the pod's Ready until its condition is True; Break it sets it", async ({ podlab, page }) => {
  await podlab.button('Library').click();
  await podlab.dialog('Library').getByRole('button', { name: "A readiness gate holds the pod's Ready until the load balancer says so", exact: true }).click();
  // The scenario is fetched, then opened at 0 s and the gallery closed: seek after that.
  await expect(podlab.dialog('Library')).toBeHidden();
  const conditions = page.getByRole('list', { name: 'Pod conditions' });
  const ready = conditions.getByRole('listitem').filter({ hasText: /^✔?✖?Ready / });

  await podlab.seek(10);
  await expect(podlab.column('READY')).toHaveText('1/1');
  await expect(ready).toHaveText(/False$/);
  await expect(conditions).not.toContainText(GATE);

  await podlab.seek(20);
  await expect(conditions.getByRole('listitem').filter({ hasText: GATE })).toHaveText(/True$/);
  await expect(ready).toHaveText(/True$/);
  await page.screenshot({ path: 'test-results/readiness-gate.png' });

  // Paused at 40 s, Break it sets the gate False: a timed action, and Ready follows at once.
  await podlab.seek(40);
  await expect(page.getByRole('combobox', { name: 'Readiness gate' })).toHaveValue(GATE);
  await podlab.button('Gate False').click();
  await expect(page.getByRole('tab', { name: 'Actions (3)' })).toBeVisible();
  const trace = await podlab.engineTrace();
  const patches = trace.events.filter((e) => e.type === 'PodCondition' && e.condition === GATE);
  // The controller's own False at 60 s then changes nothing.
  expect(patches.map((e) => [e.t, e.type === 'PodCondition' && e.status])).toEqual([[20, 'True'], [40, 'False']]);
  await expect(ready).toHaveText(/False$/);
  await expect(podlab.column('READY')).toHaveText('1/1');
});
