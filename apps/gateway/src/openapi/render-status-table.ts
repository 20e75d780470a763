import type { OpenApiDocument } from './build-openapi-document';

export const STATUS_TABLE_BEGIN = '<!-- statuses: generated from the route declarations; do not edit -->';
export const STATUS_TABLE_END = '<!-- statuses: end -->';

interface ResponseObject {
  description?: string;
  content?: Record<string, { schema?: { allOf?: Array<{ properties?: { code?: { enum?: string[] } } }> } }>;
}

/** Markdown table of every operation's statuses (error statuses with their codes), for docs/api.md. */
export function renderStatusTable(document: OpenApiDocument): string {
  const rows = ['| method | path | statuses (errors: their `code`s) |', '| --- | --- | --- |'];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(item ?? {})) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const responses = Object.entries((operation.responses ?? {}) as Record<string, ResponseObject>);
      const statuses = responses.map(([status, response]) => {
        const codes = response.content?.['application/json']?.schema?.allOf?.[1]?.properties?.code?.enum;
        return codes ? `${status} ${codes.map((code) => `\`${code}\``).join(' ')}` : status;
      });
      rows.push(`| ${method.toUpperCase()} | \`${path}\` | ${statuses.join(' · ')} |`);
    }
  }
  return [STATUS_TABLE_BEGIN, ...rows, STATUS_TABLE_END].join('\n');
}
