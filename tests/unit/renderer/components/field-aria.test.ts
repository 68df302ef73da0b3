import { describe, expect, it } from 'vitest';
import { fieldAria } from '../../../../src/renderer/components/field-aria';

describe('fieldAria', () => {
  it('a field without a problem is not marked invalid and is described by its help alone, or by nothing', () => {
    expect(fieldAria(null, 'pool-problem', 'pool-help')).toEqual({
      'aria-invalid': undefined,
      'aria-describedby': 'pool-help',
    });
    expect(fieldAria('', 'host-problem')).toEqual({ 'aria-invalid': undefined, 'aria-describedby': undefined });
  });

  it('a field with a problem is marked invalid, so a screen reader says so, and described by its help then the problem', () => {
    expect(fieldAria('Not a range.', 'pool-problem', 'pool-help')).toEqual({
      'aria-invalid': 'true',
      'aria-describedby': 'pool-help pool-problem',
    });
    expect(fieldAria('Put the port in the Port box.', 'host-problem')).toEqual({
      'aria-invalid': 'true',
      'aria-describedby': 'host-problem',
    });
  });
});
