import { copyValue } from './copyRows';
import { mobilePhone, personalEmail, personName } from './fakeData';
import { customerPerson } from './customerRows';
import { Random, seedFor } from './random';
import { customerKinds, type SeedWorld } from './seedWorld';
import { contactPositions } from './vietnameseWords';

export const contactColumns = ['id', 'customer_id', 'last_name', 'first_name', 'email', 'phone', 'position', 'created_by', 'created_at', 'updated_at'] as const;

const personKind = customerKinds.indexOf('person');

/** A "Cá nhân" customer is its own contact; an organisation has one or two contact people. */
export function* contactLines(world: SeedWorld): Generator<string> {
  const { facts, calendar } = world;
  const random = new Random(seedFor(world.seed, 'contacts'));
  let id = 0;
  for (let index = 0; index < facts.count; index++) {
    const customerId = index + 1;
    const isPerson = facts.kind[index] === personKind;
    const count = isPerson ? 1 : random.chance(0.3) ? 2 : 1;
    const createdAt = calendar.timestamp(facts.createdDay[index], facts.createdSecond[index]);
    for (let n = 0; n < count; n++) {
      id++;
      if (n === 0) facts.firstContactId[index] = id;
      const person = isPerson ? customerPerson(world.seed, customerId) : personName(random);
      const email = random.chance(0.75) ? personalEmail(random, person.slug) : null;
      const phone = random.chance(0.9) ? mobilePhone(random) : null;
      const position = isPerson ? null : random.pick(contactPositions);
      yield `${id}\t${customerId}\t${person.lastName}\t${person.firstName}\t${copyValue(email)}\t${copyValue(phone)}\t${copyValue(position)}\t${facts.handlerId[index]}\t${createdAt}\t${createdAt}\n`;
    }
  }
}
