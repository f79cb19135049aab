import { shareLinks } from "@/lib/server/data/share-links";

// The reader page's view beacon: the body is the share token, nothing else. One UPDATE, which
// counts nothing for a revoked, expired or unknown link. Always 204, so the answer tells a
// prober nothing about which tokens exist.
export async function POST(request: Request) {
  const token = (await request.text()).trim().slice(0, 100);
  await shareLinks.countView(token);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
