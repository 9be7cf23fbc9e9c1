/**
 * The heavy half of share and verify (issue 7), loaded on first use by the share and verify
 * screens: selective disclosure (ecdsa-sd-2023), holder proofs (JSON-LD canonicalisation), the
 * verifier. The screens themselves paint before this arrives.
 */
import type { WalletDb } from '../lib/store/db.ts';
import { getDeviceKeyPair, putDeviceKeyPair } from '../lib/store/device-key.ts';
import { createDeviceKey, deviceKeyFrom, type DeviceKey } from '../lib/share/holder.ts';
import { createEnv, type VerifyEnv } from '../lib/verify/env.ts';
import { remoteFor } from './core.ts';

export { openBadge, type OpenedBadge } from '../lib/wallet/open.ts';
export { deriveDisclosure, disclosureOf, type Disclosure } from '../lib/share/disclosure.ts';
export { signPresentation, type DeviceKey } from '../lib/share/holder.ts';
export { checkHolder, checkReceived, recheckPresentation, type Received } from '../lib/share/received.ts';

/** This device's holder key: the stored one, or a new one (its private half never leaves WebCrypto). */
export async function deviceKey(db: WalletDb): Promise<DeviceKey> {
  const stored = await getDeviceKeyPair(db);
  if (stored) return deviceKeyFrom(stored);
  const made = await createDeviceKey();
  return deviceKeyFrom(await putDeviceKeyPair(db, made.keyPair));
}

/** Verification as the employer's screen does it: offline; the wallet's dated cache may answer, nothing is written. */
export function offlineEnv(db: WalletDb): VerifyEnv {
  return createEnv({ now: new Date(), remote: remoteFor(db, false) });
}
