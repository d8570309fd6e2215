import type { ReactNode } from 'react';
import { Button } from './Button';

type SidePanelProps = { title: string; closeLabel: string; onClose: () => void; children: ReactNode; actions?: ReactNode };

/** A panel sliding over the right side of the page: detail views next to their grid. */
export function SidePanel({ title, closeLabel, onClose, children, actions }: SidePanelProps) {
  return (
    <aside className="side-panel" aria-label={title}>
      <header className="side-panel-header">
        <h2>{title}</h2>
        <div className="side-panel-actions">
          {actions}
          <Button onClick={onClose} aria-label={closeLabel}>
            ✕
          </Button>
        </div>
      </header>
      <div className="side-panel-body">{children}</div>
    </aside>
  );
}
