/**
 * A click's action whose failure is kept to be shown (components/Loading.tsx's ProblemAlert): a refused or failed
 * verification, export, download, retry or change is said to the user, never left as an unhandled rejection.
 */
import { useCallback, useState } from 'react';

export function useFailure() {
  const [failure, setFailure] = useState<Error | null>(null);
  const run = useCallback(async (action: () => Promise<unknown>) => {
    setFailure(null);
    try {
      await action();
    } catch (error) {
      setFailure(error instanceof Error ? error : new Error(String(error)));
    }
  }, []);
  return { failure, run };
}
