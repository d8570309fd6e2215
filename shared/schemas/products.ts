import { Type, type Static } from 'typebox';
import { Id, Money, Name, Nullable, Paging, ShortText } from './common';

export const Product = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  unit: Nullable(Type.String()),
  price: Type.Number(),
});
export type Product = Static<typeof Product>;

export const CreateProductBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._/-]+$' }),
  name: Name,
  price: Money,
  unit: Type.Optional(Nullable(ShortText)),
});
export type CreateProductBody = Static<typeof CreateProductBody>;
export const UpdateProductBody = Type.Partial(CreateProductBody, { minProperties: 1 });

export const ProductListQuery = Type.Object({ search: Type.Optional(Type.String({ maxLength: 200 })), ...Paging });
