import { describe, expect, it } from 'vitest';
import { issueLines, throughShareLink } from './testing/gate-kit';
import { parseScenario } from './parse-scenario';

const scenario = (actions: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/actions: |
${actions}
spec:
  containers:
    - {name: app, image: nginx:1.26}
`;

describe('the set-image action', () => {
  it('becomes an engine action that names the container and its new image', () => {
    const result = parseScenario(scenario('      - {at: 30, do: set-image, container: app, image: nginx:1.27}'));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.model.actions).toEqual([{ at: 30, do: 'set-image', container: 'app', image: 'nginx:1.27' }]);
    // The manifest keeps the image the pod was created with.
    expect(result.model.containers[0]!.image).toBe('nginx:1.26');
  });

  it('rejects a missing, empty, padded or spaced image as the API server (or the kubelet) would, naming the field and line', () => {
    const text = scenario(
      [
        '      - {at: 1, do: set-image, container: app}',
        "      - {at: 2, do: set-image, container: app, image: ''}",
        "      - {at: 3, do: set-image, container: app, image: ' nginx:1.27'}",
        "      - {at: 4, do: set-image, container: app, image: 'nginx 1.27'}",
        '      - {at: 5, do: set-image, container: app, image: 1.27}',
        '      - {at: 6, do: set-image, container: db, image: redis:7}',
        '      - {at: 7, do: set-image, container: app, image: redis:7, exitCode: 1}',
      ].join('\n'),
    );
    expect(issueLines(text)).toEqual([
      '7 metadata.annotations["podlab.dev/actions"][0].image: Required value: the new image, such as nginx:1.27',
      '8 metadata.annotations["podlab.dev/actions"][1].image: Required value: the new image, such as nginx:1.27',
      '9 metadata.annotations["podlab.dev/actions"][2].image: must not have leading or trailing whitespace',
      '10 metadata.annotations["podlab.dev/actions"][3].image: must not contain whitespace: it is not a valid image reference (the kubelet would report InvalidImageName)',
      '11 metadata.annotations["podlab.dev/actions"][4].image: must be an image name such as nginx:1.27, not number 1.27',
      '12 metadata.annotations["podlab.dev/actions"][5].container: must name a container of the pod (app), not string "db"',
      '13 metadata.annotations["podlab.dev/actions"][6].exitCode: unknown field "exitCode" for a set-image action; the fields are: at, do, container, image',
    ]);
  });

  it('travels in a share link and comes back as the same action', () => {
    const source = scenario('      - {at: 30, do: set-image, container: app, image: nginx:1.27}');
    const again = throughShareLink(source, 31);
    expect(again.ok && again.model.actions).toEqual([{ at: 30, do: 'set-image', container: 'app', image: 'nginx:1.27' }]);
  });
});
