/**
 * Shares of `counts` in percent with one decimal that add up to exactly 100 (largest remainder:
 * each gets its rounded-down tenths, the tenths left go to the largest remainders, ties to the
 * earlier entry). All zeros (or no entries) give zeros.
 */
export function percentages(counts: number[]): number[] {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return counts.map(() => 0);
  const exact = counts.map((count) => (count * 1000) / total);
  const tenths = exact.map(Math.floor);
  let left = 1000 - tenths.reduce((sum, value) => sum + value, 0);
  const byRemainder = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (left <= 0) break;
    tenths[index] += 1;
    left -= 1;
  }
  return tenths.map((value) => value / 10);
}
