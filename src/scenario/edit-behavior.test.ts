import { describe, expect, it } from 'vitest';
import { EMPTY_SCENARIO, EXAMPLE_SCENARIO } from '../app/example-scenario';
import { setBehaviorField, setProbeWindowField } from './edit-behavior';
import { addAction, removeAction, setActionField } from './edit-actions';
import { readPod } from './edit-read';

describe('behaviour annotation', () => {
  it('sets a field of an existing entry and keeps the flow style', () => {
    const source = setBehaviorField(EXAMPLE_SCENARIO, 'migrate', 'exitCode', 1);
    expect(source).toContain('migrate: {run: 4, exitCode: 1}');
  });

  it('creates the annotation and entry when missing, and removes both when emptied', () => {
    const withRun = setBehaviorField(EMPTY_SCENARIO, 'app', 'run', 5);
    expect(readPod(withRun).behaviors).toEqual({ app: { run: 5 } });
    expect(withRun).toContain('podlab.dev/behavior: |');
    const without = setBehaviorField(withRun, 'app', 'run', undefined);
    expect(without).not.toContain('podlab.dev');
  });

  it("sets one probe's own window field, and removes the maps it leaves empty", () => {
    let source = setProbeWindowField(EXAMPLE_SCENARIO, 'migrate', 'readiness', 'unhealthyAfter', 60);
    expect(source).toContain('migrate: {run: 4, probes: {readiness: {unhealthyAfter: 60}}}');
    source = setProbeWindowField(source, 'migrate', 'liveness', 'unhealthyAfter', null);
    expect(readPod(source).behaviors.migrate).toEqual({ run: 4, probes: { readiness: { unhealthyAfter: 60 }, liveness: { unhealthyAfter: null } } });
    source = setProbeWindowField(source, 'migrate', 'readiness', 'unhealthyAfter', undefined);
    source = setProbeWindowField(source, 'migrate', 'liveness', 'unhealthyAfter', undefined);
    expect(source).toContain('migrate: {run: 4}');
    expect(setProbeWindowField(setProbeWindowField(EMPTY_SCENARIO, 'app', 'startup', 'startup', 5), 'app', 'startup', 'startup', undefined)).not.toContain('podlab.dev');
  });

  it('sets where one probe is redirected, beside its window', () => {
    let source = setProbeWindowField(EXAMPLE_SCENARIO, 'migrate', 'readiness', 'unhealthyAfter', 60);
    source = setProbeWindowField(source, 'migrate', 'readiness', 'redirect', 'http://login.example.com/');
    expect(readPod(source).behaviors.migrate).toEqual({ run: 4, probes: { readiness: { unhealthyAfter: 60, redirect: 'http://login.example.com/' } } });
    source = setProbeWindowField(source, 'migrate', 'readiness', 'redirect', undefined);
    expect(readPod(source).behaviors.migrate).toEqual({ run: 4, probes: { readiness: { unhealthyAfter: 60 } } });
  });

  it('keeps a value the user typed even when it is not valid', () => {
    const source = setBehaviorField(EXAMPLE_SCENARIO, 'web', 'startup', 'soon');
    expect(readPod(source).behaviors.web?.startup).toBe('soon');
  });
});

describe('actions annotation', () => {
  it('inserts in time order, edits and removes', () => {
    let source = addAction(EXAMPLE_SCENARIO, { at: 12, do: 'kill', container: 'web', exitCode: 137 });
    source = addAction(source, { at: 20, do: 'fail-probes', container: 'web' });
    expect(readPod(source).actions.map((a) => a.at)).toEqual([12, 20, 40]);
    source = setActionField(source, 0, 'at', 15);
    expect(readPod(source).actions[0]).toEqual({ at: 15, do: 'kill', container: 'web', exitCode: 137 });
    source = removeAction(source, 2);
    expect(readPod(source).actions.map((a) => a.do)).toEqual(['kill', 'fail-probes']);
    expect(source).toContain('- {at: 15, do: kill, container: web, exitCode: 137}');
  });
});
