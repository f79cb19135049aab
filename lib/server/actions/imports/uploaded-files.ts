import "server-only";
import type { UploadedFile } from "@/lib/server/commands/imports";

/** Files from a multipart form, as plain bytes for the parsers. */
export async function uploadedFiles(form: FormData, field: string): Promise<UploadedFile[]> {
  const files = form.getAll(field).filter((v): v is File => typeof v === "object" && v !== null && "arrayBuffer" in v && !(v.name === "" && v.size === 0));
  return Promise.all(files.map(async (f) => ({ name: f.name, type: f.type, bytes: new Uint8Array(await f.arrayBuffer()) })));
}
