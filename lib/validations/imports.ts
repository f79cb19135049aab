import { z } from "zod";
import { idInput } from "./common";

export const retryImportJobInput = z.object({ workspaceId: idInput, jobId: idInput });
export const importUrlInput = z.object({ workspaceId: idInput, url: z.string().trim().min(1, "Enter a URL.").max(2000) });
export const importJsonlInput = z.object({ workspaceId: idInput, text: z.string().min(1, "The JSONL is empty.").max(60 * 1024 * 1024) });
export const reextractInput = z.object({ workspaceId: idInput });
