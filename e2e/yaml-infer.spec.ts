import { expect, test } from './fixtures/podlab';

// A Pod as written for a cluster: nothing in it says how long its processes run.
const PASTED = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
  - name: wait-for-db
    image: busybox:1.36
    command: ["sh", "-c", "sleep 5"]
  containers:
  - name: web
    image: nginx:1.27
`;

test('a Pod pasted in the YAML tab: the tab names the containers that would play wrong without a behaviour, and infers theirs', async ({ podlab, page }) => {
  await podlab.openTab(/^YAML/);
  await podlab.yaml.fill(PASTED);
  const offer = page.getByRole('status').filter({ hasText: 'no behaviour' });
  await expect(offer).toContainText('No behaviour given for wait-for-db and web: they run until stopped');
  await podlab.seek(20);
  await expect(podlab.column('STATUS')).toHaveText('Init:0/1');

  await offer.getByRole('button', { name: 'Infer behaviours' }).click();
  const report = page.getByRole('status').filter({ hasText: 'Inferred' });
  await expect(report.getByRole('listitem').filter({ hasText: /^wait-for-db: runs `sleep 5`: exits 0 after 5 s/ })).toBeVisible();
  await expect(report.getByRole('listitem').filter({ hasText: /^web: nginx/ })).toBeVisible();
  await expect(offer).toHaveCount(0);
  await expect(podlab.yaml).toContainText('wait-for-db: {run: 5');
  await podlab.seek(3);
  await expect(podlab.column('STATUS')).toHaveText('Init:0/1');
  await podlab.seek(20);
  await expect(podlab.column('STATUS')).toHaveText('Running');

  // One edit: Undo brings back the text as pasted, and the offer with it.
  await podlab.button('Undo').click();
  await expect(podlab.yaml).not.toContainText('inferred:');
  await expect(offer).toContainText('No behaviour given for wait-for-db and web: they run until stopped');
  await expect(report).toHaveCount(0);
});
