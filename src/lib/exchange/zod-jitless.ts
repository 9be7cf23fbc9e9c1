/**
 * Zod 4 (used by the OpenWallet Foundation openid4vc libraries) compiles object parsers with
 * `new Function` unless told not to, and probes for it once when the first object schema is built:
 * under the app's CSP (`script-src 'self'`, no 'unsafe-eval') the probe fails quietly but still
 * fires a `securitypolicyviolation` report. Turning JIT off before any schema exists avoids both.
 * This module must be imported before `@openid4vc/*` (ES modules evaluate in import order).
 */
import { config } from 'zod';

config({ jitless: true });
