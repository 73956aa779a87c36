/**
 * The labels of a command form's fields by their API path (`head.name`), so that a refusal naming a field
 * can be worded with the label the user sees (useCommand.ts). Each Field records its own; FormShell provides
 * the form's map, which useCommandForm keeps.
 */
import { createContext, useContext, useEffect } from 'react';

export type FieldLabelMap = Map<string, string>;

export const FieldLabels = createContext<FieldLabelMap | null>(null);

/** The API's dotted path of an antd field name. */
export const fieldPath = (name: string | string[]): string => [name].flat().join('.');

export function useFieldLabel(name: string | string[], label: string): void {
  const labels = useContext(FieldLabels);
  const path = fieldPath(name);
  useEffect(() => {
    labels?.set(path, label);
    return () => void labels?.delete(path);
  }, [labels, path, label]);
}
