/** The VC context URLs, without the bundled context documents (./registry.ts) they name. */
export const VC_V1 = 'https://www.w3.org/2018/credentials/v1';
export const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
