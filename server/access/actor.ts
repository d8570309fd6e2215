import type { Role } from '../../shared/schemas/enums';

/** The signed-in user as the access rules see them. */
export type Actor = {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  departmentId: number | null;
  /** Materialised path of the user's department, e.g. `/1/4/`; a manager sees every path under it. */
  departmentPath: string | null;
};
