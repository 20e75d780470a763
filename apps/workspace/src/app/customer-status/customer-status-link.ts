/** Where the status page lives: `/status/:callbackId?token=…` (the link an SMS carries). */
export function customerStatusLink(
  location: Pick<Location, "pathname" | "search">,
): { callbackId: string; token: string } | undefined {
  const match = /^\/status\/([^/]+)$/.exec(location.pathname);
  const token = new URLSearchParams(location.search).get("token");
  return match?.[1] && token
    ? { callbackId: decodeURIComponent(match[1]), token }
    : undefined;
}
