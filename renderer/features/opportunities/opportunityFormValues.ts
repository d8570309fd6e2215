import { formatDate, formatMoney, parseDisplayDate } from '../../../shared/format';
import type { OpportunityStage } from '../../../shared/schemas/enums';
import type { CreateOpportunityBody, OpportunityDetail, OpportunityLineInput } from '../../../shared/schemas/opportunities';
import type { Product } from '../../../shared/schemas/products';
import { parseVnd } from '../../grid/editing/parseValues';
import type { MessageKey } from '../../i18n/vi';
import type { PickedUser } from '../common/searchUsers';
import type { PickedCustomer } from '../common/CustomerPicker';
import type { FormProblem } from './formProblem';

export type LineProduct = Pick<Product, 'id' | 'code' | 'name' | 'unit'>;
/** A product line as typed; `key` keeps React's rows apart while lines are added and removed. */
export type LineDraft = { key: number; product: LineProduct | null; quantity: string; price: string };

/** The opportunity form as the user fills it (dates dd/MM/yyyy, money as typed). */
export type OpportunityFormValues = {
  name: string;
  customer: PickedCustomer | null;
  owner: PickedUser | null;
  stage: OpportunityStage;
  lostReason: string;
  source: string;
  type: string;
  status: string;
  probability: string;
  expectedRevenue: string;
  expectedDate: string;
  startDate: string;
  lines: LineDraft[];
};

/** `1.500.000` for a VND amount input (formatMoney without the sign). */
export const moneyInput = (value: number | null | undefined) => formatMoney(value).replace(/\s*₫$/, '');
/** Quantities take a decimal comma (Vietnamese) or point: `2`, `1,5`. */
const quantityInput = (value: number) => String(value).replace('.', ',');

let nextLineKey = 1;
export function newLine(product: LineProduct | null = null, price = ''): LineDraft {
  return { key: nextLineKey++, product, quantity: '1', price };
}

export function opportunityFormValues(opportunity: OpportunityDetail | null, me: PickedUser): OpportunityFormValues {
  if (!opportunity) {
    return {
      name: '', customer: null, owner: me, stage: 'initial', lostReason: '', source: '', type: '', status: '', probability: '', expectedRevenue: '',
      expectedDate: '', startDate: '', lines: [],
    };
  }
  return {
    name: opportunity.name,
    customer: { id: opportunity.customerId, name: opportunity.customerName },
    owner: { id: opportunity.ownerId, fullName: opportunity.ownerName ?? '' },
    stage: opportunity.stage,
    lostReason: opportunity.lostReason ?? '',
    source: opportunity.source ?? '',
    type: opportunity.type ?? '',
    status: opportunity.status ?? '',
    probability: opportunity.probability === null ? '' : String(opportunity.probability),
    expectedRevenue: moneyInput(opportunity.expectedRevenue),
    expectedDate: formatDate(opportunity.expectedDate),
    startDate: formatDate(opportunity.startDate),
    lines: opportunity.products.map((line) => ({
      key: nextLineKey++,
      product: { id: line.productId, code: line.productCode, name: line.productName, unit: line.unit },
      quantity: quantityInput(line.quantity),
      price: moneyInput(line.price),
    })),
  };
}

export function parseQuantity(text: string): number | null {
  const match = /^\s*(\d+(?:[.,]\d+)?)\s*$/.exec(text);
  const quantity = match ? Number(match[1].replace(',', '.')) : NaN;
  return quantity > 0 && quantity <= 1e9 ? quantity : null;
}

function parsePrice(text: string): number | null {
  const draft = parseVnd(text);
  return 'value' in draft && typeof draft.value === 'number' && draft.value >= 0 ? draft.value : null;
}

/** quantity × price of a line as typed, or null while either is not a number yet. */
export function lineAmount(line: LineDraft): number | null {
  const quantity = parseQuantity(line.quantity);
  const price = parsePrice(line.price);
  return quantity === null || price === null ? null : Math.round(quantity * price);
}

export const linesTotal = (lines: LineDraft[]) => lines.reduce((sum, line) => sum + (lineAmount(line) ?? 0), 0);

const optional = (text: string) => text.trim() || null;

function lineInputs(lines: LineDraft[]): { products: OpportunityLineInput[] } | { problem: FormProblem } {
  const products: OpportunityLineInput[] = [];
  for (const [position, line] of lines.entries()) {
    const index = position + 1;
    if (!line.product) return { problem: { field: 'products', message: 'opportunities.lines.productRequired', params: { index } } };
    const quantity = parseQuantity(line.quantity);
    if (quantity === null) return { problem: { field: 'products', message: 'opportunities.lines.invalidQuantity', params: { index } } };
    const price = parsePrice(line.price);
    if (price === null) return { problem: { field: 'products', message: 'opportunities.lines.invalidPrice', params: { index } } };
    products.push({ productId: line.product.id, quantity, price });
  }
  return { products };
}

const required = (field: string, label: MessageKey): FormProblem => ({ field, message: 'opportunities.form.required', params: { field: label } });

/**
 * The API body of a filled form, or the first problem in the form's order (the required fields as
 * the server checks them: name, expected date, owner, stage, customer). The lines replace all lines;
 * a lost reason is sent only with the stage Thất bại.
 */
export function opportunityBody(values: OpportunityFormValues): { body: CreateOpportunityBody } | { problem: FormProblem } {
  const name = values.name.trim();
  if (!name) return { problem: required('name', 'opportunities.field.name') };
  if (!values.expectedDate.trim()) return { problem: required('expectedDate', 'opportunities.field.expectedDate') };
  const expectedDate = parseDisplayDate(values.expectedDate);
  if (!expectedDate) return { problem: { field: 'expectedDate', message: 'opportunities.form.invalidDate', params: { field: 'opportunities.field.expectedDate' } } };
  if (!values.owner) return { problem: required('ownerId', 'opportunities.field.owner') };
  if (!values.customer) return { problem: required('customerId', 'opportunities.field.customer') };
  const lost = values.stage === 'lost';
  if (lost && !values.lostReason) return { problem: { field: 'lostReason', message: 'opportunities.form.lostReasonRequired' } };
  let startDate: string | null = null;
  if (values.startDate.trim()) {
    startDate = parseDisplayDate(values.startDate);
    if (!startDate) return { problem: { field: 'startDate', message: 'opportunities.form.invalidDate', params: { field: 'opportunities.field.startDate' } } };
  }
  let probability: number | null = null;
  if (values.probability.trim()) {
    probability = /^\s*\d{1,3}\s*%?\s*$/.test(values.probability) ? Number.parseInt(values.probability, 10) : NaN;
    if (!(probability >= 0 && probability <= 100)) return { problem: { field: 'probability', message: 'opportunities.form.invalidProbability' } };
  }
  const revenue = parseVnd(values.expectedRevenue);
  if ('error' in revenue || (typeof revenue.value === 'number' && revenue.value < 0)) {
    return { problem: { field: 'expectedRevenue', message: 'opportunities.form.invalidMoney', params: { field: 'opportunities.field.expectedRevenue' } } };
  }
  const lines = lineInputs(values.lines);
  if ('problem' in lines) return lines;
  return {
    body: {
      name,
      expectedDate,
      ownerId: values.owner.id,
      stage: values.stage,
      customerId: values.customer.id,
      source: optional(values.source),
      type: optional(values.type),
      status: optional(values.status),
      probability,
      expectedRevenue: typeof revenue.value === 'number' ? revenue.value : null,
      startDate,
      lostReason: lost ? values.lostReason : null,
      products: lines.products,
    },
  };
}
