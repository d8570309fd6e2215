import { describe, expect, it } from 'vitest';
import { useCompanyApp } from '../support/companyApp';

const t = useCompanyApp();

const post = (token: string, url: string, payload: unknown, key?: string) =>
  t.app.inject({ method: 'POST', url, payload: payload as object, headers: { authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) } });

async function customersNamed(name: string): Promise<number> {
  const [{ n }] = await t.db('customers').where({ name }).count<{ n: number }[]>('* as n');
  return Number(n);
}

describe('Idempotency-Key on POST', () => {
  it('a retry answers the first answer and changes nothing more', async () => {
    const first = await post(t.staffA.token, '/api/customers', { name: 'Gửi lại một lần' }, 'key-create-1');
    const retry = await post(t.staffA.token, '/api/customers', { name: 'Gửi lại một lần' }, 'key-create-1');
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json().id).toBe(first.json().id);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await customersNamed('Gửi lại một lần')).toBe(1);
  });

  it('keys are per user, a key reused for another request is refused, and a failed attempt frees its key', async () => {
    const a = await post(t.staffA.token, '/api/customers', { name: 'Khóa của An' }, 'shared-key');
    const b = await post(t.staffB.token, '/api/customers', { name: 'Khóa của Bình' }, 'shared-key');
    expect(b.statusCode).toBe(201);
    expect(b.json().id).not.toBe(a.json().id);
    const reused = await post(t.staffA.token, '/api/customers', { name: 'Khác hẳn' }, 'shared-key');
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await customersNamed('Khác hẳn')).toBe(0);

    const failed = await post(t.staffA.token, '/api/customers', { name: '' }, 'retry-after-fix');
    expect(failed.statusCode).toBe(400);
    const fixed = await post(t.staffA.token, '/api/customers', { name: 'Sửa rồi gửi lại' }, 'retry-after-fix');
    expect(fixed.statusCode).toBe(201);
  });

  it('two concurrent requests with one key apply once', async () => {
    const answers = await Promise.all([1, 2, 3].map(() => post(t.staffC.token, '/api/customers', { name: 'Bấm ba lần' }, 'triple-click')));
    expect(answers.filter((answer) => answer.statusCode === 201).length).toBeGreaterThanOrEqual(1);
    for (const answer of answers) expect([201, 409]).toContain(answer.statusCode);
    expect(await customersNamed('Bấm ba lần')).toBe(1);
  });

  it('refuses malformed keys', async () => {
    for (const key of ['x'.repeat(201), 'two words', ' ']) {
      const response = await post(t.staffA.token, '/api/customers', { name: 'Khóa xấu' }, key);
      expect(response.statusCode, key).toBe(400);
    }
    expect(await customersNamed('Khóa xấu')).toBe(0);
  });
});
