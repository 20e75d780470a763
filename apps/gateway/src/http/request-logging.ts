import { performance } from 'node:perf_hooks';
import type { Logger } from '@icc/core';
import type { RequestHandler } from 'express';
import type { GatewayMetrics } from '../metrics/gateway-metrics';

const QUIET_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** One log line per request (never the body) and the HTTP duration histogram. */
export function requestLogging(logger: Logger, metrics: GatewayMetrics): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const seconds = (performance.now() - started) / 1000;
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      metrics.observeHttp(req.method, route, res.statusCode, seconds);
      const line = { method: req.method, path: req.path, status: res.statusCode, durationMs: Math.round(seconds * 1000) };
      if (QUIET_PATHS.has(req.path)) logger.debug(line, 'request');
      else logger.info(line, 'request');
    });
    next();
  };
}
