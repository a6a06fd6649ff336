import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseScenario } from './parse-scenario';
import { exportRunnable, RUNNABLE_IMAGE, STAND_IN_IMAGES } from './runnable-export';

const scenario = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
  annotations:
    podlab.dev/actions: |
      - {at: 20, do: set-image, container: app, image: nginx:1.27}
      - {at: 40, do: set-image, container: app, image: nginx:1.28}
      - {at: 60, do: set-image, container: app, image: nginx:1.26}
      - {at: 80, do: set-image, container: proxy, image: envoy:v2}
spec:
  initContainers:
    - {name: proxy, image: envoy:v1, restartPolicy: Always}
  containers:
    - {name: app, image: nginx:1.26}
`;

describe('the runnable export of set-image actions', () => {
  const result = exportRunnable(scenario);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));

  it('tells the user which kubectl set image to run when, with a busybox tag standing in for each new image', () => {
    const [first, second] = STAND_IN_IMAGES;
    expect(result.yaml).toContain(
      `#   at 20 s: kubectl set image pod/web -n shop app=${first}   (in Podlab the image becomes nginx:1.27; ${first} stands in for it, so the script still runs)`,
    );
    expect(result.yaml).toContain(`#   at 40 s: kubectl set image pod/web -n shop app=${second}   (in Podlab the image becomes nginx:1.28;`);
    // Back to the image the pod was created with: back to the image the export runs.
    expect(result.yaml).toContain(`#   at 60 s: kubectl set image pod/web -n shop app=${RUNNABLE_IMAGE}   (in Podlab the image becomes nginx:1.26;`);
    expect(result.yaml).toContain(`#   at 80 s: kubectl set image pod/web -n shop proxy=${first}   (in Podlab the image becomes envoy:v2;`);
  });

  it('writes the pod with the images it is created with, and keeps the actions for Podlab', () => {
    const pod = parse(result.yaml);
    expect(pod.spec.containers[0].image).toBe(RUNNABLE_IMAGE);
    const again = parseScenario(result.yaml);
    if (!again.ok) throw new Error(JSON.stringify(again.issues));
    expect(again.model.actions.map((a) => a.do)).toEqual(['set-image', 'set-image', 'set-image', 'set-image']);
  });
});
