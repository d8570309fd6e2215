import { describe, expect, test } from 'vitest';
import { ApiError } from '../../api/ApiError';
import { translate, type Locale } from '../../i18n/translate';
import type { MessageKey } from '../../i18n/vi';
import { claimFailureMessage } from './claimFailureMessage';

const say = (locale: Locale, failure: unknown) =>
  claimFailureMessage(failure, (key: MessageKey, params) => translate(locale, key, params), locale);

describe('why a claim was refused', () => {
  test('someone else claimed first, or the customer left the pool: nothing was claimed', async () => {
    expect(await say('vi', new ApiError(409, 'POOL_ALREADY_CLAIMED', '1 khách hàng đã được người khác nhận trước'))).toBe(
      'Khách hàng đã được người khác nhận trước nên chưa nhận khách hàng nào. Danh sách đã được tải lại.',
    );
    expect(await say('en', new ApiError(409, 'NOT_IN_POOL', '1 khách hàng đã chọn không thuộc Khách hàng chung'))).toBe(
      'A customer is no longer in the common pool, so nothing was claimed. The list was reloaded.',
    );
  });

  test('the cooldown: the server names the day in Vietnamese; English says it plainly', async () => {
    const cooldown = new ApiError(409, 'POOL_COOLDOWN', '1 khách hàng vừa được chuyển từ bạn vào Khách hàng chung; bạn có thể nhận lại từ ngày 09/12/2026');
    expect(await say('vi', cooldown)).toBe(cooldown.message);
    expect(await say('en', cooldown)).toBe('The pool took this customer from you recently, so you cannot claim it back yet. Nothing was claimed.');
  });

  test('anything else reads as any API failure does', async () => {
    expect(await say('vi', new ApiError(403, 'FORBIDDEN', 'no'))).toBe('Bạn không có quyền thực hiện thao tác này.');
    expect(await say('vi', new ApiError(0, 'NETWORK', 'down'))).toBe('Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.');
  });
});
