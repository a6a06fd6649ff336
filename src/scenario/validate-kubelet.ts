/**
 * The `podlab.dev/kubelet` annotation: what the pod's node runs with, as the fields of its
 * KubeletConfiguration (kubelet.config.k8s.io/v1beta1) that change how a pod plays. Only the
 * crash-loop back-off and the graceful node shutdown periods (also by pod priority), with
 * pkg/kubelet/apis/config/validation's checks; gates not named keep their 1.35 defaults.
 */
import type { KubeletConfig, KubeletFeatureGate, ShutdownGroup } from '../engine/types';
import type { IssueList } from './issues';
import { checkInt, isRecord, notA } from './value-checks';

const GATES: KubeletFeatureGate[] = ['KubeletCrashLoopBackOffMax', 'ReduceDefaultCrashLoopBackOffDecay'];
const KEYS = ['featureGates', 'crashLoopBackOff', 'shutdownGracePeriod', 'shutdownGracePeriodCriticalPods', 'shutdownGracePeriodByPodPriority'];
const GROUP_KEYS = ['priority', 'shutdownGracePeriodSeconds'];
/** A metav1.Duration as Go's time.ParseDuration reads it: "30s", "1m30s", "1.5m", "500ms". */
const DURATION = /^(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+$/;
const UNIT_SECONDS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

export function readKubeletConfig(value: unknown, issues: IssueList): KubeletConfig {
  if (value === undefined || value === null) return {};
  if (!isRecord(value)) {
    issues.add([], `must be a mapping of KubeletConfiguration fields, such as crashLoopBackOff: {maxContainerRestartPeriod: 30s}${notA(value)}`);
    return {};
  }
  const config: KubeletConfig = {};
  const gates = value.featureGates;
  if (gates !== undefined) {
    if (!isRecord(gates)) issues.add(['featureGates'], `must be a mapping of feature gate names to true or false${notA(gates)}`);
    else {
      for (const [name, on] of Object.entries(gates)) {
        if (!GATES.includes(name as KubeletFeatureGate)) issues.add(['featureGates', name], `Podlab plays only these feature gates: ${GATES.join(', ')}`);
        else if (typeof on !== 'boolean') issues.add(['featureGates', name], `must be true or false${notA(on)}`);
        else (config.featureGates ??= {})[name as KubeletFeatureGate] = on;
      }
    }
  }
  const backOff = value.crashLoopBackOff;
  if (backOff !== undefined) {
    if (!isRecord(backOff)) issues.add(['crashLoopBackOff'], `must be a mapping such as {maxContainerRestartPeriod: 30s}${notA(backOff)}`);
    else {
      for (const key of Object.keys(backOff)) {
        if (key !== 'maxContainerRestartPeriod') issues.add(['crashLoopBackOff', key], 'unknown field; the field is: maxContainerRestartPeriod');
      }
      const period = backOff.maxContainerRestartPeriod;
      if (period !== undefined) readMaxRestartPeriod(period, config, issues);
    }
  }
  readShutdownPeriods(value, config, issues);
  readShutdownByPodPriority(value, config, issues);
  for (const key of Object.keys(value)) {
    if (!KEYS.includes(key)) issues.add([key], `Podlab plays only these KubeletConfiguration fields: ${KEYS.join(', ')}`);
  }
  return config;
}

/** validation.go ValidateKubeletConfiguration: not with KubeletCrashLoopBackOffMax off (it is on by default), from 1 s to 300 s. */
function readMaxRestartPeriod(period: unknown, config: KubeletConfig, issues: IssueList): void {
  const path = ['crashLoopBackOff', 'maxContainerRestartPeriod'];
  const seconds = durationSeconds(period);
  if (seconds === undefined) return issues.add(path, `must be a duration such as 30s or 1m30s${notA(period)}`);
  if (config.featureGates?.KubeletCrashLoopBackOffMax === false) {
    return issues.add(path, 'invalid configuration: FeatureGate KubeletCrashLoopBackOffMax not enabled, CrashLoopBackOff.MaxContainerRestartPeriod must not be set');
  }
  if (seconds < 1 || seconds > 300) {
    return issues.add(path, `invalid configuration: CrashLoopBackOff.MaxContainerRestartPeriod (got: ${seconds} seconds) must be set between 1s and 300s`);
  }
  config.maxContainerRestartPeriod = seconds;
}

/**
 * validation.go ValidateKubeletConfiguration, graceful node shutdown (GracefulNodeShutdown, beta and
 * on): each period zero or at least 1 s, the critical pods' no longer than the whole.
 */
function readShutdownPeriods(value: Record<string, unknown>, config: KubeletConfig, issues: IssueList): void {
  const seconds: Partial<Record<'shutdownGracePeriod' | 'shutdownGracePeriodCriticalPods', number>> = {};
  for (const key of ['shutdownGracePeriod', 'shutdownGracePeriodCriticalPods'] as const) {
    const period = value[key];
    if (period === undefined) continue;
    const given = durationSeconds(period);
    if (given === undefined) issues.add([key], `must be a duration such as 30s or 1m30s${notA(period)}`);
    else if (given > 0 && given < 1) issues.add([key], `invalid configuration: ${key} ${String(period)} must be either zero or otherwise >= 1 sec`);
    else seconds[key] = given;
  }
  const { shutdownGracePeriod = 0, shutdownGracePeriodCriticalPods = 0 } = seconds;
  if (shutdownGracePeriodCriticalPods > shutdownGracePeriod) {
    issues.add(['shutdownGracePeriodCriticalPods'], `invalid configuration: shutdownGracePeriodCriticalPods ${String(value.shutdownGracePeriodCriticalPods)} must be <= shutdownGracePeriod ${String(value.shutdownGracePeriod ?? '0s')}`);
    return;
  }
  if (shutdownGracePeriod > 0) config.shutdownGracePeriod = shutdownGracePeriod;
  if (shutdownGracePeriodCriticalPods > 0) config.shutdownGracePeriodCriticalPods = shutdownGracePeriodCriticalPods;
}

/**
 * shutdownGracePeriodByPodPriority (GracefulNodeShutdownBasedOnPodPriority, beta and on): a list of
 * {priority, shutdownGracePeriodSeconds}, each left out as Go's zero, and not beside the two periods
 * (as written: checked whether those are valid or not, as validation.go does).
 */
function readShutdownByPodPriority(fields: Record<string, unknown>, config: KubeletConfig, issues: IssueList): void {
  const path = ['shutdownGracePeriodByPodPriority'];
  const value = fields.shutdownGracePeriodByPodPriority;
  if (value === undefined || value === null) return;
  if (!Array.isArray(value)) return issues.add(path, `must be a list such as [{priority: 0, shutdownGracePeriodSeconds: 20}, {priority: 2000000000, shutdownGracePeriodSeconds: 10}]${notA(value)}`);
  const groups: ShutdownGroup[] = [];
  value.forEach((entry: unknown, i) => {
    if (!isRecord(entry)) return issues.add([...path, i], `must be a mapping such as {priority: 1000, shutdownGracePeriodSeconds: 10}${notA(entry)}`);
    for (const key of Object.keys(entry)) {
      if (!GROUP_KEYS.includes(key)) issues.add([...path, i, key], `unknown field; the fields are: ${GROUP_KEYS.join(', ')}`);
    }
    const { priority = 0, shutdownGracePeriodSeconds = 0 } = entry;
    // A negative period would have the kubelet wait for nothing: Podlab asks for 0 instead.
    const validPriority = checkInt(issues, [...path, i, 'priority'], priority, -(2 ** 31));
    const validSeconds = checkInt(issues, [...path, i, 'shutdownGracePeriodSeconds'], shutdownGracePeriodSeconds, 0, Number.MAX_SAFE_INTEGER);
    if (validPriority && validSeconds) groups.push({ priority: priority as number, shutdownGracePeriodSeconds: shutdownGracePeriodSeconds as number });
  });
  if (groups.length === 0 || groups.length < value.length) return;
  if ((durationSeconds(fields.shutdownGracePeriod) ?? 0) > 0 || (durationSeconds(fields.shutdownGracePeriodCriticalPods) ?? 0) > 0) {
    return issues.add(path, 'invalid configuration: Cannot specify both shutdownGracePeriodByPodPriority and shutdownGracePeriod at the same time');
  }
  config.shutdownGracePeriodByPodPriority = groups;
}

/** A metav1.Duration's seconds, or undefined when the value is not one. */
function durationSeconds(value: unknown): number | undefined {
  if (typeof value !== 'string' || !DURATION.test(value)) return undefined;
  let seconds = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) seconds += Number(amount) * UNIT_SECONDS[unit!]!;
  return Math.round(seconds * 1e9) / 1e9;
}
