/** A case's state as the API folds it, shown as its JSON (the auditor's exact view). */
export function StateView({ state, label }: { state: unknown; label: string }) {
  return (
    <pre
      aria-label={label}
      tabIndex={0}
      data-testid="state-view"
      style={{ background: '#fafafa', padding: 8, maxHeight: 320, overflow: 'auto', fontSize: 12 }}
    >
      {JSON.stringify(state, null, 2)}
    </pre>
  );
}
