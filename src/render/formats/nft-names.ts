/**
 * The names of the nftables table and sets the allow-list lives in. The `nftables` format creates
 * them and the `dnsmasq` format fills them (`nftset=`), so both read the same options with the
 * same defaults and the same check: an nft identifier needs no quoting and cannot smuggle syntax.
 */
import {stringOption} from './options.js'

export interface NftNames {
  table: string
  setV4: string
  setV6: string
}

export const DEFAULT_NFT_NAMES: Readonly<NftNames> = {
  table: 'allowlist',
  setV4: 'allow_v4',
  setV6: 'allow_v6',
}

/** What nft accepts unquoted, kept well below the kernel's 256-octet limit. */
export const NFT_IDENTIFIER = {
  test: /^[A-Za-z][A-Za-z0-9_]{0,62}$/,
  describe: 'a letter then up to 62 letters, digits or `_`',
}

/**
 * Read the table and set names.
 *
 * @param format The format reading them, for messages.
 * @param raw The format's options.
 * @param keys The option keys, e.g. `{table: 'nftTable', …}` for dnsmasq.
 */
export function nftNamesOption(
  format: string,
  raw: Readonly<Record<string, unknown>>,
  keys: Readonly<NftNames>,
): NftNames {
  return {
    table: stringOption(format, raw, keys.table, DEFAULT_NFT_NAMES.table, NFT_IDENTIFIER),
    setV4: stringOption(format, raw, keys.setV4, DEFAULT_NFT_NAMES.setV4, NFT_IDENTIFIER),
    setV6: stringOption(format, raw, keys.setV6, DEFAULT_NFT_NAMES.setV6, NFT_IDENTIFIER),
  }
}
