import type { Product } from '../../shared/schemas/products';
import { http } from './http';
import type { PageOf } from './PageOf';

/** The product catalogue (hàng hóa); `search` matches the code or the name, accents ignored. */
export const productsApi = {
  list: (query: { search?: string; offset?: number; limit?: number }) => http.get<PageOf<Product>>('/api/products', query),
};
