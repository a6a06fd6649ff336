import { kubectlRow } from '../src/engine/index';
import { expect, test } from './fixtures/podlab';

test('the database is down: the readiness probe fails from 20 s while the liveness probe passes', async ({ podlab, page }) => {
  await podlab.container('web').click();
  const probes = page.getByRole('group', { name: 'Probes' });
  await probes.getByRole('checkbox', { name: 'Liveness probe' }).check();
  const readiness = probes.getByRole('group', { name: 'Readiness probe' });
  await readiness.getByLabel('Fails from (s)', { exact: true }).fill('20');
  await expect(readiness.getByText('empty: as the container (never); never: passes on')).toBeVisible();
  await readiness.getByText('When this probe passes').evaluate((title) => title.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: 'test-results/probe-windows-inspector.png' });

  const source = await podlab.scenarioSource();
  expect(source).toContain('web: {startup: 2, stop: 1, stopExitCode: 0, probes: {readiness: {unhealthyAfter: 20}}}');
  const trace = await podlab.engineTrace();
  const unready = trace.events.find((e) => e.type === 'Ready' && e.container === 'web' && !e.ready);
  expect(unready?.t, 'web turns unready before the deletion at 40 s').toBeLessThan(40);
  const t = unready!.t + 0.5;
  expect(kubectlRow(trace, t)).toMatchObject({ ready: '2/3', restarts: '0' });
  await podlab.expectEngineStatusAt(trace, t);
});

test('Break it fails the probe chosen, and the action list says which', async ({ podlab, page }) => {
  await podlab.container('web').click();
  await page.getByRole('group', { name: 'Probes' }).getByRole('checkbox', { name: 'Liveness probe' }).check();
  await podlab.seek(10);
  await page.getByRole('combobox', { name: 'Target container' }).selectOption('web');
  await page.getByRole('combobox', { name: 'Probes to fail' }).selectOption('liveness');
  await podlab.button('Fail liveness').click();
  await podlab.openTab(/^Actions/);
  await expect(page.getByRole('list', { name: 'Actions' })).toContainText('make the liveness probe of web fail');

  const trace = await podlab.engineTrace();
  // Liveness fails 3 times in a row and the container restarts; the readiness probe goes on passing.
  const killed = trace.events.find((e) => e.type === 'Killing' && e.container === 'web');
  expect(killed).toMatchObject({ reason: 'LivenessProbeFailed' });
  expect(trace.events.some((e) => e.type === 'ProbeFailed' && e.container === 'web' && e.probe === 'readiness' && e.t >= 10 && e.t < killed!.t)).toBe(false);
  await podlab.expectEngineStatusAt(trace, killed!.t + 1);
});

test('a probe redirected to another host: set in the inspector, refused at the field when on the same host, warned of in the Events', async ({ podlab, page }) => {
  await podlab.container('web').click();
  const readiness = page.getByRole('group', { name: 'Probes' }).getByRole('group', { name: 'Readiness probe' });
  const redirect = readiness.getByLabel('Redirected to', { exact: true });
  // A path on the same host is followed by the kubelet: the field says so, and the last valid run plays on.
  await redirect.fill('/login');
  await redirect.blur();
  await expect(readiness.getByText(/must be a URL on another host/)).toBeVisible();
  await expect(redirect).toHaveValue('/login');

  await redirect.fill('https://sso.example.com/login');
  await redirect.blur();
  await expect(readiness.getByText(/must be a URL on another host/)).toBeHidden();
  expect(await podlab.scenarioSource()).toContain('probes: {readiness: {redirect: https://sso.example.com/login}}');
  const trace = await podlab.engineTrace();
  const warning = trace.events.find((e) => e.type === 'ProbeWarning' && e.container === 'web');
  expect(warning?.event?.message).toBe('Readiness probe warning: Probe terminated redirects, Response body: <a href="https://sso.example.com/login">Found</a>.');

  await podlab.seek(warning!.t);
  const events = page.getByRole('region', { name: 'Events' });
  await expect(events.getByRole('row').filter({ hasText: 'ProbeWarning' }).last()).toContainText('Probe terminated redirects');
});
