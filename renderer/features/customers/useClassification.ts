import { classificationApi } from '../../api/classificationApi';
import { useApiData } from '../../api/useApiData';

/** Customer types, groups and care statuses: the pickers of the toolbar, the form and the bulk dialog, and the grid's labels. */
export function useClassification() {
  const { data, error, reload } = useApiData(
    () => Promise.all([classificationApi.types(), classificationApi.groups(), classificationApi.careStatuses()]),
    [],
  );
  return { types: data?.[0] ?? [], groups: data?.[1] ?? [], careStatuses: data?.[2] ?? [], error, reload };
}
