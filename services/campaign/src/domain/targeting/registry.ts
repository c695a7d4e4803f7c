import type { Condition } from './types';

/**
 * The targeting fields a campaign may use. Adding a field is registering one
 * more condition object; the validation and the evaluation of rule trees
 * need no change.
 */
export class ConditionRegistry {
  private readonly exact = new Map<string, Condition>();
  private readonly families: Array<{ prefix: string; condition: Condition }> = [];

  constructor(conditions: Condition[] = []) {
    for (const condition of conditions) this.register(condition);
  }

  register(condition: Condition): this {
    if (condition.field.endsWith('.*')) {
      this.families.push({ prefix: condition.field.slice(0, -1), condition });
    } else {
      if (this.exact.has(condition.field)) throw new Error(`Targeting field registered twice: ${condition.field}`);
      this.exact.set(condition.field, condition);
    }
    return this;
  }

  /** The condition that decides rules on `field`, if the field is known. */
  conditionFor(field: string): Condition | undefined {
    const exact = this.exact.get(field);
    if (exact) return exact;
    // A family needs a non-empty member: `customer.metadata.` alone names nothing.
    return this.families.find((f) => field.startsWith(f.prefix) && field.length > f.prefix.length)?.condition;
  }

  /** The field names, for messages: `customer.metadata.<key>` for a family. */
  fields(): string[] {
    return [...this.exact.keys(), ...this.families.map((f) => `${f.prefix}<key>`)];
  }
}
