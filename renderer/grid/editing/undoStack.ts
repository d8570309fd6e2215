/** One saved cell edit: the value before and after, in the column's edit terms (an id, a list, text). */
export type CellChange = { rowId: string; colId: string; before: unknown; after: unknown };

/**
 * The user's last cell edits, for Ctrl+Z / Ctrl+Y. AG Grid's own undo stack only rewrites the
 * grid's data; here each undo or redo is handed back to the grid to save as a new versioned PATCH.
 * A new edit forgets what was undone (as in a spreadsheet).
 */
export class UndoStack {
  private done: CellChange[] = [];
  private undone: CellChange[] = [];

  constructor(private readonly limit = 100) {}

  push(change: CellChange): void {
    this.done.push(change);
    if (this.done.length > this.limit) this.done.shift();
    this.undone = [];
  }

  /** The change to revert (save its `before`), now redoable. */
  undo(): CellChange | undefined {
    const change = this.done.pop();
    if (change) this.undone.push(change);
    return change;
  }

  /** The change to apply again (save its `after`), now undoable. */
  redo(): CellChange | undefined {
    const change = this.undone.pop();
    if (change) this.done.push(change);
    return change;
  }

  /** An undo or redo that could not be saved goes back where it was. */
  giveBack(change: CellChange, from: 'undo' | 'redo'): void {
    const [source, target] = from === 'undo' ? [this.undone, this.done] : [this.done, this.undone];
    const index = source.lastIndexOf(change);
    if (index >= 0) source.splice(index, 1);
    target.push(change);
  }

  get canUndo(): boolean {
    return this.done.length > 0;
  }

  get canRedo(): boolean {
    return this.undone.length > 0;
  }
}
