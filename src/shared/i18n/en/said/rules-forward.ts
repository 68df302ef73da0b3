// The rules group's `said.forward` (see ../rules.ts): the numbered steps for a router family's forward page
// (src/shared/catalog/router-forwards.ts), said by key so the page and the CLI say them in the user's language.
// The menu paths ({path}), the families' names and the fields' labels ("Internal IP", "Port Range") are what the
// router's own screen shows: they are passed as values, as they are (a few paths hold a connecting word of ours, e.g.
// "then", which stays with the path). A label with words of ours is said by key (`deviceChosen`, `fieldOnTab`).
// The sources (where a fact comes from) stay English: evidence. Ports, addresses and rule names are values.

export const rulesForwardSaid = {
  /** A family's name where it is ours, not a maker's (router-forwards.ts keeps the same English as its data). */
  family: {
    isp: 'An ISP box (BT, Orange, Vodafone, Sky, Xfinity, Fios…)',
  },
  /** The first line of a family's steps. */
  header: '{family}: menus differ by firmware (source: {source})',
  /** The first step: where the forward page is ({path} as the router shows it); unconfirmed paths are looked for. */
  open: 'Open the router’s page in a browser and log in; go to {path}.',
  openLookFor: 'Open the router’s page in a browser and log in; go to look for {path}.',
  /** One rule's fields: each label as the router names it ({…Field}), then the plan's value. */
  addRule:
    'Add a rule — {nameField}: {name}; {externalField}: {external}; {addressField}: {address}; {internalField}: {internal}; {protocolField}: {protocol}.',
  addRuleFrom:
    'Add a rule — {nameField}: {name}; {externalField}: {external}; {addressField}: {address}; {internalField}: {internal}; {protocolField}: {protocol}; {sourceField}: {sources}.',
  /** The address field of a family where the NVR is picked from a list. */
  deviceChosen: 'the device chosen',
  /** A field's label on a tab of its own. */
  fieldOnTab: '{field} ({tab} tab)',
  /** What else to do or know, by family (the router's buttons named as it names them). */
  note: {
    asus: 'Press Apply after adding.',
    linksys: 'Press Save.',
    fritzbox: 'Each external port can be shared only once on the whole FRITZ!Box. Press OK, then Apply.',
    unifi: 'WAN interface: your internet connection. Save.',
    'openwrt-luci': 'Press Save & Apply.',
    pfsense:
      'Interface: WAN. Let it make the firewall rule too (OPNsense: Firewall rule "Pass" or "Register rule"); press Apply Changes.',
    isp: 'Some ISP boxes need a restart after a change. If the box has no forward page, ask the ISP, or use a VPN.',
    /** A family with nothing more to say. */
    save: 'Save.',
  },
  openToAll:
    'This router cannot limit a forward to your addresses: the rules are open to the whole internet. A VPN, or a router that can, is safer.',
  /** Port triggering, offered beside forwarding on some routers ({where}: its page), and why it is not for an NVR. */
  leaveTriggering: 'Leave {where} alone. {why}',
  triggeringChoice: 'the Port Triggering choice under {path}',
  triggering:
    'Port triggering is not for an NVR: it opens a port only after a device inside calls out first on the trigger port, and only for a while. An NVR never calls out first — it waits for your phone to call in — so the port would stay shut. Use a forward (above), or a VPN.',
} as const;
