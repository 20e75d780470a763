/** Loopback-only secrets of the bench gateway (never a deployment's). */
export const FAN_OUT_JWT_SECRET = 'bench-jwt-secret-that-is-at-least-32-characters';
export const FAN_OUT_WEBHOOK_SECRET = 'bench-webhook-secret';
