import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures/podlab';

const NGINX_DEPLOYMENT = readFileSync(new URL('../src/scenario/fixtures/nginx-deployment.yaml', import.meta.url), 'utf8');
// kubernetes.io "Handling retriable and non-retriable pod failures with Pod failure policy".
const POD_FAILURE_POLICY_JOB = readFileSync(new URL('../src/scenario/fixtures/job-pod-failure-policy.yaml', import.meta.url), 'utf8');

const COUNTDOWN_JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: countdown
spec:
  backoffLimit: 4
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: count
        image: busybox:1.36
        command: ["sh", "-c", "sleep 5"]
`;

test('paste a Deployment from the Kubernetes docs: its pod is on the canvas, with what was inferred', async ({ podlab, page }) => {
  await podlab.button('Import YAML').click();
  const dialog = podlab.dialog('Import YAML');
  await dialog.getByRole('textbox', { name: 'YAML to import' }).fill(NGINX_DEPLOYMENT);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = dialog.getByRole('status');
  await expect(report).toContainText('Imported the pod of the Deployment nginx-deployment');
  await expect(report).toContainText('Took the pod template of the Deployment nginx-deployment (document 1)');
  await expect(report.getByRole('listitem').filter({ hasText: /^nginx:/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await expect(podlab.container('nginx')).toBeVisible();
  await expect(podlab.container('web')).toHaveCount(0);
  await expect(podlab.column('NAME')).toHaveText('nginx-deployment');
  const trace = await podlab.engineTrace();
  await podlab.expectEngineStatusAt(trace, 10);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
});

// kubernetes.io "Define a liveness command": the probe's file is removed after 30 s.
const EXEC_LIVENESS = `apiVersion: v1
kind: Pod
metadata:
  name: liveness-exec
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: [/bin/sh, -c, touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600]
    livenessProbe:
      exec:
        command: [cat, /tmp/healthy]
      initialDelaySeconds: 5
      periodSeconds: 5
