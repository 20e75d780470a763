/** Desktop notification while the workspace tab is in the background (the chime may be muted). */
export function notifyIfHidden(title: string, body: string): void {
  if (typeof document === 'undefined' || !document.hidden) return;
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body, tag: 'icc-offer' });
  notification.onclick = () => {
    window.focus();
    notification.close();
  };
}

/** Asks the browser once; a refusal is respected (the browser will not ask again anyway). */
export function askNotificationPermission(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}
