/** An error shown where the user looks (role=alert so screen readers announce it). */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="error-message" role="alert">
      {message}
    </p>
  );
}
