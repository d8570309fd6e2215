import type { CustomCellEditorProps } from 'ag-grid-react';
import { useState } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { MultiSelect } from '../../../ui/MultiSelect';
import type { CellEdit, EditorSpec } from '../cellEdit';

type MultiSelectSpec = Extract<EditorSpec, { kind: 'multiSelect' }>;
export type MultiSelectCellEditorProps = CustomCellEditorProps & { edit: CellEdit<unknown> & { editor: MultiSelectSpec } };

/**
 * Any entries of a managed list, with the app's MultiSelect opened in the cell: Space ticks,
 * Enter/Tab commit the ticked set, Escape cancels.
 */
export function MultiSelectCellEditor({ edit, data, onValueChange }: MultiSelectCellEditorProps) {
  const { t } = useI18n();
  const [ids, setIds] = useState(() => (edit.value(data) as number[] | null) ?? []);
  return (
    <div className="grid-cell-popup">
      <MultiSelect
        label={edit.editor.label}
        options={edit.editor.options()}
        value={ids}
        defaultOpen
        onChange={(next) => {
          setIds(next);
          onValueChange({ value: next });
        }}
        allLabel={t('gridEdit.noChoice')}
        countLabel={(count) => t('gridEdit.chosen', { count })}
        clearLabel={t('gridEdit.noChoice')}
      />
    </div>
  );
}
