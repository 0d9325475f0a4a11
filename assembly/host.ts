/**
 * What the scanner asks of the TypeScript side (src/ingest/interned-values.ts), once per
 * distinct value: the graph key of a raw name that is not ASCII needs Unicode normalisation
 * and punycode, a client's label the client filter, and a name's spellings are kept as
 * strings. The host interns the keys it works out with the scanner's `internKey`.
 */

/** The key id of raw name `rawId` (one with non-ASCII bytes), or -1 for the root. */
export declare function keyOf(rawId: i32): i32

/** The key id of the reverse name of the address in raw name `rawId` (PTR answers), or -1. */
export declare function reversedKeyOf(rawId: i32): i32

/** The label id of client `clientId`, or -1 when the client filter ignores it. */
export declare function labelOf(clientId: i32): i32

/** Raw name `rawId` was recorded for key `keyId` for the first time. */
export declare function spelled(rawId: i32, keyId: i32): void
