/**
 * Checksums of Russian taxpayer (INN) and registration (OGRN / OGRNIP) numbers, as the Federal Tax
 * Service defines them.
 */
const INN10_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN11_WEIGHTS = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8];
const INN12_WEIGHTS = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8];

function checkDigit(digits: number[], weights: number[]): number {
  const sum = weights.reduce((acc, weight, i) => acc + weight * (digits[i] ?? 0), 0);
  return (sum % 11) % 10;
}

/** A valid INN: 10 digits (organisations) or 12 (individuals), with correct check digits. */
export function isValidInn(value: string): boolean {
  if (!/^\d{10}$|^\d{12}$/.test(value)) return false;
  const digits = [...value].map(Number);
  if (digits.length === 10) return checkDigit(digits, INN10_WEIGHTS) === digits[9];
  return (
    checkDigit(digits, INN11_WEIGHTS) === digits[10] &&
    checkDigit(digits, INN12_WEIGHTS) === digits[11]
  );
}

/** A valid OGRN (13 digits) or OGRNIP (15 digits) with its control digit. */
export function isValidOgrn(value: string): boolean {
  if (/^\d{13}$/.test(value)) {
    return Number((BigInt(value.slice(0, 12)) % 11n) % 10n) === Number(value[12]);
  }
  if (/^\d{15}$/.test(value)) {
    return Number((BigInt(value.slice(0, 14)) % 13n) % 10n) === Number(value[14]);
  }
  return false;
}
