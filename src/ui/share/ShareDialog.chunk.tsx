import { useEffect, useState } from 'react';
import { makeShareLink, type ShareLink } from '../../app/share';
import { Dialog } from '../shared/Dialog';
import { copyText } from './download';

/**
 * Makes the link when it opens: the scenario and the time shown now, copied to the clipboard.
 * Its own chunk, with the link's encoder: loaded on first use.
 */
export default function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title="Share link" open={open} onClose={onClose} className="share-dialog">
      <ShareLinkField />
    </Dialog>
  );
}

function ShareLinkField() {
  const [link] = useState<ShareLink>(() => makeShareLink());
  const [copied, setCopied] = useState<boolean | null>(null);
  useEffect(() => {
    if (link.ok) void copyText(link.url).then(setCopied);
  }, [link]);
  if (!link.ok) {
    return <p className="issues" role="alert">{link.message}</p>;
  }
  return (
    <div className="share-link">
      <p className="muted">The whole scenario and the time shown now are inside the link; nothing is uploaded.</p>
      <input
        type="text"
        readOnly
        aria-label="Share link"
        value={link.url}
        onFocus={(event) => event.currentTarget.select()}
        className="share-url"
      />
      <div className="button-row">
        <button type="button" onClick={() => void copyText(link.url).then(setCopied)}>Copy link</button>
        <span role="status">
          {copied === true && '✓ Copied to the clipboard.'}
          {copied === false && 'The browser did not allow copying: select the link and copy it.'}
        </span>
      </div>
    </div>
  );
}
