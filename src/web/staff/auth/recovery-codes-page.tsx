import { useEffect, useRef, useState } from 'react';
import { AuthLayout } from './auth-layout';

/** Recovery codes are shown once; the person must confirm they kept them before going on. */
export function RecoveryCodesPage({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState('');
  const downloadUrl = useRef<string>(undefined);
  const text = `Arbor recovery codes (each works once)\n\n${codes.join('\n')}\n`;

  useEffect(
    () => () => {
      if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
    },
    [],
  );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('Copied to the clipboard.');
    } catch {
      setCopied('Copying is not allowed here; select the codes and copy them by hand.');
    }
  };

  const download = () => {
    if (downloadUrl.current) URL.revokeObjectURL(downloadUrl.current);
    downloadUrl.current = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = downloadUrl.current;
    link.download = 'arbor-recovery-codes.txt';
    link.click();
  };

  return (
    <AuthLayout title="Save your recovery codes" wide>
      <p>
        If you lose your phone, each of these codes signs you in once instead of an authenticator code. They
        are shown only now: store them somewhere safe, away from your computer.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <div className="button-row no-print">
        <button type="button" className="button button--secondary" onClick={copy}>
          Copy
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" className="button button--secondary" onClick={download}>
          Download as text
        </button>
      </div>
      <p role="status" className="muted">
        {copied}
      </p>
      <div className="field field--checkbox no-print">
        <input
          id="codes-saved"
          type="checkbox"
          checked={saved}
          onChange={(event) => setSaved(event.target.checked)}
        />
        <label htmlFor="codes-saved">I have saved these recovery codes</label>
      </div>
      <button type="button" className="button no-print" disabled={!saved} onClick={onDone}>
        Continue to Arbor
      </button>
    </AuthLayout>
  );
}
