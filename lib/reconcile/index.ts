// Reconciliation: the pure domain logic behind facts. Plain data in, plain data out; no
// Next.js, Prisma, clock or network. Import from "@/lib/reconcile".

export type { ClaimRank, ClaimValue, DateLike, Modality, ReconcileClaim, Stage } from "./types";
export { STAGES } from "./types";
export { DEFAULT_SETTINGS, reconcileSettings, type ReconcileSettings, type SettingsInput } from "./settings";
export { canonicalDecimal, sameDecimal } from "./decimal";
export { statedRange, valuesAgree, type PrecisionInput, type StatedKind, type StatedRange } from "./precision";
export { datePrecision, type DatePrecision } from "./dates";
export {
  distinctValues, factKey, factState, groupIntoFacts, qualifierKey, sameValue,
  type FactClaim, type FactGroup, type FactKey, type FactState, type GroupableClaim,
} from "./facts";
export { agreementClusters, type ValueCluster } from "./clusters";
export { attributedOrigin, quoteSimilarity } from "./quotes";
export { effectiveBasis, stageOf, type DateSource } from "./prepare";
export { independentSources, type SourceGroup, type SourceLink, type SourceLinkKind, type ValueSupport } from "./sources";
export { factTimeline, type TimelineEntry } from "./timeline";
export {
  compatibleEntries, contradictsTimeline, describeAcceptedTimeline, entryValue, fitsTimeline, suggestAcceptedTimeline, timelineRanks,
  type AcceptedEntry, type TimelineClaim,
} from "./accepted";
export {
  explainDisagreements,
  type Disagreement, type DisagreementReport, type Evidence, type Explanation, type ExplanationKind, type Moment, type ValueGroup,
} from "./explain";
export {
  checksByFact, checkValues, runConsistencyChecks,
  type CheckFact, type CheckName, type CheckNumbers, type CheckOperand, type CheckResult, type CheckRole, type CheckStatus, type CheckValue,
} from "./checks";
