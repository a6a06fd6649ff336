/** Plain words for a container's restartPolicyRules, as the YAML holds them. */
import { isRecord } from '../../scenario/value-checks';

const orList = (values: number[]) => (values.length < 2 ? String(values[0]) : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`);

/** One phrase per rule ("on exit code 42", "on any exit code but 0"); a malformed rule is said to be one (the field shows what is wrong). */
export function restartRuleWords(rules: unknown): string[] {
  if (!Array.isArray(rules)) return [];
  return rules.map((rule) => {
    const codes = isRecord(rule) && isRecord(rule.exitCodes) ? rule.exitCodes : undefined;
    const values = Array.isArray(codes?.values) ? codes.values.filter((v): v is number => typeof v === 'number') : [];
    if (codes?.operator === 'In') return values.length === 0 ? 'on no exit code' : `on exit code${values.length > 1 ? 's' : ''} ${orList(values)}`;
    if (codes?.operator === 'NotIn') return values.length === 0 ? 'on any exit code' : `on any exit code but ${orList(values)}`;
    return 'a rule that is not well-formed';
  });
}
