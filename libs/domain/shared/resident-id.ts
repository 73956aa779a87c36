/**
 * The resident identity card number (GB 11643): 17 digits and a check character, ISO 7064 MOD 11-2 over the
 * 17. The check catches the typos a field worker makes copying a card: any one wrong digit, most swaps.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export function isResidentIdNumber(text: unknown): boolean {
  return typeof text === 'string' && /^\d{17}[\dX]$/.test(text) && text[17] === residentIdCheckCharacter(text);
}
