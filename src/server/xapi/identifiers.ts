/**
 * Where every xAPI IRI of an organisation starts: PUBLIC_URL when the centre set one, else an
 * address made from the organisation's id under `.invalid` (RFC 2606: never resolves, never
 * collides). Never the Host a request came in on: the same trainee must be the same LRS agent
 * whether the trainer used localhost, the LAN address or port 8443.
 */
export function xapiBase(publicUrl: string | null | undefined, organisationId: string): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  return `https://werkvloer.invalid/organisations/${encodeURIComponent(organisationId)}`;
}
