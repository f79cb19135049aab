import { shareLinks } from "@/lib/server/data/share-links";
import { stampedAddress } from "@/lib/server/http/client-address";

// The reader page's view beacon: the body is the share token, nothing else. One statement,
// which counts a viewer once a day and nothing for a revoked, expired or unknown link. Always
// 204, so the answer tells a prober nothing about which tokens exist or what was counted.
export async function POST(request: Request) {
  // A token is 43 characters: anything much larger is not a beacon, and is not read.
  if (Number(request.headers.get("content-length") ?? 0) > 256) return new Response(null, { status: 413 });
  const token = (await request.text()).trim().slice(0, 100);
  await shareLinks.countView(token, {
    address: stampedAddress((name) => request.headers.get(name)) ?? "unknown",
    userAgent: (request.headers.get("user-agent") ?? "").slice(0, 300),
  });
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}
