import { shownEnd } from '../src/ui/timeline/shown-end';
import { expect, test } from './fixtures/podlab';

const MARKER = /^(\w+) at (\d+\.\d) s: /;
const at = (name: string) => Number(MARKER.exec(name)![2]);

test('the timeline markers are one tab stop; arrows move between them and Enter moves t there', async ({ podlab, page }) => {
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  await podlab.timeline.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('Tab');
  expect(await focusedName()).toMatch(/^Scheduled at 0\.0 s: /);

  // Down to the next lane (log-shipper), then along it to its next Event.
  await page.keyboard.press('ArrowDown');
  const down = await focusedName();
  expect(down).toMatch(/^Pulled at 0\.0 s: Container image "fluent\/fluent-bit/);
  await page.keyboard.press('ArrowRight');
  const right = await focusedName();
  expect(right).toMatch(MARKER);
  expect(at(right)).toBeGreaterThan(at(down));

  await page.keyboard.press('Enter');
  await expect(podlab.time).toHaveValue(String(at(right)));

  // Tab leaves the markers at once, and Shift+Tab comes back to the one last used.
  await page.keyboard.press('Tab');
  expect(await focusedName()).not.toMatch(MARKER);
  await page.keyboard.press('Shift+Tab');
  expect(await focusedName()).toBe(right);
});

test('the lanes are drawn: pointing at a span or a marker tells what it is, and a click on a marker moves t to it', async ({ podlab, page }) => {
  const tip = page.getByRole('tooltip');
  const name = await podlab.timeline.getByText('web', { exact: true }).boundingBox();
  const region = await podlab.timeline.boundingBox();
  // The lanes reach a little past the run's end, where the pod's last states go on.
  const end = shownEnd(await podlab.engineTrace());
  // The tracks run from the lane names to the region's padding; a lane's row is its name's.
  const left = name!.x + name!.width;
  const right = region!.x + region!.width - 10;
  const at = (t: number) => left + (t / end) * (right - left);
  const y = name!.y + name!.height / 2;

  await page.mouse.move(at(20), y);
  await expect(tip).toHaveText(/^web: Ready, \d+\.\d–\d+\.\d s$/);

  // The Killing marker at the deletion (40 s) sits on the lane's upper edge. Pointed at a little
  // to its right, where a click on the lane would mean a later t, it still takes t to 40 s.
  await page.mouse.move(at(40) + 4, name!.y + 3);
  await expect(tip).toHaveText(/^Killing at 40\.0 s: Stopping container web$/);
  await page.mouse.down();
  await page.mouse.up();
  await expect(podlab.time).toHaveValue('40');

  // The words of the lanes are there for screen readers too.
  await expect(podlab.timeline.getByRole('list', { name: 'States over time' })).toContainText('web: PodInitializing 0.0–');
  await expect(podlab.timeline.getByRole('list', { name: 'States over time' })).toContainText(/Terminating \d+\.\d–\d+\.\d s; Deleted from \d+\.\d s on/);
});

const FOUR_APPS = `apiVersion: v1
kind: Pod
metadata:
  name: four-apps
  annotations:
    podlab.dev/behavior: |
      a: {run: 10, exitCode: 1}
      b: {startup: 2}
      c: {run: 30}
      d: {startup: 1, run: 50, exitCode: 2}
spec:
  containers:
    - {name: a, image: busybox:1.36}
    - {name: b, image: nginx:1.27}
    - {name: c, image: busybox:1.36}
    - {name: d, image: busybox:1.36}
`;

test('an edit that changes one lane leaves the lanes drawn as drawing them all again would', async ({ podlab }) => {
  await podlab.openTab(/^YAML/);
  await podlab.yaml.fill(FOUR_APPS);
  await expect(podlab.column('NAME')).toHaveText('four-apps');
  const lanes = podlab.timeline.locator('canvas').first();
  const pixels = () => lanes.evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
  // The largest difference of any channel of any pixel from the drawing kept by `keep`.
  const keep = () => lanes.evaluate((canvas: HTMLCanvasElement) => {
    (window as unknown as { kept: Uint8ClampedArray }).kept = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  });
  const farthest = () =>
    lanes.evaluate((canvas: HTMLCanvasElement) => {
      const kept = (window as unknown as { kept: Uint8ClampedArray }).kept;
      const now = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let most = now.length === kept.length ? 0 : 255;
      for (let i = 0; i < now.length && most < 255; i++) most = Math.max(most, Math.abs(now[i]! - kept[i]!));
      return most;
    });
  const before = await pixels();

  await podlab.container('a').click();
  await podlab.field('Runs for (s)').fill('25');
  await expect.poll(pixels).not.toBe(before);
  await keep();

  // Zooming in and back to the whole run draws every lane again, in the same window. Only the
  // smoothing of an edge may differ by a shade (the redrawn band is clipped).
  await podlab.timeline.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(farthest).toBeGreaterThan(100);
  await podlab.timeline.getByRole('button', { name: 'Whole run' }).click();
  await expect.poll(farthest).toBeLessThan(12);
});
