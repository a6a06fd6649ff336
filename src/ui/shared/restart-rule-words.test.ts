import { describe, expect, it } from 'vitest';
import { restartRuleWords } from './restart-rule-words';

describe('restartRuleWords', () => {
  it('says which exit codes restart the container, rule by rule', () => {
    expect(
      restartRuleWords([
        { action: 'Restart', exitCodes: { operator: 'In', values: [42] } },
        { action: 'Restart', exitCodes: { operator: 'In', values: [42, 50, 60] } },
        { action: 'Restart', exitCodes: { operator: 'NotIn', values: [0, 1] } },
        { action: 'Restart', exitCodes: { operator: 'NotIn', values: [] } },
        { action: 'Restart' },
      ]),
    ).toEqual(['on exit code 42', 'on exit codes 42, 50 or 60', 'on any exit code but 0 or 1', 'on any exit code', 'a rule that is not well-formed']);
    expect(restartRuleWords(undefined)).toEqual([]);
  });
});
