import { describe, expect, it } from 'vitest';
import { customerSearch } from './search';

describe('the customer search', () => {
  it('looks a whole email up exactly', () => {
    expect(customerSearch('Ann@Example.com')).toEqual({ email: 'Ann@Example.com' });
  });

  it('asks for a prefix when the text is not a whole email', () => {
    expect(customerSearch('ann')).toEqual({ q: 'ann' });
    expect(customerSearch('ann@exa')).toEqual({ q: 'ann@exa' });
    expect(customerSearch('Ann Exa')).toEqual({ q: 'Ann Exa' });
  });

  it('ignores the spaces around what was typed', () => {
    expect(customerSearch('  ann@example.com ')).toEqual({ email: 'ann@example.com' });
    expect(customerSearch('  ann ')).toEqual({ q: 'ann' });
  });

  it('lists everyone when nothing is typed', () => {
    expect(customerSearch('')).toEqual({});
    expect(customerSearch('   ')).toEqual({});
  });

  it('never sends more than the API takes', () => {
    expect(customerSearch('a'.repeat(150)).q).toHaveLength(100);
  });
});
