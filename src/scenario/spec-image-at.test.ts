import { describe, expect, it } from 'vitest';
import { readPod } from './edit-read';
import { specImageAt } from './spec-image-at';

const view = readPod(`apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    podlab.dev/actions: |
      - {at: 40, do: set-image, container: app, image: nginx:1.28}
      - {at: 20, do: set-image, container: app, image: nginx:1.27}
      - {at: 20, do: set-image, container: proxy, image: envoy:v2}
spec:
  initContainers:
    - {name: proxy, image: envoy:v1, restartPolicy: Always}
  containers:
    - {name: app, image: nginx:1.26}
`);

describe('the image a container spec names at a moment', () => {
  it('is the manifest image until the first update, then the latest update so far', () => {
    expect(specImageAt(view, 'app', 0)).toBe('nginx:1.26');
    expect(specImageAt(view, 'app', 20)).toBe('nginx:1.27');
    expect(specImageAt(view, 'app', 39.9)).toBe('nginx:1.27');
    expect(specImageAt(view, 'app', 40)).toBe('nginx:1.28');
    expect(specImageAt(view, 'proxy', 30)).toBe('envoy:v2');
    expect(specImageAt(view, 'ghost', 30)).toBe('');
  });
});
