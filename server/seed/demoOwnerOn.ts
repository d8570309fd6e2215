import type { DemoCustomer } from './demoCustomers';

/** Who had a demo customer on `day`: the first owner until its transfer, the handler from then on. */
export function demoOwnerOn(customer: DemoCustomer, day: number): number {
  return day < customer.receivedDay ? customer.creatorId : customer.handlerId;
}
