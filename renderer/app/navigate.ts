/** Goes to an app path such as `/customers/12` (hash routing). */
export function navigate(path: string): void {
  window.location.hash = `#${path}`;
}
