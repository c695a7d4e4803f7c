/** A row of toggle buttons choosing one status to list (or all): the pressed one is said in words and by aria-pressed. */
export function StatusFilter<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T | undefined;
  options: ReadonlyArray<{ value: T | undefined; label: string }>;
  onChange: (value: T | undefined) => void;
}) {
  return (
    <div role="group" aria-label={label} className="cat-segmented">
      {options.map((option) => (
        <button
          key={option.value ?? 'all'}
          type="button"
          className="cat-segment"
          aria-pressed={value === option.value}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
