import { useState } from 'react';
import { fieldErrors } from '../api-client';

/** The last submit's error and its field errors (paths without `prefixes`), cleared when a submit starts. */
export function useFormSubmit(prefixes: readonly string[]) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const run = async (action: () => Promise<void>) => {
    setErrors({});
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
      setErrors(fieldErrors(e, [...prefixes]));
    }
  };
  return { error, errors, run };
}
