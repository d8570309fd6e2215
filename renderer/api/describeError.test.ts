import { describe, expect, test } from 'vitest';
import { translate, type Locale } from '../i18n/translate';
import type { MessageKey } from '../i18n/vi';
import { ApiError } from './ApiError';
import { describeError, type FieldLabels } from './describeError';

const say = (locale: Locale, error: unknown, labels?: FieldLabels) =>
  describeError(error, (key: MessageKey, params) => translate(locale, key, params), labels);

describe('describeError', () => {
  test('a password equal to the username', () => {
    const error = new ApiError(400, 'PASSWORD_IS_USERNAME', 'The password must not be the username', 'password');
    expect(say('vi', error)).toBe('Mật khẩu không được trùng với tên đăng nhập.');
    expect(say('en', error)).toBe('The password must not be the same as the username.');
  });

  test('a wrong current password when changing your own', () => {
    const error = new ApiError(400, 'WRONG_CURRENT_PASSWORD', 'The current password is wrong', 'currentPassword');
    expect(say('vi', error)).toBe('Mật khẩu hiện tại không đúng.');
    expect(say('en', error)).toBe('The current password is wrong.');
  });

  test('a duplicate names its field', () => {
    expect(say('vi', new ApiError(409, 'DUPLICATE', 'exists', 'code'))).toBe('Mã khách hàng đã tồn tại, vui lòng nhập giá trị khác.');
    expect(say('vi', new ApiError(409, 'DUPLICATE', 'exists', 'username'))).toBe('Tên đăng nhập đã tồn tại, vui lòng nhập giá trị khác.');
    expect(say('en', new ApiError(409, 'DUPLICATE', 'exists', 'code'))).toBe('Customer code already exists, please enter a different value.');
    expect(say('vi', new ApiError(409, 'DUPLICATE', 'exists'))).toBe('Giá trị này đã tồn tại.');
  });

  test("a form's own labels win: a group's name is not a customer's", () => {
    const error = new ApiError(409, 'DUPLICATE', 'exists', 'name');
    expect(say('vi', error)).toBe('Tên khách hàng đã tồn tại, vui lòng nhập giá trị khác.');
    expect(say('vi', error, { name: 'groups.name' })).toBe('Tên nhóm đã tồn tại, vui lòng nhập giá trị khác.');
    expect(say('vi', new ApiError(400, 'VALIDATION_ERROR', 'bad', 'name'), { name: 'departments.name' })).toBe('Trường “Tên phòng ban” chưa hợp lệ.');
  });

  test('no connection, and failures that are not API errors', () => {
    expect(say('vi', new ApiError(0, 'NETWORK', 'unreachable'))).toBe('Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.');
    expect(say('vi', new Error('boom'))).toBe('Đã xảy ra lỗi không mong muốn.');
  });
});
