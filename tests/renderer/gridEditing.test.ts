import { describe, expect, it } from 'vitest';
import { parseDay, parseVnd, tagList } from '../../renderer/grid/editing/parseValues';
import { UndoStack, type CellChange } from '../../renderer/grid/editing/undoStack';

describe('grid cell values as typed', () => {
  it('reads VND amounts with Vietnamese thousands and refuses decimals', () => {
    expect(parseVnd('1.500.000')).toEqual({ value: 1500000 });
    expect(parseVnd('1500000')).toEqual({ value: 1500000 });
    expect(parseVnd(' 1 500 000 ₫ ')).toEqual({ value: 1500000 });
    expect(parseVnd('2.000.000đ')).toEqual({ value: 2000000 });
    expect(parseVnd('-200.000')).toEqual({ value: -200000 });
    expect(parseVnd('')).toEqual({ value: null });
    for (const text of ['1,5', '1.50', '12.3456', 'abc', '1.000,50', '--1', '99999999999999999']) {
      expect(parseVnd(text), text).toEqual({ error: 'gridEdit.invalidMoney' });
    }
  });

  it('reads days as dd/MM/yyyy, real days only', () => {
    expect(parseDay('09/03/2026')).toEqual({ value: '2026-03-09' });
    expect(parseDay('9/3/2026')).toEqual({ value: '2026-03-09' });
    expect(parseDay('29/02/2028')).toEqual({ value: '2028-02-29' });
    expect(parseDay('')).toEqual({ value: null });
    for (const text of ['29/02/2027', '31/04/2026', '2026-03-09', '03/09', '00/01/2026']) {
      expect(parseDay(text), text).toEqual({ error: 'gridEdit.invalidDate' });
    }
  });

  it('reads tags as a comma list without blanks or repeats', () => {
    expect(tagList(' bán lẻ, VIP,, bán lẻ ,')).toEqual(['bán lẻ', 'VIP']);
  });
});

describe('UndoStack', () => {
  const change = (n: number): CellChange => ({ rowId: String(n), colId: 'phone', before: `old${n}`, after: `new${n}` });

  it('undoes the last edits first, redoes them in order, and a new edit forgets the redo', () => {
    const stack = new UndoStack();
    stack.push(change(1));
    stack.push(change(2));
    expect(stack.undo()).toEqual(change(2));
    expect(stack.undo()).toEqual(change(1));
    expect(stack.undo()).toBeUndefined();
    expect(stack.redo()).toEqual(change(1));
    expect(stack.canRedo).toBe(true);
    stack.push(change(3));
    expect(stack.canRedo).toBe(false);
    expect(stack.undo()).toEqual(change(3));
    expect(stack.undo()).toEqual(change(1));
  });

  it('keeps the newest edits up to its limit, and takes back an undo that could not be saved', () => {
    const stack = new UndoStack(2);
    [1, 2, 3].forEach((n) => stack.push(change(n)));
    const undone = stack.undo()!;
    stack.giveBack(undone, 'undo');
    expect(stack.canRedo).toBe(false);
    expect(stack.undo()).toEqual(change(3));
    expect(stack.undo()).toEqual(change(2));
    expect(stack.undo()).toBeUndefined();
  });
});
