import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { Combobox, type ComboboxOption } from '../../../ui/Combobox';
import type { CellEdit, EditorSpec } from '../cellEdit';
import { useEditorKeys } from './useEditorKeys';

type SelectSpec = Extract<EditorSpec, { kind: 'select' }>;
export type SelectCellEditorProps = CustomCellEditorProps & { edit: CellEdit<unknown> & { editor: SelectSpec } };

const noneId = -1;

function matches(option: ComboboxOption, text: string): boolean {
  const fold = (value: string) => value.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/đ/gi, 'd').toLowerCase();
  return fold(option.label).includes(fold(text));
}

/** One entry of a managed list, picked with the app's Combobox (typing filters, ↑/↓, Enter picks). */
export function SelectCellEditor({ edit, data, colDef, onValueChange, stopEditing, api }: SelectCellEditorProps) {
  const { t } = useI18n();
  const spec = edit.editor;
  const root = useRef<HTMLDivElement>(null);
  const onKeyDown = useEditorKeys(api, stopEditing);
  useEffect(() => root.current?.querySelector('input')?.focus(), []);
  const options = spec.options();
  const selected = options.find((option) => option.id === edit.value(data));
  const search = async (text: string) => {
    const found = options.filter((option) => matches(option, text));
    return spec.nullable && !text ? [{ id: noneId, label: t('gridEdit.noChoice') }, ...found] : found;
  };
  return (
    <div ref={root} className="grid-cell-popup" onKeyDown={onKeyDown}>
      <Combobox
        ariaLabel={colDef.headerName}
        selectedText={selected?.label ?? ''}
        search={search}
        delayMs={0}
        noMatchesText={t('gridEdit.noMatches')}
        onPick={(option) => {
          onValueChange({ value: option.id === noneId ? null : option.id });
          stopEditing();
        }}
      />
    </div>
  );
}
