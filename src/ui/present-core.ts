/**
 * The heavy half of "answer a verifier" (issue 13), loaded when the screen reads a request: the
 * OpenID4VP and VC-API clients, DCQL matching, the verifier, holder signing.
 */
import type { WalletDb } from '../lib/store/db.ts';
import { walletHoldings } from '../lib/exchange/wallet-holdings.ts';
import type { Holding } from '../lib/exchange/match.ts';
import { deviceKey, offlineEnv } from './share-core.ts';

export { readVerifierRequest, planAnswer, sendAnswer, type AnswerPlan, type AnswerResult, type Ask, type Choice, type VerifierRequest } from '../lib/exchange/present.ts';
export { refusalOf, type Holding } from '../lib/exchange/match.ts';
export { disclosureOf } from '../lib/share/disclosure.ts';
export { deviceKey };

/** Every badge of the wallet, verified now on this device (offline; the dated cache may answer). */
export function holdingsOf(db: WalletDb): Promise<Holding[]> {
  return walletHoldings(db, offlineEnv(db));
}
