// The short list of TCP ports worth knocking on for any camera or recorder, whatever its brand: the quick audit
// adds them to the brand's catalogue ports (a device often answers on an alternate its brand's row does not name),
// and `nvr-assist ports-scan` sweeps a subnet with them. Most are catalogue facts (ports.ts: each brand's web,
// TLS, RTSP, ONVIF, SDK and media ports, and the risky remote-login services); the rest are the usual alternates
// no catalogue row names, listed in CAMERA_PORT_ALTERNATES with why. Pure data.

/** Alternates not in the catalogue (our judgement, like COMMONLY_SCANNED_PORTS in port-proposal.ts). */
export const CAMERA_PORT_ALTERNATES: Readonly<Record<number, string>> = {
  88: 'a usual second web port',
  8080: 'the most common alternate web port',
  8554: 'a usual alternate RTSP port (media servers, camera firmware)',
  8899: 'ONVIF on many white-label cameras',
  10554: 'a usual alternate RTSP port (chosen by installers moving 554)',
};

/** Ports worth knocking on for a camera or recorder of any brand (see above), ascending. */
export const CAMERA_PORTS: readonly number[] = [
  21, 22, 23, 80, 81, 85, 88, 443, 554, 1935, 2020, 4520, 5000, 5001, 6666, 7080, 7441, 7443, 7447, 8000, 8080, 8081,
  8082, 8443, 8554, 8899, 9000, 9530, 10554, 34599, 35000, 37777,
];
