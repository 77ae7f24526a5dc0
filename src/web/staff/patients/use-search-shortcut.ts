import { useEffect, useRef } from 'react';
import { isTypingTarget } from './patient-search-query';

/** "/" jumps to the returned input from anywhere on the page, unless the person is typing in a field. */
export function useSearchShortcut() {
  const searchBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target as HTMLElement | null)) return;
      event.preventDefault();
      searchBox.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return searchBox;
}
