import { explainMoment } from '../src/ui/status/explain-event';
import { expect, test } from './fixtures/podlab';

test('a crash explains itself: the termination message shows on the node and in plain words, as text', async ({ podlab, page }) => {
  await podlab.container('web').click();
  const behaviour = page.getByRole('group', { name: /^Behaviour/ });
  await behaviour.getByRole('textbox', { name: 'Runs for (s)', exact: true }).fill('5');
  await behaviour.getByRole('textbox', { name: 'Exit code', exact: true }).fill('1');
  await behaviour.getByRole('textbox', { name: 'Healthy after (s)', exact: true }).fill('100');
  await behaviour.getByRole('textbox', { name: 'Termination message', exact: true }).fill('DONE <b>now</b>');
  await behaviour.getByRole('textbox', { name: 'Last logs', exact: true }).fill('starting\nlistening');
  await behaviour.getByRole('combobox', { name: 'Termination message policy' }).selectOption('FallbackToLogsOnError');
  await behaviour.getByRole('textbox', { name: 'Termination message', exact: true }).evaluate((field) => field.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: 'test-results/termination-message-inspector.png' });

  const source = await podlab.scenarioSource();
  expect(source).toContain('message: DONE <b>now</b>');
  expect(source).toContain('terminationMessagePolicy: FallbackToLogsOnError');
  const trace = await podlab.engineTrace();
  // The first run ends at 5 s and restarts at once; the second ends at 10 s and shows Error for a second.
  const exit = trace.events.filter((e) => e.type === 'Exited' && e.container === 'web')[1]!;
  await podlab.expectEngineStatusAt(trace, exit.t + 0.5);
  await expect(podlab.container('web')).toContainText('exit 1: DONE <b>now</b>');
  await page.screenshot({ path: 'test-results/termination-message-node.png' });

  const lines = explainMoment(trace, trace.events.filter((e) => e.t === exit.t)).slice(-3);
  expect(lines.join('\n')).toContain('web exited with code 1 (Error), saying "DONE <b>now</b>".');
  for (const line of lines) await expect(page.getByLabel('What is happening')).toContainText(line);
});
