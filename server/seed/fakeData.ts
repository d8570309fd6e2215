import { Random, WeightedChoice } from './random';
import {
  agencyForms, businessLines, companyForms, distributorForms, emailDomains, familyNames, femaleGivenNames,
  femaleMiddleNames, maleGivenNames, maleMiddleNames, mobilePrefixes, provinces, publicBodies, streets, tradeNames,
} from './vietnameseWords';

/** "Nguyễn Văn An" → "nguyenvanan": ASCII for usernames and e-mail addresses. */
export function asciiSlug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

export type PersonName = { lastName: string; firstName: string; fullName: string; slug: string };
export type CustomerKind = 'company' | 'person' | 'agency' | 'distributor' | 'public';

const family = new WeightedChoice(familyNames);
const legalForm = new WeightedChoice(companyForms);
const domain = new WeightedChoice(emailDomains);
const mobilePrefix = new WeightedChoice(mobilePrefixes);
const province = new WeightedChoice(provinces.map((p) => [p, p.weight] as const));
const slugs = new Map<string, string>();
const slugOf = (text: string) => {
  let slug = slugs.get(text);
  if (slug === undefined) slugs.set(text, (slug = asciiSlug(text)));
  return slug;
};

/** Vietnamese full name: family, middle and given name, as written (họ và đệm + tên). */
export function personName(random: Random): PersonName {
  const female = random.chance(0.48);
  const last = family.pick(random);
  const middle = random.pick(female ? femaleMiddleNames : maleMiddleNames);
  const first = random.pick(female ? femaleGivenNames : maleGivenNames);
  const lastName = `${last} ${middle}`;
  return { lastName, firstName: first, fullName: `${lastName} ${first}`, slug: slugOf(last) + slugOf(middle) + slugOf(first) };
}

/** Customer name by kind, and an ASCII stem for its e-mail domain. */
export function organisationName(random: Random, kind: Exclude<CustomerKind, 'person'>, number: number): { name: string; slug: string; province: string } {
  const place = province.pick(random).name;
  if (kind === 'public') {
    const name = random.pick(publicBodies).replace('{p}', place.startsWith('TP.') ? place : `tỉnh ${place}`);
    return { name, slug: asciiSlug(name).slice(0, 20), province: place };
  }
  const trade = random.pick(tradeNames);
  const stem = `${slugOf(trade)}${number}`;
  if (kind === 'agency') return { name: `${random.pick(agencyForms)} ${trade} ${number}`, slug: stem, province: place };
  if (kind === 'distributor') return { name: `${random.pick(distributorForms)} ${trade} ${number}`, slug: stem, province: place };
  return { name: `${legalForm.pick(random)} ${random.pick(businessLines)} ${trade} ${number}`, slug: stem, province: place };
}

export function mobilePhone(random: Random): string {
  return mobilePrefix.pick(random) + random.digits(7);
}

export function personalEmail(random: Random, slug: string): string {
  return `${slug}${random.between(1, 9999)}@${domain.pick(random)}`;
}

export function companyEmail(random: Random, slug: string): string {
  return `${random.pick(['info', 'lienhe', 'sales', 'ketoan', 'contact'])}@${slug}.${random.chance(0.6) ? 'com.vn' : 'vn'}`;
}

/** "Số 12 Lê Lợi, Quận 1, TP. Hồ Chí Minh"; in `place` when given. */
export function streetAddress(random: Random, place?: string): string {
  const where = place ? provinces.find((p) => p.name === place) ?? province.pick(random) : province.pick(random);
  return `Số ${random.between(1, 350)} ${random.pick(streets)}, ${random.pick(where.districts)}, ${where.name}`;
}

/** Mã số thuế: 10 digits for a company, 13 (with branch suffix) for some branches. */
export function taxCode(random: Random): string {
  const base = String(random.between(100000000, 399999999)).padStart(10, '0');
  return random.chance(0.05) ? `${base}-00${random.between(1, 9)}` : base;
}
