export const createConnectQueuePosition = (_current: unknown) => (_callbackId: string) => ({ position: null, estimatedWaitSeconds: null });
