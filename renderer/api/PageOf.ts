import type { Static, TSchema } from 'typebox';
import type { Page } from '../../shared/schemas/common';

/** The `{rows, total}` list shape of `Page()` in shared/schemas/common.ts, for a row type. */
export type PageOf<Row> = Omit<Static<ReturnType<typeof Page<TSchema>>>, 'rows'> & { rows: Row[] };
