/** A link to hand over in person, shown only in the answer that created it (hence "shown only now"). */
export function OneTimeLink({ url }: { url: string }) {
  return (
    <div className="banner banner--notice" role="status">
      <p>Single-use link (shown only now):</p>
      <p>
        <a
          className="mono mbc-link-url"
          href={url}
          target="_blank"
          rel="noreferrer noopener"
          data-testid="self-report-url"
        >
          {url}
        </a>
      </p>
    </div>
  );
}
