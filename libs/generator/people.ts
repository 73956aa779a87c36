/**
 * Synthetic personal details for heads of household: plausible in shape (a name, an 18-character resident
 * ID number with a valid check character, an 11-digit mobile number), belonging to nobody.
 */
import { PersonalDetails } from '../domain/household/events';
import { residentIdCheckCharacter } from '../domain/shared/resident-id';
import { Random } from './random';

const SURNAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Ma',
  'Zhao',
  'Huang',
  'Zhou',
  'Wu',
  'Xu',
  'Sun',
  'Hu',
  'Guo',
  'He',
  'Na',
  'Hai',
];
const SYLLABLES = [
  'wei',
  'fang',
  'min',
  'jing',
  'li',
  'qiang',
  'lei',
  'jun',
  'yang',
  'yong',
  'yan',
  'jie',
  'juan',
  'tao',
  'ming',
  'xia',
  'hua',
  'ping',
  'gang',
  'hui',
];

export function syntheticHead(random: Random, districtCode: string, enrolmentYear: number): PersonalDetails {
  const given = random.pick(SYLLABLES) + (random.chance(0.7) ? random.pick(SYLLABLES) : '');
  const name = `${random.pick(SURNAMES)} ${given[0].toUpperCase()}${given.slice(1)}`;
  const born = new Date(Date.UTC(enrolmentYear - random.int(22, 80), random.int(0, 11), random.int(1, 28)));
  const birth = born.toISOString().slice(0, 10).replaceAll('-', '');
  const first17 = `${districtCode}${birth}${String(random.int(0, 999)).padStart(3, '0')}`;
  const head: PersonalDetails = { name, idNumber: first17 + residentIdCheckCharacter(first17) };
  if (random.chance(0.8)) head.phone = `1${random.pick(['3', '5', '8'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
  return head;
}
