/** Version of the ICC contract. Clients send it in `hello`; a different major is refused. */
export const PROTOCOL_VERSION = '1.0.0';
