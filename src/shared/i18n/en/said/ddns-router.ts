// The ddns group's `said.router` (see ../ddns.ts): routers' own DDNS clients (src/shared/catalog/router-ddns.ts), what
// each offers, what to do with it, and its steps from the login to saving, said by key so the page and the CLI say
// them in the user's language. In the steps, {name} is the name made here, {sub} its DuckDNS label, {user} the user
// name, {secret} "your password" or "your token", {server} the dyndns2 server (the values typed, or `fill`'s words).
// The menu paths, buttons and fields' labels inside them are what the router's own screen shows ("Services > Dynamic
// DNS", “Save & Apply”, Lookup Hostname): a translation keeps them as they are. The products' and families' names stay
// data, and so do the sources (evidence).

export const ddnsRouterSaid = {
  /** What fills a placeholder the user left empty, and the secret's word. */
  fill: {
    name: 'your name',
    sub: 'your DuckDNS name without .duckdns.org',
    user: 'your user name',
    secret: { password: 'your password', token: 'your token' },
    server: 'your server',
  },
  /** An unconfirmed (L) router's first step. */
  reportedly: 'Reportedly (not confirmed): {step}',
  /** What to do when the router's list does not have the provider: the cron line. */
  cronInstead: 'use this app’s cron line (below) instead.',
  /** LuCI's Dynamic DNS page (OpenWrt, and GL.iNet through its LuCI). */
  luci: {
    steps: {
      s1: 'In LuCI go to Services > Dynamic DNS (if it is missing, install luci-app-ddns and ddns-scripts under System > Software).',
      s2: 'Press “Add new services…”, give it a name and press “Create service”.',
      s3: 'Basic Settings: tick “Enabled”; Lookup Hostname: {name}; IP address version: IPv4.',
      s4: 'Press “Save”, then “Save & Apply”.',
    },
    providers: {
      duckdns:
        'DDNS Service provider: duckdns.org. Domain: {sub}. Username: any word (the field must not be empty). Password: {secret}.',
      noip: 'DDNS Service provider: no-ip.com. Domain: {name}. Username: {user}. Password: {secret}.',
      dynu: 'DDNS Service provider: dynu.com. Domain: {name}. Username: {user}. Password: {secret}.',
      dyndns2:
        'DDNS Service provider: dyndns.org for Dyn; for {server} choose “-- custom --” with Custom update-URL https://[USERNAME]:[PASSWORD]@your server/nic/update?hostname=[DOMAIN]&myip=[IP]. Domain: {name}. Username: {user}. Password: {secret}.',
      cloudflare:
        'DDNS Service provider: cloudflare.com-v4 (listed when its ddns-scripts service is installed). Domain: the name written host@zone, like nvr@example.com for {name}. Username: Bearer. Password: {secret} (the API token).',
    },
  },
  fritzbox: {
    offers:
      'MyFRITZ! (a free account: the box reports its public address and you reach it by a MyFRITZ! address), and a DynDNS client with a “user-defined” provider.',
    use: 'For the name made here: in its DynDNS settings choose the provider “User-defined”, with the provider’s update address, the name, user and password.',
    steps: {
      s1: 'Open the FRITZ!Box user interface; click “Internet”, then “Permit Access”, then the “DynDNS” tab.',
      s2: 'Enable “Use DynDNS”.',
      s3: 'Click “Apply”. The box sends its address to the provider each time it connects to the internet.',
    },
    providers: {
      duckdns:
        'DynDNS provider: “User-defined”. Update URL: https://www.duckdns.org/update?domains=<domain>&token=<pass>&ip=<ipaddr> (the box fills in the parts in < >). Domain name: {sub}. User name: any word (DuckDNS does not use it). Password: {secret}.',
      noip: 'DynDNS provider: No-IP if it is in the drop-down list (reportedly it is), otherwise “User-defined” with No-IP’s update URL. Domain name: {name}. User name: {user}. Password: {secret}.',
      dynu: 'DynDNS provider: “User-defined”, with the update URL Dynu gives for the FRITZ!Box. Domain name: {name}. User name: {user}. Password: {secret}.',
      dyndns2:
        'DynDNS provider: DynDNS if your server is Dyn’s, otherwise “User-defined” with the update URL of {server}. Domain name: {name}. User name: {user}. Password: {secret}.',
    },
    otherwise:
      'Cloudflare’s API wants its token in a header and a PATCH request, which an update URL cannot send: use this app’s cron line (below) instead.',
  },
  'openwrt-luci': {
    offers:
      'The ddns-scripts client with LuCI’s “Dynamic DNS” page, when the packages ddns-scripts and luci-app-ddns are installed; its provider list includes duckdns.org, no-ip.com, dynu.com, dyndns.org and cloudflare.com-v4, plus a custom update URL.',
    use: 'Pick your provider in “DDNS Service provider” and type the same name, user and password or token as here.',
  },
  asus: {
    offers:
      'A free name.asuscomm.com kept by the router itself; behind a second router the router must be told to find its real public address (Asuswrt-Merlin).',
    use: 'Either use the asuscomm.com name instead of the one made here, or pick your provider in the router’s DDNS list.',
    steps: {
      s1: 'Open the router’s page and go to Advanced Settings > WAN > DDNS.',
      s2: 'Enable the DDNS Client: Yes.',
      s3: 'Press “Apply”.',
    },
    providers: {
      noip: 'Server: WWW.NO-IP.COM. Host Name: {name}. User Name: {user}. Password: {secret}.',
      dyndns2:
        'Server: WWW.DYNDNS.ORG (Dyn’s own server only; for {server}, Asuswrt-Merlin’s “Custom” with a ddns-start script). Host Name: {name}. User Name: {user}. Password: {secret}.',
    },
    otherwise:
      'Not in its list (WWW.ASUS.COM, WWW.NO-IP.COM, WWW.DYNDNS.ORG and others). Asuswrt-Merlin only: Server “Custom” runs your own /jffs/scripts/ddns-start (custom scripts enabled under Administration > System). Otherwise use this app’s cron line (below) instead.',
  },
  'tp-link': {
    offers: 'Reportedly a tplinkdns.com name tied to a TP-Link ID (not confirmed).',
    use: 'Look for Dynamic DNS in the router’s settings and pick your provider if it is listed.',
    steps: {
      s1: 'Look for Dynamic DNS in the router’s settings (Advanced > Network > Dynamic DNS).',
      s2: 'Save.',
    },
    providers: {
      noip: 'Service Provider: NO-IP, if it is listed. Domain Name: {name}. Username: {user}. Password: {secret}.',
      dyndns2:
        'Service Provider: DynDNS, if it is listed and your server is Dyn’s. Domain Name: {name}. Username: {user}. Password: {secret}.',
    },
    otherwise: 'If your provider is not in its list, use this app’s cron line (below) instead.',
  },
  netgear: {
    offers: 'A Dynamic DNS page (its manuals have a “Dynamic DNS” section); the providers it lists are not confirmed.',
    use: 'Pick your provider if it is listed.',
    steps: {
      s1: 'Look for Dynamic DNS in the router’s settings (ADVANCED > Advanced Setup > Dynamic DNS).',
      s2: 'Turn the Dynamic DNS service on.',
      s3: 'Press Apply.',
    },
    providers: {
      noip: 'Service Provider: No-IP, if it is listed. Host Name: {name}. User Name: {user}. Password: {secret}.',
      dyndns2:
        'Service Provider: Dyn (DynDNS), if it is listed and your server is Dyn’s. Host Name: {name}. User Name: {user}. Password: {secret}.',
    },
    otherwise: 'If your provider is not in its list, use this app’s cron line (below) instead.',
  },
  unifi: {
    offers:
      'A Dynamic DNS client (inadyn on the gateway) set up in the UniFi Network application, with a service, host name, server, login and password per entry.',
    use: 'Add an entry for your provider with the same name, user and password or token as here.',
    steps: {
      s1: 'In the UniFi Network application, look for Dynamic DNS in the settings of your internet connection (WAN); the menu differs by version.',
      s2: 'Create a new entry.',
      s3: 'Save. The gateway updates the name when its WAN address changes.',
    },
    providers: {
      noip: 'Service: noip, if it is listed. Hostname: {name}. Username: {user}. Password: {secret}.',
      dyndns2: 'Service: dyndns. Hostname: {name}. Username: {user}. Password: {secret}. Server: {server}.',
    },
    otherwise: 'If your provider is not in its list, use this app’s cron line (below) instead.',
  },
  pfsense: {
    offers:
      'A Dynamic DNS client under Services > Dynamic DNS on both; pfSense lists Cloudflare, No-IP, DynDNS and “Custom” among its providers, OPNsense lists Duck DNS and “Custom”.',
    use: 'Add an entry for your provider with the same name, user and password or token as here.',
    steps: {
      s1: 'pfSense: Services > Dynamic DNS, the tab of DynDNS providers, Add. OPNsense: Services > Dynamic DNS, “Add” in the upper right corner.',
      s2: 'Leave it enabled; Interface (OPNsense: Interface to monitor): WAN.',
      s3: 'Description: the NVR’s name. Save.',
    },
    providers: {
      duckdns:
        'OPNsense: Service type “Duck DNS”, Hostname {name}, Username: {secret}, Password: empty. pfSense: Service Type “Custom” with DuckDNS’s update URL.',
      noip: 'pfSense: Service Type “No-IP”. Hostname: {name}. Username: {user}. Password: {secret}. (OPNsense: pick it if it is listed.)',
      dyndns2:
        'Service Type “DynDNS” for Dyn; for {server}, “Custom” with the server’s update URL (Username and Password are sent as HTTP basic auth). Hostname: {name}. Username: {user}. Password: {secret}.',
      cloudflare:
        'pfSense: Service Type “Cloudflare”. Hostname: {name}; the API token as its form asks. (OPNsense: pick it if it is listed.)',
    },
    otherwise:
      'Service type “Custom” with your provider’s update URL (see its help), or use this app’s cron line (below) instead.',
  },
  mikrotik: {
    offers:
      'MikroTik’s own DDNS service, on its RouterBOARD devices: the router keeps a name of its own under sn.mynetname.net pointing at its public IPv4 address (checked every minute). It has no client for other providers.',
    use: 'Either use the router’s own name instead of the one made here, or keep the name made here current with the cron line.',
    steps: {
      s1: 'Open a terminal on the router (WinBox > New Terminal, or ssh).',
      s2: 'Type /ip cloud set ddns-enabled=yes',
      s3: 'Type /ip cloud print: the name it shows (ending in .sn.mynetname.net) now points at your public address.',
    },
    otherwise:
      'Not supported: RouterOS keeps only its own …sn.mynetname.net name, not {name}. Either use that name instead, or use this app’s cron line (below) instead.',
  },
  glinet: {
    offers:
      'Its own free name (…glddns.com: Applications > Dynamic DNS, “Enable DDNS”, then “Apply”), and LuCI, OpenWrt’s own pages, under System > Advanced Settings, where OpenWrt’s DDNS client takes other providers.',
    use: 'Either use the glddns.com name instead of the one made here, or set up your provider in LuCI as on OpenWrt.',
    steps: {
      s1: 'In the admin panel go to System > Advanced Settings, click “Go To LuCI” and log in with the admin panel’s password.',
    },
  },
  /** A family the app knows whose own client no source was found for (by the Router rules step's word). */
  notKnown: {
    linksys: 'Linksys: not known (no source found for its DDNS settings).',
    google: 'Google Nest Wifi / Google Wifi: not known (no source found for a DDNS client of its own).',
    eero: 'eero: not known (no source found for a DDNS client of its own).',
    isp: 'Your internet provider’s router: not known (its pages differ by provider).',
    nftables: 'A Linux router (nftables): no DDNS client of its own; the cron line can run on it.',
    iptables: 'A Linux router (iptables): no DDNS client of its own; the cron line can run on it.',
  },
  /** A family word the catalogue does not know at all. */
  notKnownOther: '{family}: not known.',
} as const;
