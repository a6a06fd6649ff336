import { expect, test } from './fixtures/podlab';

test('deleting the pod stops the app first and the native sidecars last, in reverse order', async ({ podlab, page }) => {
  const trace = await podlab.engineTrace();
  const deletion = trace.deletion!;
  expect(deletion).toBeDefined();
  const exits = trace.events.filter((e) => e.type === 'Exited' && e.t >= deletion.t).map((e) => (e as { container: string }).container);
  expect(exits).toEqual(['web', 'mesh-proxy', 'log-shipper']);

  expect(await podlab.expectEngineStatusAt(trace, deletion.t + 1)).toBe('Terminating');
  await expect(podlab.container('web')).toContainText('Stopping');

  const webExit = trace.events.find((e) => e.type === 'Exited' && e.container === 'web')!.t;
  await podlab.expectEngineStatusAt(trace, webExit + 0.5);
  // nginx's graceful shutdown on its image's SIGQUIT exits 0.
  await expect(podlab.container('web')).toContainText('exit code 0');
  await expect(podlab.container('mesh-proxy')).toContainText('Stopping');
  await expect(podlab.container('log-shipper')).not.toContainText('exit code');

  const proxyExit = trace.events.find((e) => e.type === 'Exited' && e.container === 'mesh-proxy')!.t;
  await podlab.seek(proxyExit + 0.5);
  await expect(podlab.container('mesh-proxy')).toContainText('exit code');
  await expect(podlab.container('log-shipper')).toContainText('Stopping');

  // Once every container has stopped the pod leaves the API, and kubectl no longer finds it.
  expect(trace.deletedAt).toBe(trace.end);
  const conditions = page.getByRole('list', { name: 'Pod conditions' }).getByRole('listitem');
  await podlab.seek(trace.end - 0.5);
  await expect(podlab.column('STATUS')).toHaveText('Terminating');
  await expect(conditions).toHaveCount(5);
  await podlab.seek(trace.end);
  await expect(podlab.kubectl.getByRole('row').nth(1)).toHaveText('Error from server (NotFound): pods "shop-web" not found');
  await expect(conditions).toHaveCount(0);
  await expect(podlab.pod).toContainText('deleted');
  await expect(podlab.timeline).toContainText('Terminating');
});
