/** How long after a transfer its batch may be undone (SPEC contract details: 24 h). */
export const undoWindowHours = 24;
