import type { Request } from 'express';

/** A named route parameter as one string (express 5 types allow arrays for wildcards). */
export function pathParam(req: Request, name: string): string {
  const value: unknown = req.params[name];
  if (Array.isArray(value)) return value.join('/');
  return typeof value === 'string' ? value : '';
}
