import { classificationApi } from '../../api/classificationApi';
import { useApiData } from '../../api/useApiData';

/** Customer types and groups: the pickers of the toolbar, the form and the bulk dialog. */
export function useClassification() {
  const { data, error, reload } = useApiData(() => Promise.all([classificationApi.types(), classificationApi.groups()]), []);
  return { types: data?.[0] ?? [], groups: data?.[1] ?? [], error, reload };
}
