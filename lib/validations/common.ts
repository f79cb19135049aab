import { z } from "zod";

export const idInput = z.string().min(1).max(64);
export const workspaceScoped = z.object({ workspaceId: idInput });
