import type { App } from '../../appType';
import { errorResponses, IdParams, Ok, Page } from '../../../shared/schemas/common';
import { CreateProductBody, Product, ProductListQuery, UpdateProductBody } from '../../../shared/schemas/products';
import { notFound } from '../../errors';
import { listPage } from '../../list/listEngine';
import { requireRole } from '../../plugins/auth';
import { createProduct, deleteProduct, findProduct, productList, updateProduct } from './service';

const tags = ['products'];

/** The product catalogue (hàng hóa): everyone reads it, managers and admins maintain it. */
export async function productRoutes(app: App): Promise<void> {
  app.get('/api/products', { schema: { tags, querystring: ProductListQuery, response: { 200: Page(Product), ...errorResponses } } },
    async (request) => listPage(app.db, request.actor, productList, { search: request.query.search }, { offset: request.query.offset, limit: request.query.limit }));

  app.post('/api/products', { schema: { tags, body: CreateProductBody, response: { 201: Product, ...errorResponses } } }, async (request, reply) => {
    requireRole(request, 'admin', 'manager');
    return reply.status(201).send(await createProduct(app.db, request.actor, request.body));
  });

  app.get('/api/products/:id', { schema: { tags, params: IdParams, response: { 200: Product, ...errorResponses } } }, async (request) => {
    const product = await findProduct(app.db, request.params.id);
    if (!product) throw notFound('Product');
    return product;
  });

  app.patch('/api/products/:id', { schema: { tags, params: IdParams, body: UpdateProductBody, response: { 200: Product, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin', 'manager');
    return updateProduct(app.db, request.actor, request.params.id, request.body);
  });

  app.delete('/api/products/:id', { schema: { tags, params: IdParams, response: { 200: Ok, ...errorResponses } } }, async (request) => {
    requireRole(request, 'admin', 'manager');
    await deleteProduct(app.db, request.actor, request.params.id);
    return { ok: true };
  });
}
