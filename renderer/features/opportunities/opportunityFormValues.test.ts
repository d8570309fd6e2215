import { describe, expect, test } from 'vitest';
import type { OpportunityDetail } from '../../../shared/schemas/opportunities';
import { lineAmount, linesTotal, newLine, opportunityBody, opportunityFormValues, parseQuantity, type OpportunityFormValues } from './opportunityFormValues';

const me = { id: 3, fullName: 'Trần Thị Lan' };
const product = { id: 11, code: 'MLN-01', name: 'Máy lọc nước', unit: 'Cái' };
const filled = (patch: Partial<OpportunityFormValues> = {}): OpportunityFormValues => ({
  ...opportunityFormValues(null, me),
  name: ' Máy lọc cho văn phòng ',
  expectedDate: '15/12/2026',
  customer: { id: 5, name: 'Minh Khang' },
  ...patch,
});

describe('opportunityBody', () => {
  test('a new form starts at Mở đầu with the signed-in user as owner, and names each missing required field in order', () => {
    const empty = opportunityFormValues(null, me);
    expect(empty).toMatchObject({ stage: 'initial', owner: me, lines: [] });
    expect(opportunityBody(empty)).toMatchObject({ problem: { field: 'name' } });
    expect(opportunityBody({ ...empty, name: 'A' })).toMatchObject({ problem: { field: 'expectedDate', message: 'opportunities.form.required' } });
    expect(opportunityBody({ ...empty, name: 'A', expectedDate: '30/02/2026' })).toMatchObject({ problem: { field: 'expectedDate', message: 'opportunities.form.invalidDate' } });
    expect(opportunityBody({ ...empty, name: 'A', expectedDate: '01/03/2026', owner: null })).toMatchObject({ problem: { field: 'ownerId' } });
    expect(opportunityBody({ ...empty, name: 'A', expectedDate: '01/03/2026' })).toMatchObject({ problem: { field: 'customerId' } });
  });

  test('the body the API takes: trimmed texts, days, VND, a percent, lines with their prices', () => {
    const lines = [{ ...newLine(product, '4.500.000'), quantity: '1,5' }];
    const result = opportunityBody(filled({ probability: '40%', expectedRevenue: '12.000.000', startDate: '1/12/2026', source: ' Website ', lines }));
    expect(result).toEqual({
      body: {
        name: 'Máy lọc cho văn phòng', expectedDate: '2026-12-15', ownerId: 3, stage: 'initial', customerId: 5, source: 'Website', type: null, status: null,
        probability: 40, expectedRevenue: 12_000_000, startDate: '2026-12-01', lostReason: null, products: [{ productId: 11, quantity: 1.5, price: 4_500_000 }],
      },
    });
  });

  test('Thất bại needs a reason; other stages never send one', () => {
    expect(opportunityBody(filled({ stage: 'lost' }))).toEqual({ problem: { field: 'lostReason', message: 'opportunities.form.lostReasonRequired' } });
    expect(opportunityBody(filled({ stage: 'lost', lostReason: 'Giá cao' }))).toMatchObject({ body: { stage: 'lost', lostReason: 'Giá cao' } });
    expect(opportunityBody(filled({ stage: 'won', lostReason: 'Giá cao' }))).toMatchObject({ body: { stage: 'won', lostReason: null } });
  });

  test('bad numbers are refused at their field; a bad line is named by its position', () => {
    expect(opportunityBody(filled({ probability: '101' }))).toMatchObject({ problem: { field: 'probability' } });
    expect(opportunityBody(filled({ probability: '-1' }))).toMatchObject({ problem: { field: 'probability' } });
    expect(opportunityBody(filled({ expectedRevenue: '1,5' }))).toMatchObject({ problem: { field: 'expectedRevenue' } });
    expect(opportunityBody(filled({ lines: [newLine(product, '100'), newLine()] }))).toEqual({
      problem: { field: 'products', message: 'opportunities.lines.productRequired', params: { index: 2 } },
    });
    expect(opportunityBody(filled({ lines: [{ ...newLine(product, '100'), quantity: '0' }] }))).toMatchObject({ problem: { message: 'opportunities.lines.invalidQuantity' } });
    expect(opportunityBody(filled({ lines: [newLine(product, 'abc')] }))).toMatchObject({ problem: { message: 'opportunities.lines.invalidPrice' } });
  });
});

describe('lines', () => {
  test('amount = quantity × price while both are numbers; the total adds the complete ones', () => {
    const a = { ...newLine(product, '4.500.000'), quantity: '2' };
    const b = { ...newLine(product, '350.000'), quantity: '4' };
    const unfinished = { ...newLine(product, ''), quantity: '3' };
    expect(lineAmount(a)).toBe(9_000_000);
    expect(lineAmount(unfinished)).toBeNull();
    expect(linesTotal([a, b, unfinished])).toBe(10_400_000);
  });

  test('quantities take a decimal comma or point, never zero or text', () => {
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('1,5')).toBe(1.5);
    expect(parseQuantity('0.25')).toBe(0.25);
    expect(parseQuantity('0')).toBeNull();
    expect(parseQuantity('hai')).toBeNull();
  });

  test('an opportunity loads back into the form as it shows: dd/MM/yyyy, VND groups, decimal comma', () => {
    const detail = {
      id: 1, number: 'CH000001', name: 'X', customerId: 5, customerName: 'Minh Khang', ownerId: 3, ownerName: 'Trần Thị Lan', stage: 'lost', source: null, type: null,
      status: null, probability: 40, expectedRevenue: 12_000_000, expectedDate: '2026-12-15', startDate: null, lostReason: 'Giá cao', lostAt: null, total: 0,
      createdById: 3, createdByName: null, editable: true, version: 2, createdAt: '', updatedAt: '', updatedByName: null,
      products: [{ id: 9, productId: 11, productCode: 'MLN-01', productName: 'Máy lọc nước', unit: 'Cái', quantity: 1.5, price: 4_500_000, amount: 6_750_000 }],
    } satisfies OpportunityDetail;
    const values = opportunityFormValues(detail, me);
    expect(values).toMatchObject({ expectedDate: '15/12/2026', startDate: '', expectedRevenue: '12.000.000', probability: '40', lostReason: 'Giá cao' });
    expect(values.lines.map((line) => [line.product?.code, line.quantity, line.price])).toEqual([['MLN-01', '1,5', '4.500.000']]);
  });
});
