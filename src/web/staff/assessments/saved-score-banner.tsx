import type { SavedScore } from './use-response-entry';

/** The server's score for the response just saved; red when it raised a safety alert. */
export function SavedScoreBanner({ result }: { result: SavedScore }) {
  return (
    <div className={result.alert ? 'banner banner--error' : 'banner banner--notice'} role="status">
      Saved. {result.total !== null ? `Total ${result.total}` : ''}
      {result.severity ? ` (${result.severity})` : ''}
      {result.flags.length ? ` — flags: ${result.flags.join(', ')}` : ''}
      {result.alert ? '. A safety alert was raised for the responsible clinician.' : '.'}
    </div>
  );
}
