import type { Static } from 'typebox';
import type { Activity, HistoryListQuery, activitySchemas } from '../../shared/schemas/records';
import { http } from './http';
import type { PageOf } from './PageOf';

export type CreateActivityBody = Static<typeof activitySchemas.create>;
export type UpdateActivityBody = Static<typeof activitySchemas.update>;

export const activitiesApi = {
  list: (query: HistoryListQuery) => http.get<PageOf<Activity>>('/api/activities', query),
  get: (id: number) => http.get<Activity>(`/api/activities/${id}`),
  create: (body: CreateActivityBody) => http.post<Activity>('/api/activities', body),
  update: (id: number, body: UpdateActivityBody) => http.patch<Activity>(`/api/activities/${id}`, body),
  remove: (id: number) => http.delete<unknown>(`/api/activities/${id}`),
};
