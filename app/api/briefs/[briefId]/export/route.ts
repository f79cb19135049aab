import { httpStatus } from "@/lib/result";
import { currentActor } from "@/lib/server/auth/current-user";
import { exportBriefVersion } from "@/lib/server/commands/briefs";

// GET /api/briefs/<briefId>/export?workspace=<id>&version=<n>&format=markdown|json|ris|csl
// One published version as a file. The command authorizes ("briefs.export") and scopes the
// brief to the workspace; failures answer with their status and a safe message.
export async function GET(request: Request, { params }: { params: Promise<{ briefId: string }> }) {
  const { briefId } = await params;
  const query = new URL(request.url).searchParams;
  let result;
  try {
    result = await exportBriefVersion(await currentActor(), {
      workspaceId: query.get("workspace") ?? "", briefId, version: query.get("version") ?? "", format: query.get("format") ?? "",
    });
  } catch (error) {
    console.error("[route export brief]", error);
    return Response.json({ error: "internal", message: "Something went wrong on our side." }, { status: 500 });
  }
  if (!result.ok) return Response.json({ error: result.code, message: result.message }, { status: httpStatus(result.code) });
  const { fileName, contentType, body } = result.data;
  return new Response(body, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
