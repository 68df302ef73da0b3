// The Security group's `vulns` sub-group (see ../security.ts): the words of the table of known critical
// vulnerabilities (src/shared/catalog/vulnerabilities.ts), said by key so that the Security page and the CLI say them
// in the user's language. Each row's words are under its id, as INTERNET-SECURITY.md §3 and the row's source state
// them; the facts that are not words (the ids, the model families, the versions and build dates, the source URL) stay
// in the table, beside the row's source. Model names inside a sentence are the record's, as it writes them.
export const securityVulns = {
  /** Each row's words: what it lets an attacker do, what it affects, what fixes it, what to do. */
  rows: {
    'CVE-2017-7921': {
      words:
        'Anyone who reaches the web page can get in without a password: they can read the settings, the users and their passwords.',
      affected:
        'DS-2CD2xx2F-I V5.2.0 b140721–V5.4.0 b160530; DS-2CD2xx0F-I V5.2.0 b140721–V5.4.0 b160401; DS-2CD2xx2FWD V5.3.1 b150410–V5.4.4 b161125; DS-2CD4x2xFWD V5.2.0 b140721–V5.4.0 b160414; DS-2CD4xx5 V5.2.0 b140721–V5.4.0 b160421; DS-2DFx V5.2.0 b140805–V5.4.5 b160928; DS-2CD63xx V5.0.9 b140305–V5.3.5 b160106',
      fixedIn: 'Firmware 5.4.41 / 5.4.71 (released 2017-03-13)',
      advice:
        'Update the firmware to 5.4.41 or later for this model (Hikvision’s support site), and never forward its web page until it is updated.',
    },
    'CVE-2021-36260': {
      words:
        'Anyone who reaches the web page can run their own commands on the recorder, with full control, without a password.',
      affected:
        'About 80 camera and NVR lines, firmware back to 2016; the CVE record lists no versions, only Hikvision’s advisory has the per-model list.',
      fixedIn: 'Per-model firmware published around 2021-09-19 (see the advisory).',
      advice:
        'Look the model and firmware up in Hikvision’s advisory (linked below) and its firmware lookup by serial number; update if it is listed. Until then, do not forward its web page.',
    },
    'CVE-2021-33044': {
      words: 'Anyone who reaches the device can log in without the password, with a crafted login.',
      affected:
        'IPC-HX3XXX, IPC-HX5XXX, IPC-HUM7XXX, VTO75X95X, VTO65XXX, VTH542XH, SD1A1, SD22, SD49, SD50, SD52C, SD6AL, TPC-BF1241, TPC-BF2221, TPC-SD2221, TPC-BF5XXX, TPC-SD8X21, TPC-PT8X21B: builds before June 2021.',
      fixedIn: 'Builds from June 2021 on (Dahua advisory 957).',
      advice: 'Update to a build from June 2021 or later (Dahua advisory 957), and never forward its ports until then.',
    },
    'CVE-2021-33045': {
      words:
        'Anyone who reaches the recorder can log in without the password, with a crafted login. It covers NVRs and XVRs.',
      affected:
        'IPC-HX3XXX/HX5XXX/HUM7XXX builds before May 2020; VTO75X95X, VTO65XXX, VTH542XH; NVR1XXX, NVR2XXX, NVR5XXX, NVR6XX; XVR4xxx, XVR5xxx, XVR7xxx builds before December 2019.',
      fixedIn: 'Later builds (Dahua advisory 957).',
      advice:
        'Look the model up in Dahua advisory 957 and update to a later build; until then, do not forward its web or TCP (37777) port.',
    },
    'XM-9530-TELNET': {
      /** This row has no CVE: its name is words. */
      title: 'Xiongmai/HiSilicon port 9530 telnet backdoor (no CVE)',
      words:
        'A hidden service on TCP 9530 can be told to start telnet on 9527 with a root password shared by every such device: full control, no password needed.',
      affected: 'XM-firmware DVRs, NVRs and IP cameras sold under many brands (disclosed 2020-02).',
      fixedIn: 'No fix expected.',
      advice:
        'Keep TCP 23, 9527 and 9530 off any network you do not trust, never forward any of its ports, and plan to replace it.',
    },
  },

  /**
   * Why a row's answer for this firmware is what it is (checkVulnerability). The firmware, the model, the family
   * names, the versions and dates are values as they came; {affected} and {fixedIn} are the row's own words.
   */
  reason: {
    otherBrand: 'It is about {brand} devices only.',
    modelUnknown: 'The model is not known, so it cannot be matched to the affected families.',
    notInFamilies: 'The model {model} is not in the families the record names ({affected}).',
    firmwareUnreadable: 'The firmware "{firmware}" is not in a format the table can read, so it cannot be compared.',
    firmwareUnknown: 'The firmware version is not known.',
    xm: 'XM firmware {firmware}: {fixedIn}',
    noRange: 'The record gives no version range. {fixedIn}',
    atOrAfterFix: '{firmware} is at or after the fixed {version} ({family}).',
    inRange: '{firmware} is in the affected range of {family}.',
    outsideRange: '{firmware} is outside the listed range of {family} but before the fix.',
    noDate: '{family} is affected by build date, and the record gives no date for it: check the advisory.',
    noBuildDate: "The firmware carries no build date to compare with {family}'s.",
    builtBefore: 'Built {built}, before {before} ({family}).',
    builtAfter: 'Built {built}, on or after {before} ({family}).',
  },
} as const;
