/**
 * Making sure a container's image is on the node before it starts.
 * kubelet: pkg/kubelet/images/image_manager.go EnsureImageExists.
 */
import { at, type ContainerRuntime, type Sim, type Task } from '../runtime';
import { cacheReason, resyncAt, retryFailedSync } from './process';

export function* ensureImage(sim: Sim, c: ContainerRuntime): Task<boolean> {
  const { name, image, imagePullPolicy } = c.spec;
  const { pull, pullFailures } = c.spec.behavior;
  const quoted = `"${image}"`;

  const present = c.presentImages.has(image);
  if (imagePullPolicy === 'Never' && !present) {
    const message = `Container image ${quoted} is not present with pull policy of Never`;
    sim.rec.emitK8s({ t: sim.now, type: 'PullFailed', container: name, image }, 'Warning', 'ErrImageNeverPull', message);
    cacheReason(sim, c, 'ErrImageNeverPull', message);
    // A sync error, not a back-off: every sync fails the same way until the image is on the node.
    retryFailedSync(sim);
    return false;
  }
  if (imagePullPolicy !== 'Always' && present) {
    sim.rec.emitK8s(
      { t: sim.now, type: 'Pulled', container: name, image, alreadyPresent: true },
      'Normal',
      'Pulled',
      `Container image ${quoted} already present on machine`,
    );
    return true;
  }

  const heldUntil = sim.imageBackoff.backoffUntilSinceUpdate(image, sim.now);
  if (heldUntil !== null) {
    // One PullBackOff per failed pull, though every sync in between meets the backoff.
    if (c.pullBackoffReportedFor === c.pullAttempts) {
      resyncAt(sim, c, heldUntil);
      return false;
    }
    c.pullBackoffReportedFor = c.pullAttempts;
    sim.rec.emitK8s(
      { t: sim.now, type: 'PullBackOff', container: name, image, delay: sim.imageBackoff.delay(image) },
      'Normal',
      'BackOff',
      `Back-off pulling image ${quoted}`,
    );
    cacheReason(sim, c, 'ImagePullBackOff', `Back-off pulling image ${quoted}`);
    resyncAt(sim, c, heldUntil);
    return false;
  }

  sim.rec.emitK8s({ t: sim.now, type: 'Pulling', container: name, image }, 'Normal', 'Pulling', `Pulling image ${quoted}`);
  const started = sim.now;
  // A re-pull under policy Always finds every layer cached: it only checks the manifest.
  yield { until: at(sim.now + (present ? 0 : pull)) };
  c.pullAttempts++;
  if (c.pullAttempts <= pullFailures) {
    sim.imageBackoff.next(image, sim.now, sim.now);
    const error = `rpc error: code = NotFound desc = failed to pull and unpack image "${image}"`;
    sim.rec.emitK8s(
      { t: sim.now, type: 'PullFailed', container: name, image },
      'Warning',
      'Failed',
      `Failed to pull image ${quoted}: ${error}`,
    );
    cacheReason(sim, c, 'ErrImagePull', error);
    return false;
  }
  c.presentImages.add(image);
  const took = `${+(sim.now - started).toFixed(3)}s`;
  sim.rec.emitK8s(
    { t: sim.now, type: 'Pulled', container: name, image, alreadyPresent: false },
    'Normal',
    'Pulled',
    `Successfully pulled image ${quoted} in ${took} (${took} including waiting)`,
  );
  return true;
}
