// The CLI's words for `security` (src/main/features/security/cli.ts): part of `cli` (../cli.ts), one file per step so that each step's commands are
// converted and translated apart. Option names, commands to type and addresses are placeholders, never words here.
export const cliSecurity = {
  security: {
    usage: {
      score:
        'The security findings from what the steps recorded: the firmware against known critical vulnerabilities, risky services and HTTPS (Ports), UPnP, exposure (Router rules, the proof from outside), VPN — a score out of 100 and the fixes in order of what each is worth. Exit 3 when a high risk is open.',
      password:
        'How strong a password is (12+ characters of 3 kinds, and the zxcvbn estimator): read from standard input, never argv; not saved or logged. Exit 3 when weak.',
      defaults:
        'Whether your chosen NVR still accepts its vendor’s factory password: one ONVIF login per known default, at most 2 in 30 minutes, stopping at a refusal unless {option} and at any sign of a lockout. Exit 3 accepted, 0 refused, 1 not tried.',
      setPassword:
        'Change the NVR’s ONVIF password (ONVIF SetUser): standard input holds the current password, then the new one, one per line (never argv). The new one must pass the rule above. Checked by a new login; on failure the old one is put back and checked by a login with it. U: the ONVIF user (default: the login the app keeps). Exit 0 changed, 3 not changed (the old one works), 4 not known which one works.',
      httpsOn:
        'Turn the NVR’s HTTPS on (ONVIF SetNetworkProtocols), logged in as U with the password from standard input (never argv), else with the login the app keeps. Checked by the NVR’s own list and a TLS handshake on its HTTPS port; on failure HTTPS is turned off again, as it was, and that checked. Exit 0 on (or already on), 3 not turned on (off, as it was), 4 not known.',
    },
    noDevice: '`security` takes no device: it checks the NVR you chose.',
    consentGoesWith:
      '`--user-consent` and `--try-next` go with `--check-defaults` (`--user-consent`: or `--https-on`).',
    userGoesWith: '`--user` goes with `--password-stdin`.',
    noStdin: 'No standard input to read the password from.',
    noStdinPasswords: 'No standard input to read the passwords from.',
    noPassword: 'No password on standard input: pipe it in, e.g. `… | nvr-assist security --password-stdin`.',
    noPasswordHttps:
      'No password on standard input: pipe it in, e.g. `… | nvr-assist security --https-on --user-consent --user admin --password-stdin`.',
    defaultsConsent:
      '`--check-defaults` logs in to your NVR with its vendor’s factory password (at most 2 attempts in 30 minutes, which stays below known lockouts). Add {option} to say you agree.',
    setNeedsStdin:
      '`--set-password` reads the passwords from standard input: add {option} and pipe in the current password, then the new one, each on its own line.',
    twoLines:
      'Standard input must hold two lines: the current password, then the new one, e.g. `printf \'%s\\n%s\\n\' "$OLD" "$NEW" | nvr-assist security --set-password --password-stdin --user admin`.',
    httpsConsent:
      '`--https-on` changes a setting on your NVR (ONVIF SetNetworkProtocols: HTTPS on); if the check fails the app turns it off again. Add {option} to say you agree.',
    pipePassword: 'Pipe the NVR’s password in with {option} (never on the command line).',
    giveUser: 'Give the NVR’s user with {option}.',
    noNvr:
      'No NVR is chosen yet: choose it by logging in to it, e.g. `nvr-assist identify 192.168.1.64 --user admin --password-stdin`. Nothing was changed.',
    score: 'Security score: {score}/100 (from what the steps recorded; nothing was measured now)',
    scoreHighRisk:
      'Security score: {score}/100 — a high risk is open (from what the steps recorded; nothing was measured now)',
    noFinding: 'No finding.',
    severity: {
      critical: 'CRITICAL',
      high: 'HIGH',
      medium: 'MEDIUM',
      low: 'LOW',
      unknown: 'UNKNOWN',
      info: 'NOTE',
    },
    todo: 'What to do: {fix}',
    source: 'Source: {source}',
    knownVulns: 'Known critical vulnerabilities for this brand:',
    vuln: '{id}: {status}. {reason} Fixed in: {fixedIn}',
    status: { affected: 'AFFECTED', fixed: 'fixed', unknown: 'unknown — check', notListed: 'model not listed' },
    unknownNotSafe:
      'Unknown is never counted as safe: each unknown costs points until the step that measures it has run.',
    rule: 'Rule: {length} characters ({lengthOk}), {kinds} kinds of character ({mixed}); estimator score {score}/4.',
    enough: 'enough',
    tooShort: 'too short',
    mixed: 'mixed',
    notMixed: 'not mixed enough',
    defaults: {
      accepted: 'CRITICAL: the factory default password still works on your NVR.',
      refused: 'Good: the NVR refused its factory default password.',
      notTried: 'The default password could not be tried.',
    },
    attempt: '{candidate}: {outcome} ({at} UTC)',
    outcome: {
      accepted: 'ACCEPTED',
      refused: 'refused',
      locked: 'LOCKED — stopped',
      noAnswer: 'no answer',
      unusable: 'answer says nothing about the password',
    },
    policy:
      'Policy: one login per known default, at most 2 in 30 minutes, stopping at a refusal unless {option} and at any sign of a lockout; only your chosen NVR. No password is saved or logged.',
  },
} as const;
