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

test('a negative grace period is accepted with the API server\'s warning, and a deletion gets 1 s', async ({ podlab, page }) => {
  await podlab.button('Empty pod').click();
  await podlab.button('Main container').click();
  await podlab.openTab(/^Pod/);
  // Nothing requests or limits cpu or memory.
  await expect(page.getByRole('status', { name: 'QoS class' })).toHaveText('BestEffort');
  await expect(page.getByRole('status', { name: 'QoS class' })).toHaveAccessibleDescription(/evicts it among the first/);
  const grace = podlab.field('Grace period (s)');
  await grace.fill('-1');
  await expect(grace).toHaveAccessibleDescription('Warning: must be >= 0; negative values are invalid and will be treated as 1');
  await expect(grace).not.toHaveAttribute('aria-invalid', 'true');
  await podlab.openTab(/^YAML/);
  const warnings = page.getByRole('status').filter({ hasText: 'warning' });
  await expect(warnings).toContainText('1 warning — the API server accepts this pod, and kubectl apply prints:');
  await expect(warnings).toContainText('Warning: spec.terminationGracePeriodSeconds: must be >= 0; negative values are invalid and will be treated as 1');

  await podlab.seek(10);
  await podlab.button('Delete pod').click();
  const trace = await podlab.engineTrace();
  expect(trace.deletion).toMatchObject({ t: 10, gracePeriod: 1 });
  await podlab.seek(10);
  await expect(page.getByRole('region', { name: 'Events' })).toContainText('Stopping container');
  // SIGKILL comes 2 s after SIGTERM at the latest (the kubelet's floor): gone by 12 s, not 30 s.
  expect(trace.deletedAt).toBeLessThanOrEqual(12);
  await podlab.seek(trace.deletedAt!);
  await expect(podlab.kubectl.getByRole('row').nth(1)).toHaveText(/^Error from server \(NotFound\)/);
});
