/** What a failed submit says above the form (field errors are beside their fields). */
export function FormProblem({ message }: { message: string | undefined | null }) {
  if (!message) return null;
  return (
    <div className="notice notice-error" role="alert">
      {message}
    </div>
  );
}
