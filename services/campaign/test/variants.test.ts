import { Problems } from '../src/domain/problems';
import { chooseVariant, validateVariants, type Variant } from '../src/domain/variants';

const offer = { type: 'percent_off' as const, percentOff: '10' };
const variants = (weights: number[]): Variant[] => weights.map((weight, i) => ({ key: `v${i}`, weight, offer }));
const customerId = (i: number) => `cus_${String(i).padStart(26, '0')}`;

describe('assignment by weight', () => {
  it.each([
    [[50, 30, 20]],
    [[1, 1]],
    [[90, 10]],
    [[1, 2, 3, 4]],
  ])('splits 100,000 customers within ±2 %% of the weights %j', (weights) => {
    const arms = variants(weights);
    const total = weights.reduce((a, b) => a + b, 0);
    const counts = new Map<string, number>();
    const N = 100_000;
    for (let i = 0; i < N; i += 1) {
      const key = chooseVariant('cmp_01JDQ4ZC3Y6Q8G5T6W9N2K7B1M', customerId(i), arms)!.key;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    arms.forEach((arm) => {
      const share = (counts.get(arm.key) ?? 0) / N;
      expect(Math.abs(share - arm.weight / total)).toBeLessThanOrEqual(0.02);
    });
  });

  it('gives a customer the same variant every time', () => {
    const arms = variants([50, 30, 20]);
    for (let i = 0; i < 100; i += 1) {
      const first = chooseVariant('cmp_A', customerId(i), arms);
      expect(chooseVariant('cmp_A', customerId(i), arms)).toBe(first);
    }
  });

  it('depends on the campaign as well as the customer', () => {
    const arms = variants([1, 1]);
    const differs = Array.from({ length: 200 }, (_, i) => i).some(
      (i) => chooseVariant('cmp_A', customerId(i), arms)!.key !== chooseVariant('cmp_B', customerId(i), arms)!.key,
    );
    expect(differs).toBe(true);
  });

  it('chooses nothing without variants', () => {
    expect(chooseVariant('cmp_A', customerId(1), [])).toBeUndefined();
  });
});

describe('variant validation', () => {
  const problemsOf = (input: Parameters<typeof validateVariants>[0]) => {
    const problems = new Problems();
    validateVariants(input, problems);
    return problems.list.map((p) => p.path);
  };
  const wire = { type: 'percent_off', percentOff: '10' };

  it('accepts two or more variants with unique keys and positive whole weights', () => {
    expect(problemsOf([{ key: 'a', weight: 1, offer: wire }, { key: 'b', weight: 3, offer: wire }])).toEqual([]);
  });

  it.each<[string, Parameters<typeof validateVariants>[0], string[]]>([
    ['a single variant', [{ key: 'a', weight: 1, offer: wire }], ['variants']],
    ['a repeated key', [{ key: 'a', weight: 1, offer: wire }, { key: 'a', weight: 1, offer: wire }], ['variants.1.key']],
    ['a zero weight', [{ key: 'a', weight: 0, offer: wire }, { key: 'b', weight: 1, offer: wire }], ['variants.0.weight']],
    ['a fractional weight', [{ key: 'a', weight: 1.5, offer: wire }, { key: 'b', weight: 1, offer: wire }], ['variants.0.weight']],
    ['a key with spaces', [{ key: 'a b', weight: 1, offer: wire }, { key: 'b', weight: 1, offer: wire }], ['variants.0.key']],
    ['a bad offer', [{ key: 'a', weight: 1, offer: { type: 'percent_off', percentOff: '150' } }, { key: 'b', weight: 1, offer: wire }], ['variants.0.offer.percentOff']],
    ['a missing offer', [{ key: 'a', weight: 1 }, { key: 'b', weight: 1, offer: wire }], ['variants.0.offer']],
  ])('refuses %s', (_name, input, paths) => {
    expect(problemsOf(input)).toEqual(paths);
  });
});
