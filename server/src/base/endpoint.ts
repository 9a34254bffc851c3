/** An OTLP endpoint as config files write it: a base rule, read by the checks and by the client's telemetry insert. */
/** Host and port of an endpoint (`host:port`, or a URL with or without a port); undefined when it is neither. */
export function parseEndpoint(endpoint: string): { host: string; port: number } | undefined {
  const value = endpoint.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return undefined;
    }
    const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : NaN;
    return url.hostname && Number.isInteger(port) ? { host: url.hostname.toLowerCase(), port } : undefined;
  }
  const m = /^(\[[^\]]+\]|[^:/\s]+):(\d{1,5})$/.exec(value);
  return m ? { host: (m[1] ?? '').toLowerCase(), port: Number(m[2]) } : undefined;
}
