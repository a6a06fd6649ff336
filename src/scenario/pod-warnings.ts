/**
 * What the API server accepts in a Pod but warns about, as `kubectl apply` prints it
 * ("Warning: …"): the pod is stored and plays, the way the API server stores it.
 * k/k: pkg/registry/core/pod/strategy.go WarningsOnCreate, pkg/api/pod/warnings.go GetWarningsForPod
 * (only the warnings about fields Podlab reads).
 */
import { IssueList } from './issues';
import { DNS1123_LABEL, isRecord } from './value-checks';

export function podWarnings(manifest: unknown, warnings: IssueList = new IssueList()): IssueList {
  if (!isRecord(manifest)) return warnings;
  const name = isRecord(manifest.metadata) ? manifest.metadata.name : undefined;
  // The pod's name becomes its hostname; validation already took it as a DNS subdomain.
  if (typeof name === 'string') {
    const label = [...(name.length > 63 ? ['must be no more than 63 characters'] : []), ...(DNS1123_LABEL.test(name) ? [] : ['must not contain dots'])];
    if (label.length > 0) {
      warnings.add(['metadata', 'name'], `this is used in the Pod's hostname, which can result in surprising behavior; a DNS label is recommended: [${label.join(' ')}]`);
    }
  }
  const grace = isRecord(manifest.spec) ? manifest.spec.terminationGracePeriodSeconds : undefined;
  if (typeof grace === 'number' && grace < 0) {
    warnings.add(['spec', 'terminationGracePeriodSeconds'], 'must be >= 0; negative values are invalid and will be treated as 1');
  }
  return warnings;
}
