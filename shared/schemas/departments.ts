import { Type, type Static } from 'typebox';
import { Id, Name } from './common';

export const Department = Type.Object({
  id: Id,
  name: Type.String(),
  parentId: Type.Union([Id, Type.Null()]),
  userCount: Type.Integer(),
});
export type Department = Static<typeof Department>;

export const CreateDepartmentBody = Type.Object({
  name: Name,
  parentId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type CreateDepartmentBody = Static<typeof CreateDepartmentBody>;

export const UpdateDepartmentBody = Type.Partial(CreateDepartmentBody, { minProperties: 1 });
export type UpdateDepartmentBody = Static<typeof UpdateDepartmentBody>;
