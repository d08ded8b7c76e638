import { isValidInn, isValidOgrn } from './inn-ogrn';

/** Every string that differs from `value` in exactly one digit. */
function singleDigitCorruptions(value: string): string[] {
  const corruptions: string[] = [];
  for (let position = 0; position < value.length; position += 1) {
    for (let digit = 0; digit <= 9; digit += 1) {
      if (String(digit) === value[position]) continue;
      corruptions.push(`${value.slice(0, position)}${digit}${value.slice(position + 1)}`);
    }
  }
  return corruptions;
}

const ORGANIZATION_INN = '7707083893';
const INDIVIDUAL_INN = '500100732259';
const OGRN = '1027700132195';
const OGRNIP = '304500116000157';

describe('isValidInn', () => {
  it('should accept an INN when it has 10 digits with a correct check digit', () => {
    expect(isValidInn(ORGANIZATION_INN)).toBe(true);
  });

  it('should accept an INN when it has 12 digits with both check digits correct', () => {
    expect(isValidInn(INDIVIDUAL_INN)).toBe(true);
  });

  it.each(['7736050003', '7702070139', '7728168971', '7830002293'])(
    'should accept %s when it is a valid 10-digit INN',
    (value) => {
      expect(isValidInn(value)).toBe(true);
    },
  );

  // A weighted sum that leaves 10 modulo 11 gives the check digit 0, not 10.
  it.each([
    ['7704217370', 'the only check digit'],
    ['770700000803', 'the first of two check digits'],
    ['770700000970', 'the second of two check digits'],
  ])('should accept %s when the sum behind %s leaves 10 modulo 11', (value) => {
    expect(isValidInn(value)).toBe(true);
  });

  // The first check digit is wrong, the second is recomputed over it and so is right.
  it.each(['500100732202', '500100732210', '500100732266', '500100732298'])(
    'should reject %s when only the second of two check digits is consistent',
    (value) => {
      expect(isValidInn(value)).toBe(false);
    },
  );

  it.each(singleDigitCorruptions(ORGANIZATION_INN))(
    'should reject %s when one digit of a valid 10-digit INN is changed',
    (corrupted) => {
      expect(isValidInn(corrupted)).toBe(false);
    },
  );

  it.each(singleDigitCorruptions(INDIVIDUAL_INN))(
    'should reject %s when one digit of a valid 12-digit INN is changed',
    (corrupted) => {
      expect(isValidInn(corrupted)).toBe(false);
    },
  );

  it('should produce nine corruptions per digit when corrupting the sample INNs', () => {
    expect(singleDigitCorruptions(ORGANIZATION_INN)).toHaveLength(90);
    expect(singleDigitCorruptions(INDIVIDUAL_INN)).toHaveLength(108);
  });

  it.each([
    ['', 'empty'],
    ['770708389', '9 digits'],
    ['77070838930', '11 digits'],
    ['5001007322590', '13 digits'],
    ['770708389a', 'a letter'],
    ['7707 083893', 'a space'],
    [' 7707083893', 'a leading space'],
    ['7707083893\n', 'a trailing newline'],
    ['７７０７０８３８９３', 'full-width digits'],
  ])('should reject %j when it is %s', (value) => {
    expect(isValidInn(value)).toBe(false);
  });
});

describe('isValidOgrn', () => {
  it('should accept an OGRN when it has 13 digits with a correct control digit', () => {
    expect(isValidOgrn(OGRN)).toBe(true);
  });

  it('should accept an OGRNIP when it has 15 digits with a correct control digit', () => {
    expect(isValidOgrn(OGRNIP)).toBe(true);
  });

  it('should accept an OGRN when the remainder modulo 11 is 10 and the control digit is 0', () => {
    expect(isValidOgrn('1027700130040')).toBe(true);
  });

  // The remainders modulo 13 and modulo 11 differ here, so only the OGRNIP rule accepts it.
  it('should accept an OGRNIP when its control digit follows the modulo-13 rule', () => {
    expect(isValidOgrn('316861700133226')).toBe(true);
  });

  it.each([
    ['304500116000050', 10],
    ['304500116000061', 11],
    ['304500116000072', 12],
  ])(
    'should accept %s when the remainder modulo 13 is %i and its last digit is the control digit',
    (value) => {
      expect(isValidOgrn(value)).toBe(true);
    },
  );

  it.each(['1027700132190', '1027700132194', '1027700132196', '1027700132199'])(
    'should reject %s when the control digit of an OGRN is wrong',
    (value) => {
      expect(isValidOgrn(value)).toBe(false);
    },
  );

  it.each(['304500116000150', '304500116000156', '304500116000158', '304500116000159'])(
    'should reject %s when the control digit of an OGRNIP is wrong',
    (value) => {
      expect(isValidOgrn(value)).toBe(false);
    },
  );

  it('should reject every single-digit corruption when the OGRN or OGRNIP was valid', () => {
    const accepted = [...singleDigitCorruptions(OGRN), ...singleDigitCorruptions(OGRNIP)].filter(
      isValidOgrn,
    );

    expect(accepted).toEqual([]);
  });

  it.each([
    ['', 'empty'],
    ['102770013219', '12 digits'],
    ['10277001321950', '14 digits'],
    ['3045001160001570', '16 digits'],
    ['102770013219x', 'a letter'],
    ['1027700-132195', 'a hyphen'],
    [ORGANIZATION_INN, 'an INN'],
  ])('should reject %j when it is %s', (value) => {
    expect(isValidOgrn(value)).toBe(false);
  });
});
