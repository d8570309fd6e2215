import type { CustomCellEditorProps } from 'ag-grid-react';
import { useEffect, useRef } from 'react';
import { UserPicker } from '../../../features/common/UserPicker';
import type { PickedUser } from '../../../features/common/searchUsers';
import type { CellEdit, EditorSpec } from '../cellEdit';
import { useEditorKeys } from './useEditorKeys';

type UserSpec = Extract<EditorSpec, { kind: 'user' }>;
export type UserCellEditorProps = CustomCellEditorProps & { edit: CellEdit<unknown> & { editor: UserSpec } };

/** A user picked with the app's UserPicker (the server searches; owner scope: only assignable owners). */
export function UserCellEditor({ edit, data, colDef, onValueChange, stopEditing, api }: UserCellEditorProps) {
  const root = useRef<HTMLDivElement>(null);
  const onKeyDown = useEditorKeys(api, stopEditing);
  useEffect(() => root.current?.querySelector('input')?.focus(), []);
  return (
    <div ref={root} className="grid-cell-popup" onKeyDown={onKeyDown}>
      <UserPicker
        scope={edit.editor.scope}
        ariaLabel={colDef.headerName}
        value={(edit.value(data) as PickedUser | null) ?? null}
        onChange={(user) => {
          if (!user) return;
          onValueChange({ value: user });
          stopEditing();
        }}
      />
    </div>
  );
}
