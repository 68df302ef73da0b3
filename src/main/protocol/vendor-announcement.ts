/** What a vendor's own discovery answer says about a device (Hikvision SADP, Dahua DHIP): the common part. */
export interface VendorAnnouncement {
  mac: string | null;
  address: string | null;
  prefix: number | null;
  gateway: string | null;
  dhcp: boolean | null;
  httpPort: number | null;
  serial: string | null;
  model: string | null;
  firmware: string | null;
}
