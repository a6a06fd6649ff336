/**
 * What the API server says of a new container image in a pod update.
 * kubernetes: pkg/apis/core/validation/validation.go ValidateContainerUpdates (called by
 * ValidatePodUpdate), which checks what validateContainerOnlyForPod checks on create.
 */
import { notA } from './value-checks';

/** The problem with `image` as a container's new image, or undefined when the update is valid. */
export function imageProblem(image: unknown): string | undefined {
  if (image === undefined || image === '') return 'Required value: the new image, such as nginx:1.27';
  if (typeof image !== 'string') return `must be an image name such as nginx:1.27${notA(image)}`;
  if (image !== image.trim()) return 'must not have leading or trailing whitespace';
  // The API server lets this through; the kubelet then fails every start with InvalidImageName,
  // which Podlab does not model, so the gate stops it here.
  if (/\s/.test(image)) return 'must not contain whitespace: it is not a valid image reference (the kubelet would report InvalidImageName)';
  return undefined;
}
