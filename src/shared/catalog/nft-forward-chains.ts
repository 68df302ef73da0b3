// The forward chains a Linux router's own nftables ruleset commonly has, offered beside the Router rules page's chain
// field so the user picks one instead of typing it: "<family> <table> <chain>", as `nft list ruleset` shows it. Only
// names with a source: OpenWrt's fw4 (../shared/reference/ROUTERS.md §1.18 cites its parser; the ruleset template below
// names the table and the chain) and the /etc/nftables.conf that Debian's and Arch Linux's nftables packages install.
// Confidence as in ROUTERS.md: H project source, M a secondary source. Where each comes from, in words, is the
// i18n catalogue's (rules.router.chainFrom.<id>); the names themselves are data, the same in every language.

export const FORWARD_CHAIN_IDS = ['fw4', 'filter'] as const;
export type ForwardChainId = (typeof FORWARD_CHAIN_IDS)[number];

export interface ForwardChainSuggestion {
  id: ForwardChainId;
  /** As the commands take it (checkCommandOptions' forwardChain): "<family> <table> <chain>". */
  chain: string;
  confidence: 'H' | 'M' | 'L';
  source: string;
}

export const FORWARD_CHAINS: readonly ForwardChainSuggestion[] = [
  {
    // OpenWrt 22.03 made firewall4 (nftables) the default. Its template opens with `table inet fw4` and has
    // `chain forward { type filter hook forward priority filter; policy <the forward default>; }`; the same template
    // flushes the table at each reload, so a rule added by hand lasts until the firewall reloads.
    id: 'fw4',
    chain: 'inet fw4 forward',
    confidence: 'H',
    source:
      'https://github.com/openwrt/firewall4/blob/master/root/usr/share/firewall4/templates/ruleset.uc ; https://openwrt.org/releases/22.03/notes-22.03.0',
  },
  {
    // Debian 12's nftables package (1.0.6-2+deb12u2, read on the machine this was written on): /etc/nftables.conf is
    // `table inet filter` with the chains input, forward and output, no policy set (accept until the owner adds
    // drop). Arch Linux's package installs the same table and chain with `policy drop` (M: secondary sources).
    id: 'filter',
    chain: 'inet filter forward',
    confidence: 'H',
    source:
      'https://salsa.debian.org/pkg-netfilter-team/pkg-nftables/-/blob/master/debian/nftables.conf ; https://gitlab.archlinux.org/archlinux/packaging/packages/nftables/-/blob/main/nftables.conf',
  },
];