`;

test('paste the docs liveness example: the import says when its probe fails, and the container restarts', async ({ podlab }) => {
  await podlab.button('Import YAML').click();
  const dialog = podlab.dialog('Import YAML');
  await dialog.getByRole('textbox', { name: 'YAML to import' }).fill(EXEC_LIVENESS);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status').getByRole('listitem').filter({ hasText: /^liveness:/ })).toContainText('so probes fail from 30 s on');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const trace = await podlab.engineTrace();
  await podlab.expectEngineStatusAt(trace, 60);
  await expect(podlab.column('RESTARTS')).toHaveText('0');
  // Failing from 30 s, killed at the third failure (40 s); sh as PID 1 ignores SIGTERM, so SIGKILL ends it at 70 s.
  await podlab.expectEngineStatusAt(trace, 75);
  await expect(podlab.column('RESTARTS')).toHaveText('1 (5s ago)');
});

test('a Job says whether it would complete; broken input keeps the pod and names the line', async ({ podlab }) => {
  await podlab.button('Import YAML').click();
  const dialog = podlab.dialog('Import YAML');
  const text = dialog.getByRole('textbox', { name: 'YAML to import' });
  await text.fill(COUNTDOWN_JOB);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Job completes');
  await expect(dialog.getByRole('status')).toContainText('its pod succeeds at');

  await text.fill('apiVersion: v1\nkind: Pod\nmetadata: {name: broken\nspec: {}\n');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(dialog.getByRole('status')).toContainText('Nothing was imported; your pod is unchanged.');
  await expect(dialog.getByRole('status')).toContainText(/line \d/);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(podlab.container('count')).toBeVisible();
});


test("a Job's pod failure policy decides the verdict; a rule Kubernetes refuses is named at its line", async ({ podlab }) => {
  await podlab.button('Import YAML').click();
  const dialog = podlab.dialog('Import YAML');
  const text = dialog.getByRole('textbox', { name: 'YAML to import' });
  await text.fill(POD_FAILURE_POLICY_JOB);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = dialog.getByRole('status');
  await expect(report).toContainText('a podFailurePolicy of 2 rules');
  await expect(report).toContainText('The Job fails (PodFailurePolicy) as soon as its pod fails at 5 s: Container main');

  await text.fill(POD_FAILURE_POLICY_JOB.replace('values: [42]', 'values: [0, 42]'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(report).toContainText('line 25: spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator');
  await expect(report).toContainText('BackoffLimitExceeded');
});

test('a Job pasted into the YAML tab is offered as its pod, with the Job\'s verdict', async ({ podlab, page }) => {
  await podlab.openTab(/^YAML/);
  await podlab.yaml.fill(POD_FAILURE_POLICY_JOB);
  const offer = page.getByRole('status').filter({ hasText: 'This is a Job, not a Pod.' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Play its pod' }).click();

  const report = page.getByRole('status').filter({ hasText: 'Imported the pod of the Job job-pod-failure-policy-example' });
  await expect(report).toContainText('The Job fails (PodFailurePolicy) as soon as its pod fails at 5 s');
  await expect(podlab.container('main')).toBeVisible();
  await expect(podlab.column('NAME')).toHaveText('job-pod-failure-policy-example');
  await expect(page.getByRole('tab', { name: /^YAML/ })).not.toContainText('⚠');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(offer).toBeVisible();
});

test('a file dropped on the page is imported', async ({ podlab, page }) => {
  const drop = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([text], 'nginx.yaml', { type: 'application/yaml' }));
    return transfer;
  }, NGINX_DEPLOYMENT);
  // As a person would: drop once the page says it takes the file (its drop handling loads beside the first screen).
  await expect(async () => {
    await podlab.pod.dispatchEvent('dragenter', { dataTransfer: drop });
    await expect(page.getByText('Drop a YAML file to import its pod')).toBeVisible({ timeout: 500 });
  }).toPass();
  await podlab.pod.dispatchEvent('drop', { dataTransfer: drop });
  await expect(podlab.dialog('Import YAML').getByRole('status')).toContainText('from nginx.yaml');
  await podlab.dialog('Import YAML').getByRole('button', { name: 'Close' }).click();
  await expect(podlab.container('nginx')).toBeVisible();
});

test('break the YAML: the error is at its line, the player keeps the last valid pod', async ({ podlab, page }) => {
  await podlab.openTab(/^YAML/);
  await expect(podlab.yaml).toBeVisible();
  const source = await podlab.scenarioSource();
  const broken = source.replace('restartPolicy: Always\n  terminationGracePeriodSeconds', 'restartPolicy: Sometimes\n  terminationGracePeriodSeconds');
  expect(broken).not.toBe(source);
  const line = broken.split('\n').findIndex((l) => l.includes('restartPolicy: Sometimes')) + 1;

  await podlab.yaml.fill(broken);
  const problems = page.getByRole('status').filter({ hasText: 'problem' });
  await expect(problems).toContainText(`line ${line}`);
  await expect(problems).toContainText('spec.restartPolicy');
  await expect(problems).toContainText('the player keeps playing the last valid pod');
  await expect(page.getByRole('tab', { name: /YAML ⚠ 1/ })).toBeVisible();
  await expect(podlab.container('web')).toBeVisible();
  await podlab.seek(12);
  await expect(podlab.column('STATUS')).toHaveText('Running');

  // The fix in the editor reaches the canvas; a canvas edit (Break it → Kill) reaches the open editor.
  // The editor renders only the lines in view, and the actions sit near the top: go there first.
  await podlab.yaml.fill(source);
  await expect(problems).toHaveCount(0);
  await podlab.yaml.press('Control+Home');
  await expect(podlab.yaml).toContainText('podlab.dev/actions');
  await expect(podlab.yaml).not.toContainText('do: kill');
  await podlab.button('Kill').click();
  await podlab.yaml.press('Control+Home');
  await expect(podlab.yaml).toContainText('do: kill, container: web');
});
