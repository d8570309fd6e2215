import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { moveRecipient, type Recipient } from './recipients';

type RecipientListProps = { value: Recipient[]; onChange: (recipients: Recipient[]) => void };

const keyOf = (recipient: Recipient) => `${recipient.kind}-${recipient.id}`;

/**
 * The chosen recipients in split order: ↑/↓ (or Alt+↑/↓ on a focused row) move one among its
 * kind, ✕ (or Delete) removes it. Departments show as departments; the server expands them.
 */
export function RecipientList({ value, onChange }: RecipientListProps) {
  const { t } = useI18n();
  const list = useRef<HTMLOListElement>(null);
  // The row moved by keyboard keeps the focus at its new place.
  const focusAfterMove = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfterMove.current) return;
    list.current?.querySelector<HTMLElement>(`[data-key="${focusAfterMove.current}"]`)?.focus();
    focusAfterMove.current = null;
  }, [value]);

  const move = (index: number, step: -1 | 1) => onChange(moveRecipient(value, index, step));
  const remove = (index: number) => onChange(value.filter((_, position) => position !== index));
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (event.target !== event.currentTarget) return;
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      focusAfterMove.current = keyOf(value[index]);
      move(index, event.key === 'ArrowUp' ? -1 : 1);
    } else if (event.key === 'Delete') {
      event.preventDefault();
      remove(index);
    }
  };

  if (value.length === 0) return <p className="muted picker-empty">{t('recipients.empty')}</p>;
  const canMove = (index: number, step: -1 | 1) => value[index + step]?.kind === value[index].kind;
  return (
    <ol ref={list} className="recipient-list" aria-label={t('recipients.chosen')}>
      {value.map((recipient, index) => (
        <li key={keyOf(recipient)} data-key={keyOf(recipient)} tabIndex={0} className="recipient-row" onKeyDown={(event) => onKeyDown(event, index)}>
          <span className="recipient-position">{index + 1}.</span>
          <span className="recipient-name" title={recipient.detail ? `${recipient.name} · ${recipient.detail}` : recipient.name}>
            {recipient.kind === 'department' && <span className="recipient-kind">{t('recipients.department')}</span>}
            {recipient.name}
            {recipient.detail && <span className="muted"> · {recipient.detail}</span>}
          </span>
          <span className="recipient-actions">
            <button type="button" disabled={!canMove(index, -1)} aria-label={t('recipients.moveUp', { name: recipient.name })} onClick={() => move(index, -1)}>
              ↑
            </button>
            <button type="button" disabled={!canMove(index, 1)} aria-label={t('recipients.moveDown', { name: recipient.name })} onClick={() => move(index, 1)}>
              ↓
            </button>
            <button type="button" aria-label={t('recipients.remove', { name: recipient.name })} onClick={() => remove(index)}>
              ✕
            </button>
          </span>
        </li>
      ))}
    </ol>
  );
}
