import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { qosClassOf } from './qos-class';
import type { Json } from './value-checks';

const spec = (text: string) => parse(text) as Json;

// The cases of pkg/apis/core/helper/qos/qos_test.go TestComputePodQOS, in YAML.
describe('the QoS class the API server gives a pod', () => {
  it('is BestEffort with no cpu or memory request or limit anywhere (other resources and zeros do not count)', () => {
    expect(qosClassOf(spec('containers: [{name: a}, {name: b}]'))).toBe('BestEffort');
    expect(qosClassOf(spec('containers: [{name: a, resources: {limits: {nvidia.com/gpu: 1, ephemeral-storage: 1Gi}}}]'))).toBe('BestEffort');
    expect(qosClassOf(spec('containers: [{name: a, resources: {requests: {cpu: "0", memory: "0"}}}]'))).toBe('BestEffort');
  });

  it('is Guaranteed when every container, init containers too, limits cpu and memory and requests as much', () => {
    const both = '{limits: {cpu: 100m, memory: 100Mi}, requests: {cpu: 100m, memory: 100Mi}}';
    expect(qosClassOf(spec(`containers: [{name: a, resources: ${both}}]`))).toBe('Guaranteed');
    // Requests default to limits (SetDefaults_Pod).
    expect(qosClassOf(spec('containers: [{name: a, resources: {limits: {cpu: "1", memory: 1Gi}}}]'))).toBe('Guaranteed');
    expect(qosClassOf(spec(`initContainers: [{name: i, restartPolicy: Always, resources: ${both}}]\ncontainers: [{name: a, resources: {limits: {cpu: 0.1, memory: 104857600}}}]`))).toBe('Guaranteed');
  });

  it('is Burstable otherwise: a request without a limit, a request below its limit, a container without a cpu limit', () => {
    expect(qosClassOf(spec('containers: [{name: a, resources: {requests: {cpu: 100m}}}]'))).toBe('Burstable');
    expect(qosClassOf(spec('containers: [{name: a, resources: {requests: {cpu: 100m, memory: 1Gi}, limits: {cpu: 200m, memory: 1Gi}}}]'))).toBe('Burstable');
    expect(qosClassOf(spec('containers: [{name: a, resources: {limits: {memory: 1Gi}}}]'))).toBe('Burstable');
    expect(qosClassOf(spec('containers: [{name: a, resources: {limits: {cpu: "1", memory: 1Gi}}}, {name: b}]'))).toBe('Burstable');
    // Init containers count as much as the others.
    expect(qosClassOf(spec('initContainers: [{name: i}]\ncontainers: [{name: a, resources: {limits: {cpu: "1", memory: 1Gi}}}]'))).toBe('Burstable');
    expect(qosClassOf(spec('initContainers: [{name: i, resources: {requests: {cpu: 10m}}}]\ncontainers: [{name: a, resources: {limits: {cpu: "1", memory: 1Gi}}}]'))).toBe('Burstable');
  });

  it('takes the pod-level resources alone when they name cpu or memory', () => {
    expect(qosClassOf(spec('resources: {limits: {cpu: "1", memory: 1Gi}}\ncontainers: [{name: a}]'))).toBe('Guaranteed');
    expect(qosClassOf(spec('resources: {requests: {cpu: "1"}}\ncontainers: [{name: a, resources: {limits: {cpu: "1", memory: 1Gi}}}]'))).toBe('Burstable');
    // A pod-level request left out defaults to what the containers request, here 500m < 1.
    expect(qosClassOf(spec('resources: {limits: {cpu: "1", memory: 1Gi}}\ncontainers: [{name: a, resources: {requests: {cpu: 500m}}}]'))).toBe('Burstable');
  });
});
