import { fold, prefixPattern, searchTermsOf } from '../src/domain/search';

describe('search terms', () => {
  test.each([
    [{ email: 'Anna@Example.com', name: 'Anna Smith' }, ['anna@example.com', 'anna smith', 'anna', 'smith']],
    [{ email: 'x@y.z', name: '  José   Álvarez ' }, ['x@y.z', 'jose alvarez', 'jose', 'alvarez']],
    [{ email: 'x@y.z', name: 'Mary-Jane Watson' }, ['x@y.z', 'mary-jane watson', 'mary-jane', 'mary', 'jane', 'watson']],
    [{ email: 'x@y.z' }, ['x@y.z']],
    [{ email: null, name: null }, []],
  ])('of %j are %j', (customer, terms) => {
    expect(searchTermsOf(customer)).toEqual(terms);
  });

  test('are cut to 200 characters', () => {
    expect(searchTermsOf({ name: 'a'.repeat(300) }).every((t) => t.length === 200)).toBe(true);
  });
});

describe('a query', () => {
  test.each([
    ['Ann', 'ann%'],
    ['  ANNA   sm ', 'anna sm%'],
    ['Ángel', 'angel%'],
    ['50%_off\\', '50\\%\\_off\\\\%'],
  ])('%j becomes the LIKE pattern %j', (query, pattern) => {
    expect(prefixPattern(query)).toBe(pattern);
  });

  test('is folded as the terms are', () => {
    expect(fold('ÉCOLE ﬁne Straße')).toBe('ecole fine straße');
  });
});
