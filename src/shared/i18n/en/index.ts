// The English catalogue: every user-facing string of the converted parts, in one place. It is the single source:
// its shape is every other language's type (`Messages`, types.ts), so a key added here and missing in another
// language fails the typecheck. Placeholders are `{name}`; a message that depends on a number is an object with one
// form per plural category (`one`, `other` in English; `Intl.PluralRules` picks the form and `{count}` is written
// with the locale's digits). A number passed to a placeholder is formatted by the locale (`1,234`); pass an
// identifier (a port, a prefix length) as a string. No group is called `other` (that word marks a plural message).
// Sentences stay whole: where a page puts markup inside one (a name in bold, a link), the placeholder marks it.

// Every group is in its own file here (./network.ts, ./ports.ts, ./find.ts, ./errors.ts …), so converting one step
// touches no other file, and the pages load each step's words with its page (src/renderer/i18n/catalogue.ts): this
// whole object is for main and the CLI (and the types, from its shape).
import { network } from './network';
import { staticIp } from './static-ip';
import { ports } from './ports';
import { rules } from './rules';
import { upnp } from './upnp';
import { internet } from './internet';
import { ddns } from './ddns';
import { vpn } from './vpn';
import { verify } from './verify';
import { security } from './security';
import { checklist } from './checklist';
import { checklistPdf } from './checklist-pdf';
import { cli } from './cli';
import { wizard } from './wizard';
import { components } from './components';
import { app, common } from './app';
import { find } from './find';
import { device } from './device';
import { errors } from './errors';

export const en = {
  network,
  staticIp,
  ports,
  rules,
  upnp,
  internet,
  ddns,
  vpn,
  verify,
  security,
  checklist,
  checklistPdf,
  cli,
  wizard,
  components,
  app,
  common,
  find,
  device,
  errors,
} as const;
