import { useEffect, useState } from 'react';
import { useConnectionStatus } from '../session/use-workspace-state';
import bannersCss from './banners.module.css';
import { capitalized, cx } from '../ui/cx';

const BACK_ONLINE_MS = 4000;

/** Small banner for the stream's state; what is on screen stays while the client resumes. */
export function ConnectionBanner() {
  const status = useConnectionStatus();
  const [previous, setPrevious] = useState(status);
  const [backOnline, setBackOnline] = useState(false);

  if (status !== previous) {
    setPrevious(status);
    setBackOnline(status === 'online' && previous === 'reconnecting');
  }

  useEffect(() => {
    if (!backOnline) return;
    const timer = setTimeout(() => setBackOnline(false), BACK_ONLINE_MS);
    return () => clearTimeout(timer);
  }, [backOnline]);

  let message: string | undefined;
  let tone = 'info';
  if (status === 'connecting') message = 'Connecting…';
  else if (status === 'reconnecting') {
    message = 'Reconnecting… Your work is kept and updates resume when the connection is back.';
    tone = 'attention';
  } else if (status === 'closed') {
    message = 'Disconnected from the gateway. Sign in again to continue.';
    tone = 'danger';
  } else if (backOnline) {
    message = 'Back online';
    tone = 'success';
  }

  return (
    <div role="status" >
      {message !== undefined && (
        <p className={cx(bannersCss.connectionBanner, bannersCss[`connectionBanner${capitalized(tone)}`])} data-connection-banner>
          {message}
        </p>
      )}
    </div>
  );
}
